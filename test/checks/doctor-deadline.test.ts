// @vitest-environment node
/**
 * Issue 12, point 10: the doctor's whole run has a deadline (--deadline-ms). Against a server that
 * drips its answers a byte at a time, each request would run to its own 10 s cap and a full run
 * took 70 s; with the deadline the request in flight is aborted and the run reports what it has.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { main } from "../../src/cli/doctor.ts";
import { expectNoSecret, TOKEN } from "./helpers.ts";

let server: Server;
let baseUrl: string;
/** Answers still dripping: a request the deadline aborted closes its answer. */
let dripping = 0;

beforeAll(async () => {
  // Headers at once, then one space of a JSON body every 100 ms, never the end.
  server = createServer((_req, res) => {
    dripping++;
    res.writeHead(200, { "content-type": "application/scim+json" });
    res.write("{");
    const drip = setInterval(() => res.write(" "), 100);
    res.on("close", () => {
      clearInterval(drip);
      dripping--;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scim/v2`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

async function doctor(args: string[], url = baseUrl) {
  const out: string[] = [];
  const err: string[] = [];
  const started = performance.now();
  const code = await main(["--url", url, ...args], {
    env: { SCIM_TOKEN: TOKEN },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  });
  const elapsed = performance.now() - started;
  expectNoSecret(out.join("\n") + err.join("\n"));
  return { code, out: out.join("\n"), err: err.join("\n"), elapsed };
}

it("a run with --deadline-ms ends soon after it, aborts the request in flight and names the checks not run", async () => {
  const run = await doctor(["--deadline-ms", "1500"]);
  // Generous for a loaded machine; without the deadline this run takes well over 30 s.
  expect(run.elapsed).toBeLessThan(6000);
  expect(run.err).toBe("");
  expect(run.code).toBe(1);
  // url-format sends nothing and finishes as usual (http:// is a finding of its own); discovery
  // was in flight; the rest never started.
  expect(run.out).toMatch(/^FAIL {2}url-format\s+bad-url/m);
  expect(run.out).toMatch(/^skip {2}discovery\s+not run: stopped in flight at the run's deadline \(1500 ms/m);
  expect(run.out).toMatch(/^skip {2}test-connection\s+not run: the run's deadline \(1500 ms, --deadline-ms\) passed/m);
  expect(run.out).toMatch(/Stopped at the run's deadline \(1500 ms\): \d+ not run \(discovery, test-connection/);
  // The answer in flight was closed by the client, not left to drip on to its 10 s cap.
  await vi.waitFor(() => expect(dripping).toBe(0), { timeout: 3000 });
});

it("--json keeps checks and skipped as they were, and adds what the deadline left not run", async () => {
  const run = await doctor(["--deadline-ms", "1500", "--json", "--check", "url-format", "--check", "discovery"]);
  expect(run.elapsed).toBeLessThan(6000);
  expect(run.code).toBe(1);
  const report = JSON.parse(run.out);
  expect(report.checks.map((c: { id: string }) => c.id)).toEqual(["url-format"]);
  expect(Object.keys(report.checks[0])).toEqual(
    expect.arrayContaining(["id", "outcome", "title", "advice", "evidence"]),
  );
  expect(report.skipped).toEqual([
    { id: "discovery", reason: expect.stringMatching(/^not run: stopped in flight at the run's deadline/) },
  ]);
  expect(report.deadline).toEqual({ ms: 1500, reached: true, notRun: ["discovery"] });
});

it("a run that finishes before its deadline says nothing of it and keeps its exit code", async () => {
  // An https Tenant URL passes url-format, which sends nothing.
  const run = await doctor(
    ["--deadline-ms", "60000", "--json", "--check", "url-format"],
    "https://scim.example.invalid/scim/v2",
  );
  expect(run.code).toBe(0);
  expect(JSON.parse(run.out).deadline).toEqual({ ms: 60000, reached: false, notRun: [] });
});

it.each(["0", "-5", "1.5", "soon", "3600001"])("--deadline-ms %s is bad usage (exit 2)", async (value) => {
  const run = await doctor([`--deadline-ms=${value}`]);
  expect(run.code).toBe(2);
  expect(run.err).toContain("--deadline-ms must be a whole number of milliseconds between 1 and 3600000.");
});
