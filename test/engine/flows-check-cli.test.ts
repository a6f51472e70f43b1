import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");
const run = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/cli/flows-check.ts", ...args], { cwd: root, encoding: "utf8" });

describe("npm run flows:check", () => {
  test("passes on flows/ with exit 0", () => {
    const result = run();
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/no problems/);
  });

  test("names file and step, and exits 1, on a broken flow", () => {
    const result = run("test/fixtures/flows/broken/unknown-target.yaml");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'test/fixtures/flows/broken/unknown-target.yaml: step "stop-sync": next: target "nope" does not exist',
    );
  });

  test("--json prints every issue for tools", () => {
    const result = run(
      "--json",
      "test/fixtures/flows/broken/dead-end.yaml",
      "test/fixtures/flows/broken/unreachable.yaml",
    );
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: false, files: 2 });
    expect(report.issues.map((i: { rule: string }) => i.rule).sort()).toEqual(["dead-end", "unreachable"]);
  });

  test("exits 2 on an unknown option", () => {
    expect(run("--frobnicate").status).toBe(2);
  });

  test("exits 2, without a stack trace, on a file that does not exist", () => {
    const result = run("flows/no-such-flow.yaml");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("no such file");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
