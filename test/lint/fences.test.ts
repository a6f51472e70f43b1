import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The layering is enforced by Biome (biome.json overrides), not by hope: each
 * case writes a one-line probe file into the folder it speaks for, lints it,
 * and removes it again.
 */
const ROOT = join(import.meta.dirname, "../..");

function lintProbe(folder: string, importPath: string): { failed: boolean; output: string } {
  const file = join(ROOT, folder, `fence-probe-${process.pid}.ts`);
  writeFileSync(file, `import { x } from "${importPath}";\nexport const y = x;\n`);
  try {
    const run = spawnSync(join(ROOT, "node_modules/.bin/biome"), ["lint", file], { cwd: ROOT, encoding: "utf8" });
    return { failed: run.status !== 0, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

describe("import fences", () => {
  it.each([
    ["src/features/wizard", "../../app/routes", "Pages never import app"],
    ["src/features/embed", "../catalogue/catalogue-page", "A page never imports another page"],
    ["src/features/article", "../../features/wizard/wizard-page", "A page never imports another page"],
    ["src/ui/walk", "../../features/wizard/wizard-page", "The shared UI layer serves the pages"],
    ["src/ui/share", "../../app/messages", "The shared UI layer serves the pages"],
    ["src/engine", "react", "The engine knows no React"],
    ["src/engine", "../checks/run", "The engine imports only itself"],
    ["src/checks", "../engine/compile", "Checks import neither the engine nor the UI"],
  ])("%s may not import %s", (folder, importPath, message) => {
    const { failed, output } = lintProbe(folder, importPath);
    expect(failed).toBe(true);
    expect(output).toContain(message);
  });

  it.each([
    ["src/features/embed", "../../ui/walk/walk-view"],
    ["src/features/embed", "./embed-host"],
    ["src/ui/walk", "../../engine/session"],
  ])(
    "%s may import %s",
    (folder, importPath) => {
      expect(lintProbe(folder, importPath).failed).toBe(false);
    },
    20_000,
  );
});
