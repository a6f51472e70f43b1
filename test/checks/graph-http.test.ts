// @vitest-environment node
/**
 * The Graph checks over real HTTP: the demo server's Graph on 127.0.0.1 (every case of the table
 * that needs no MSW override), then a hostile Graph started here for what the demo never does
 * (an HTML page, a huge or endless body, a next page elsewhere, a closed port).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { findServicePrincipals, readProvisioningLogs } from "../../src/checks/graph-reads.ts";
import { runCheck } from "../../src/checks/run.ts";
import { DEMO_SERVICE_PRINCIPALS } from "../../src/demo/constants.ts";
import { type DemoServer, startDemoServer } from "../../src/demo/node-server.ts";
import { GRAPH_CASES } from "./graph-cases.ts";
import { closedPort, expectNoSecret, expectOutcome, FAST, GRAPH_TOKEN, TOKEN } from "./helpers.ts";

const [ACTIVE, QUARANTINED] = DEMO_SERVICE_PRINCIPALS;
let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0, token: TOKEN, graphToken: GRAPH_TOKEN });
});
beforeEach(() => demo.tenant.graph.reset([]));
afterAll(() => demo.close());

it("serves the Graph under /graph/v1.0 on loopback", () => {
  expect(demo.graphRoot).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graph\/v1\.0$/);
  expect(demo.graphRoot.startsWith(demo.url)).toBe(true);
});

const overHttp = GRAPH_CASES.filter((c) => !c.handlers);

it("runs most of the case table over HTTP", () => {
  expect(overHttp.length).toBeGreaterThan(30);
});

describe.each(overHttp.filter((c) => c.outcome !== "timeout"))("$check: $name", (c) => {
  it(`→ ${c.outcome}`, async () => {
    demo.tenant.graph.reset(c.graphFaults ?? []);
    c.setup?.(demo.tenant.graph);
    const target = { baseUrl: demo.graphRoot, token: GRAPH_TOKEN, servicePrincipalId: c.servicePrincipalId };
    const result = await runCheck(c.check, target, {}, { ...FAST, ...c.options });
    expectOutcome(result, c.outcome);
    c.verify?.(result);
  });
});

it("gives up on a slow Graph at the cap, and leaves nothing running", async () => {
  demo.tenant.graph.reset(["graph-slow"]);
  const started = performance.now();
  const target = { baseUrl: demo.graphRoot, token: GRAPH_TOKEN, servicePrincipalId: ACTIVE.id };
  const results = await Promise.all(["job-status", "provisioning-logs"].map((c) => runCheck(c, target, {}, FAST)));
  for (const r of results) expectOutcome(r, "timeout");
  expect(performance.now() - started).toBeLessThan(FAST.timeoutMs + 1500);
});

it("reads the logs and finds the applications over HTTP", async () => {
  const graph = { baseUrl: demo.graphRoot, token: GRAPH_TOKEN };
  const found = await findServicePrincipals(graph, "Workspace 365 (q");
  expect(found).toEqual({
    ok: true,
    value: [{ id: QUARANTINED.id, displayName: QUARANTINED.displayName, appId: QUARANTINED.appId }],
  });
  const read = await readProvisioningLogs({ ...graph, servicePrincipalId: QUARANTINED.id });
  expect(read).toMatchObject({ ok: true, value: { entries: 3, pages: 1, cut: false } });
});

it("refuses every write: the demo's Graph is read-only", async () => {
  const res = await fetch(`${demo.graphRoot}/servicePrincipals/${QUARANTINED.id}/synchronization/jobs/x/restart`, {
    method: "POST",
    headers: { authorization: `Bearer ${GRAPH_TOKEN}` },
  });
  expect(res.status).toBe(405);
  expect(await res.json()).toMatchObject({ error: { code: "Request_BadRequest" } });
});

describe("a hostile Graph", () => {
  let hostile: Server;
  let root: string;
  /** Each first path segment answers in its own way. */
  const ANSWERS: Record<string, (res: import("node:http").ServerResponse, auth: string) => void> = {
    html: (res) =>
      res.writeHead(200, { "content-type": "text/html" }).end("<html><title>Portal</title><body>Hi</body></html>"),
    huge: (res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`{"value":[],"pad":"${"x".repeat(2 * 1024 * 1024)}"}`);
    },
    elsewhere: (res) =>
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          value: [{}],
          "@odata.nextLink": "http://127.0.0.2:9/graph/v1.0/auditLogs/provisioning?$skiptoken=1",
        }),
      ),
    // A first page with one success and a next page (on the same host) that answers 503.
    "second-fails": (res, _auth) =>
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          value: [{ id: "e1", provisioningStatusInfo: { status: "success" } }],
          "@odata.nextLink": `${root}/second-fails-page2/v1.0/auditLogs/provisioning?$skiptoken=2`,
        }),
      ),
    "second-fails-page2": (res) =>
      res.writeHead(503, { "content-type": "application/json" }).end('{"error":{"code":"ServiceUnavailable"}}'),
    echo: (res, auth) =>
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ value: [{ id: auth, status: { code: "Quarantine", quarantine: { reason: auth } } }] })),
  };
  const requests: string[] = [];

  beforeAll(async () => {
    hostile = createServer((req, res) => {
      requests.push(req.url ?? "");
      const kind = (req.url ?? "").split("/")[1];
      (ANSWERS[kind] ?? ANSWERS.html)(res, req.headers.authorization ?? "");
    });
    await new Promise<void>((resolve) => hostile.listen(0, "127.0.0.1", resolve));
    root = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => hostile.close(() => resolve())));

  const run = (check: string, kind: string) =>
    runCheck(check, { baseUrl: `${root}/${kind}/v1.0`, token: GRAPH_TOKEN, servicePrincipalId: ACTIVE.id }, {}, FAST);

  it.each(["job-status", "provisioning-logs"])("%s: an HTML page → bad-response, summarised", async (check) => {
    const result = expectOutcome(await run(check, "html"), "bad-response");
    expect(result.evidence[0].bodySummary).toMatch(/^HTML page: Portal/);
  });

  it.each(["job-status", "provisioning-logs"])("%s: a 2 MiB body → bad-response at the cap", async (check) => {
    expectOutcome(await run(check, "huge"), "bad-response");
  });

  it("does not follow a next page on another host", async () => {
    requests.length = 0;
    // What was read holds no failure, but the rest was not read: not a pass.
    const result = expectOutcome(await run("provisioning-logs", "elsewhere"), "incomplete");
    expect(result.passed).toBe(false);
    expect(result.explanation).toContain("another host (127.0.0.2:9)");
    expect(requests).toHaveLength(1);
  });

  it("does not pass a log whose second page could not be read", async () => {
    requests.length = 0;
    const result = expectOutcome(await run("provisioning-logs", "second-fails"), "incomplete");
    expect(result.passed).toBe(false);
    expect(result.explanation).toContain("Page 2 could not be read");
    expect(requests).toHaveLength(2);
  });

  it("redacts the token a hostile Graph puts in a job", async () => {
    const result = await run("job-status", "echo");
    expectOutcome(result, "quarantine-other");
    expect(result.explanation).toContain("Bearer ••••");
    expectNoSecret(JSON.stringify(result));
  });

  it("a closed port → unreachable, naming the system error", async () => {
    const port = await closedPort();
    const target = { baseUrl: `http://127.0.0.1:${port}/v1.0`, token: GRAPH_TOKEN, servicePrincipalId: ACTIVE.id };
    const result = expectOutcome(await runCheck("job-status", target, {}, FAST), "unreachable");
    expect(result.explanation).toContain("ECONNREFUSED");
  });
});
