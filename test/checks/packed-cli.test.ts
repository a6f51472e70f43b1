// @vitest-environment node
/**
 * The doctor without the repository: `npm pack` (whose prepack builds dist-cli/), the tarball
 * installed offline into an empty folder, and its `scim-troubleshooter` bin run with plain Node
 * (no tsx, no devDependencies) against the loopback demo server.
 */
import { execFile, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type DemoServer, startDemoServer } from "../../src/demo/node-server.ts";
import { expectNoSecret, outcomePairs, TOKEN } from "./helpers.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PACKAGE = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
// npm's own variables (npm_config_*, npm_lifecycle_*) from `npm test` would steer the inner npm.
const CLEAN_ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = CLEAN_ENV): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let work: string;
let bin: string;
let demo: DemoServer;

/** The installed bin with only PATH and the given variables: nothing of the repository's environment. */
async function troubleshooter(args: string[], env: Record<string, string> = { SCIM_TOKEN: TOKEN }): Promise<Run> {
  const result = await run(bin, args, join(work, "app"), { PATH: process.env.PATH ?? "", ...env });
  expectNoSecret(result.stdout + result.stderr);
  return result;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "scim-packed-"));
  const packed = await run("npm", ["pack", "--silent", "--pack-destination", work], ROOT);
  expect(packed.code, packed.stderr).toBe(0);
  const tarball = (await readdir(work)).find((f) => f.endsWith(".tgz"));
  expect(tarball).toBeDefined();
  // An empty folder of its own (its package.json stops npm from looking further up).
  const app = join(work, "app");
  await mkdir(app);
  await writeFile(join(app, "package.json"), '{ "private": true }\n');
  const installed = await run(
    "npm",
    ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", join(work, tarball as string)],
    app,
  );
  expect(installed.code, installed.stderr).toBe(0);
  bin = join(app, "node_modules", ".bin", "scim-troubleshooter");
  demo = await startDemoServer({ port: 0, token: TOKEN });
}, 60_000);

afterAll(async () => {
  await demo?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

it("installs with no dependency and only the built CLI", async () => {
  const installed = await readdir(join(work, "app", "node_modules"));
  expect(installed.filter((name) => !name.startsWith("."))).toEqual(["scim-troubleshooter"]);
  const files = await readdir(join(work, "app", "node_modules", "scim-troubleshooter"), { recursive: true });
  expect(files.filter((f) => f.endsWith(".ts") || f.startsWith("src") || f.startsWith("test"))).toEqual([]);
});

it("runs the doctor against the loopback server: exit 0 and the --json shape", async () => {
  const checks = ["--check", "discovery", "--check", "test-connection", "--check", "auth-enforced"];
  const ok = await troubleshooter(["doctor", "--url", demo.baseUrl, ...checks, "--json"]);
  expect(ok.code, ok.stderr).toBe(0);
  expect(outcomePairs(ok.stdout)).toEqual([
    ["discovery", "pass"],
    ["test-connection", "pass"],
    ["auth-enforced", "pass"],
  ]);
  const report = JSON.parse(ok.stdout);
  for (const c of report.checks) {
    expect(Object.keys(c)).toEqual(expect.arrayContaining(["id", "outcome", "title", "advice", "evidence"]));
  }
});

it("gives the doctor's other exit codes, naming itself in the usage", async () => {
  // Every check whose inputs are given: url-format fails, the loopback server being http.
  const failing = await troubleshooter(["doctor", "--url", demo.baseUrl]);
  expect(failing.code).toBe(1);
  expect(failing.stdout).toMatch(/FAIL\s+url-format\s+bad-url/);
  const usage = await troubleshooter(["doctor", "--url", demo.baseUrl, "--token", TOKEN]);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toMatch(/never taken from the command line/);
  expect(usage.stderr).toContain("Usage: scim-troubleshooter doctor --url");
  const version = await troubleshooter(["--version"]);
  expect(version).toMatchObject({ code: 0, stdout: `scim-troubleshooter ${PACKAGE.version}\n` });
  const unknown = await troubleshooter(["cure"]);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toMatch(/Unknown tool: cure\.[\s\S]*demo-server/);
});

it("runs its own demo server and relay, which the doctor then checks through", async () => {
  const env = { PATH: process.env.PATH ?? "", SCIM_TOKEN: TOKEN };
  const started: ReturnType<typeof spawn>[] = [];
  /** Starts a long-running tool and resolves with the first loopback URL it prints. */
  const serve = (args: string[]) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(bin, args, { cwd: join(work, "app"), env });
      started.push(child);
      let out = "";
      child.stdout.on("data", (chunk) => {
        out += chunk;
        const url = out.match(/http:\/\/127\.0\.0\.1:\d+(\/scim\/v2)?/)?.[0];
        if (url) resolve(url);
      });
      child.once("exit", (code) => reject(new Error(`${args[0]} exited ${code} before listening: ${out}`)));
    });
  try {
    const simulator = await serve(["demo-server", "--port", "0"]);
    expect(simulator).toMatch(/\/scim\/v2$/);
    const relay = await serve(["relay", "--target", simulator, "--port", "0"]);
    const through = await troubleshooter([
      "doctor",
      "--url",
      `${relay}/scim/v2`,
      "--check",
      "test-connection",
      "--json",
    ]);
    expect(through.code, through.stderr).toBe(0);
    expect(JSON.parse(through.stdout).checks[0]).toMatchObject({ id: "test-connection", outcome: "pass" });
  } finally {
    const exited = started.map((child) => new Promise((done) => child.once("exit", done)));
    for (const child of started) child.kill("SIGTERM");
    await Promise.all(exited);
  }
});
