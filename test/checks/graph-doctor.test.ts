// @vitest-environment node
/** The doctor's Graph flags (issue 14) against the loopback demo server: text, --json, exit codes, bad usage. */
import { execFile } from "node:child_process";
import { main } from "../../src/cli/doctor.ts";
import { DEMO_SERVICE_PRINCIPALS } from "../../src/demo/constants.ts";
import { type DemoServer, startDemoServer } from "../../src/demo/node-server.ts";
import { expectNoSecret, GRAPH_TOKEN, outcomePairs, TOKEN } from "./helpers.ts";

const [ACTIVE, QUARANTINED] = DEMO_SERVICE_PRINCIPALS;
let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0, token: TOKEN, graphToken: GRAPH_TOKEN });
});
beforeEach(() => demo.tenant.graph.reset([]));
afterAll(() => demo.close());

const ENV = { SCIM_TOKEN: TOKEN, GRAPH_TOKEN };

async function doctor(args: string[], env: Record<string, string> = ENV) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { env, out: (t) => (stdout += t), err: (t) => (stderr += t) });
  expectNoSecret(stdout + stderr);
  return { code, stdout, stderr };
}

const graph = (id: string) => ["--graph-url", demo.graphRoot, "--service-principal", id];

it.concurrent("runs both Graph checks for --service-principal alone, exit 1 for a quarantine (subprocess, --json)", async () => {
  const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/doctor.ts", ...graph(QUARANTINED.id), "--json"],
      { env: { PATH: process.env.PATH ?? "", GRAPH_TOKEN }, timeout: 15_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
  expectNoSecret(run.stdout + run.stderr);
  expect(run.code, run.stderr).toBe(1);
  expect(outcomePairs(run.stdout)).toEqual([
    ["job-status", "quarantine-credentials"],
    ["provisioning-logs", "failures"],
  ]);
  const [job] = JSON.parse(run.stdout).checks;
  expect(Object.keys(job)).toEqual(expect.arrayContaining(["id", "outcome", "title", "advice", "evidence"]));
  expect(job.evidence[0]).toMatchObject({ method: "GET", authorization: "Bearer ••••", status: 200 });
  expect(job.explanation).toContain("EncounteredQuarantineException");
});

it("exits 0 with a table when the job runs and nothing failed", async () => {
  const run = await doctor(graph(ACTIVE.id));
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain(`SCIM doctor: Microsoft Graph: ${demo.graphRoot}, enterprise application ${ACTIVE.id}`);
  expect(run.stdout).toMatch(/ok\s+job-status\s+active\s+Provisioning is running/);
  expect(run.stdout).toMatch(/ok\s+provisioning-logs\s+no-failures/);
  expect(run.stdout).toContain("All 2 checks passed.");
});

it("runs only the Graph check named, with the token from --graph-token-env", async () => {
  const run = await doctor([...graph(ACTIVE.id), "--check", "job-status", "--graph-token-env", "MY_GRAPH", "--json"], {
    MY_GRAPH: GRAPH_TOKEN,
  });
  expect(run.code, run.stderr).toBe(0);
  expect(outcomePairs(run.stdout)).toEqual([["job-status", "active"]]);
});

it("runs the SCIM and the Graph checks side by side, each with its own token", async () => {
  const run = await doctor(["--url", demo.baseUrl, ...graph(QUARANTINED.id), "--json"]);
  const pairs = outcomePairs(run.stdout);
  expect(pairs).toContainEqual(["test-connection", "pass"]);
  expect(pairs).toContainEqual(["job-status", "quarantine-credentials"]);
  expect(pairs.map(([id]) => id).slice(-2)).toEqual(["job-status", "provisioning-logs"]);
  expect(run.code).toBe(1);
});

it("lists the Graph checks as skipped when --service-principal is not given", async () => {
  const run = await doctor(["--url", demo.baseUrl, "--json"], { SCIM_TOKEN: TOKEN });
  const skipped = JSON.parse(run.stdout).skipped as { id: string; reason: string }[];
  for (const id of ["job-status", "provisioning-logs"]) {
    expect(skipped).toContainEqual({
      id,
      reason: "needs --service-principal (the enterprise application's Object ID)",
    });
  }
});

it("keeps running the SCIM checks when Graph asks to wait, and sends Graph nothing more", async () => {
  demo.tenant.graph.reset(["graph-throttled"]);
  const checks = ["job-status", "test-connection", "provisioning-logs"].flatMap((c) => ["--check", c]);
  const run = await doctor(["--url", demo.baseUrl, ...graph(ACTIVE.id), ...checks, "--json"]);
  const report = JSON.parse(run.stdout);
  expect(outcomePairs(run.stdout)).toEqual([
    ["job-status", "rate-limited"],
    ["test-connection", "pass"],
  ]);
  expect(report.skipped).toContainEqual({
    id: "provisioning-logs",
    reason: "not sent: the endpoint asked to wait (rate-limited)",
  });
  expect(report.checks[0].advice).toContain("Wait 7 seconds");
});

it.each([
  [["--check", "job-status"], /Check job-status needs --service-principal/],
  [["--url", "x", "--check", "provisioning-logs"], /Check provisioning-logs needs --service-principal/],
  [[], /--url is required \(or --service-principal ID, to run only the Graph checks\)/],
  [["--service-principal", ACTIVE.id, "--check", "test-connection"], /^--url is required\./],
  [["--service-principal", "Workspace 365"], /takes the enterprise application's Object ID.*not printed/],
  [["--service-principal", ACTIVE.id, "--graph-url", "not a url"], /--graph-url is not an absolute address/],
  // The Graph token goes to Microsoft Graph or loopback only: never to a look-alike host.
  [
    ["--service-principal", ACTIVE.id, "--graph-url", "https://graph.microsoft.com.evil.example/v1.0"],
    /--graph-url is not a Microsoft Graph root/,
  ],
])("exits 2 on bad usage: %j", async (args, message) => {
  const run = await doctor(args);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(message);
  expect(run.stdout).toBe("");
});

it("exits 2 when the Graph token variable is not set, naming it", async () => {
  const run = await doctor(graph(ACTIVE.id), { SCIM_TOKEN: TOKEN });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/Set the environment variable GRAPH_TOKEN to a Microsoft Graph access token/);
  const other = await doctor([...graph(ACTIVE.id), "--graph-token-env", "NOT_SET"], {});
  expect(other.stderr).toMatch(/Set the environment variable NOT_SET/);
});

it.each([
  [["--graph-token-env", GRAPH_TOKEN]],
  [[`--graph-token-env=${GRAPH_TOKEN}`]],
  [[`--graph-token=${GRAPH_TOKEN}`]],
  [["--graph-token", GRAPH_TOKEN]],
])("never echoes a Graph token typed on the command line: %j", async (args) => {
  const run = await doctor([...graph(ACTIVE.id), ...args]);
  expect(run.code).toBe(2);
  expect(run.stderr).not.toContain(GRAPH_TOKEN);
  expect(run.stderr).toMatch(/not printed|never taken from the command line/);
});

it("shows the Graph flags in its usage", async () => {
  const run = await doctor(["--help"]);
  for (const flag of ["--service-principal ID", "--graph-token-env NAME", "--graph-url URL"]) {
    expect(run.stdout).toContain(flag);
  }
  expect(run.stdout).toContain("--service-principal <Object ID> [options]");
});
