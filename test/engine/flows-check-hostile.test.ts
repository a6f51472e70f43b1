import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { checkFlowFiles } from "../../src/build/flow-files.ts";
import { HOSTILE_FILES, longCycleFlow } from "./hostile-flow-files.ts";

/**
 * Issue 12 points 3 and 7: whatever a flow file holds, flows:check and the
 * build answer with lint messages, in text and --json, and exit 1; never a
 * stack trace, never a hang. The caps are generous: "must not hang", not a budget.
 */
const root = join(import.meta.dirname, "../..");
const HANG_CAP_MS = 60_000;
let dir: string;
const fileOf = (id: string) => join(dir, `${id}.yaml`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hostile-flows-"));
  for (const { id, text } of HOSTILE_FILES) writeFileSync(fileOf(id), text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const flowsCheck = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/cli/flows-check.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: HANG_CAP_MS,
    maxBuffer: 64 * 1024 * 1024,
  });

describe("flows:check on hostile flow files", () => {
  test("--json reports each attack as a lint issue naming its file, and exits 1", () => {
    const result = flowsCheck("--json", ...HOSTILE_FILES.map(({ id }) => fileOf(id)));
    expect(result.signal, "flows:check was killed: it hung").toBeNull();
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { issues: { file: string; rule: string; message: string }[] };
    for (const { id, rule, says } of HOSTILE_FILES) {
      const mine = report.issues.filter((issue) => issue.file.endsWith(`${id}.yaml`));
      expect(mine, id).toContainEqual(expect.objectContaining({ rule, message: expect.stringContaining(says) }));
    }
  });

  test("the text output names file and step, without a stack trace", () => {
    const result = flowsCheck(...HOSTILE_FILES.map(({ id }) => fileOf(id)));
    expect(result.signal, "flows:check was killed: it hung").toBeNull();
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).toMatch(/redos-pattern\.yaml: step "ask": pattern can backtrack catastrophically/);
    expect(result.stderr).toMatch(/check-constructor\.yaml: step "probe": check "constructor" does not exist/);
    expect(result.stderr).toMatch(/deep-quote-short\.yaml: step "done": quotes and lists are nested/);
  });

  test("the build refuses an unsafe pattern, naming file and step", () => {
    const only = mkdtempSync(join(tmpdir(), "hostile-build-"));
    try {
      writeFileSync(join(only, "redos-pattern.yaml"), HOSTILE_FILES.find((f) => f.id === "redos-pattern")?.text ?? "");
      // The Vite plugin as the build runs it, in a process of its own so that a hang is killed, not waited for.
      const script = `
        import { flowsPlugin } from "./src/build/flows-plugin.ts";
        const plugin = flowsPlugin(${JSON.stringify(only)});
        try {
          plugin.load.call({ addWatchFile() {}, error(message) { throw new Error(message); } }, "\\0virtual:flows");
          console.log("built");
        } catch (error) {
          console.log(error.message);
        }`;
      const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        cwd: root,
        encoding: "utf8",
        timeout: HANG_CAP_MS,
      });
      expect(result.signal, "the build was killed: it hung").toBeNull();
      expect(result.stdout).toContain('redos-pattern.yaml: step "ask": pattern can backtrack catastrophically');
    } finally {
      rmSync(only, { recursive: true, force: true });
    }
  });

  test("a 5,000-step cycle is reported, step by step, without a walk per step", () => {
    const file = join(dir, "long-cycle.yaml");
    writeFileSync(file, longCycleFlow("long-cycle", 5_000));
    const started = performance.now();
    const { issues } = checkFlowFiles([file]);
    const elapsed = performance.now() - started;
    expect(issues.filter((i) => i.rule === "no-exit")).toHaveLength(5_000);
    // 9.7 s before issue 12; well under a second now. The cap only says "not quadratic", on any machine.
    expect(elapsed).toBeLessThan(5_000);
  });
});
