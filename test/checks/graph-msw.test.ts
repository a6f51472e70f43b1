// @vitest-environment node
/** The Graph checks and reads against the demo tenant's Graph, served by MSW (msw/node), as the browser demo serves it. */
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { CHECK_CATALOG } from "../../src/checks/catalog.ts";
import { findServicePrincipals, readProvisioningLogs } from "../../src/checks/graph-reads.ts";
import { plannedRequests, runCheck } from "../../src/checks/run.ts";
import { DEMO_GRAPH_ROOT, DEMO_SERVICE_PRINCIPALS } from "../../src/demo/constants.ts";
import { demoHandlers } from "../../src/demo/msw-handlers.ts";
import { createDemoTenant } from "../../src/demo/simulator.ts";
import { parseLog } from "../../src/features/logs/parse-log.ts";
import { GRAPH_CASES, type GraphCase } from "./graph-cases.ts";
import { expectNoSecret, expectOutcome, FAST, GRAPH_TOKEN, TOKEN } from "./helpers.ts";

const tenant = createDemoTenant({ token: TOKEN, graphToken: GRAPH_TOKEN });
const server = setupServer(...demoHandlers(tenant));
const target = (servicePrincipalId: string) => ({ baseUrl: DEMO_GRAPH_ROOT, token: GRAPH_TOKEN, servicePrincipalId });
const [ACTIVE, , ESCROW] = DEMO_SERVICE_PRINCIPALS;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => tenant.graph.reset([]));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function runCase(c: GraphCase) {
  const result = await runCheck(c.check, target(c.servicePrincipalId), {}, { ...FAST, ...c.options });
  expectOutcome(result, c.outcome);
  expect(result.passed).toBe(["active", "no-failures"].includes(c.outcome));
  for (const e of result.evidence) expect(e.method).toBe("GET");
  c.verify?.(result);
}

describe.each(GRAPH_CASES.filter((c) => c.outcome !== "timeout"))("$check: $name", (c) => {
  it(`→ ${c.outcome}`, async () => {
    tenant.graph.reset(c.graphFaults ?? []);
    c.setup?.(tenant.graph);
    if (c.handlers) server.use(...c.handlers);
    await runCase(c);
  });
});

it("times out both Graph checks within the cap when Graph is slow", async () => {
  tenant.graph.reset(["graph-slow"]);
  const slow = GRAPH_CASES.filter((c) => c.outcome === "timeout");
  expect(slow.map((c) => c.check)).toEqual(["job-status", "provisioning-logs"]);
  const started = performance.now();
  await Promise.all(slow.map(runCase));
  expect(performance.now() - started).toBeLessThan(FAST.timeoutMs * 2 + 400);
});

it("has a case for every outcome code of every Graph check", () => {
  const covered = new Set(GRAPH_CASES.map((c) => `${c.check}:${c.outcome}`));
  const graph = Object.entries(CHECK_CATALOG).filter(([, spec]) => spec.system === "graph");
  expect(graph.map(([check]) => check)).toEqual(["job-status", "provisioning-logs"]);
  const missing = graph.flatMap(([check, spec]) =>
    spec.outcomes.filter((o) => !covered.has(`${check}:${o}`)).map((o) => `${check}:${o}`),
  );
  expect(missing).toEqual([]);
  for (const c of GRAPH_CASES) expect(CHECK_CATALOG[c.check].outcomes).toContain(c.outcome);
});

it("sends exactly the documented GETs, with the Graph token and nothing else", async () => {
  const seen: Request[] = [];
  server.events.on("request:start", ({ request }) => void seen.push(request.clone()));
  await runCheck("job-status", target(ACTIVE.id), {});
  await runCheck("provisioning-logs", target(ACTIVE.id), {});
  server.events.removeAllListeners();
  expect(seen.map((r) => r.method)).toEqual(["GET", "GET"]);
  expect(new URL(seen[0].url).pathname).toBe(`/graph/v1.0/servicePrincipals/${ACTIVE.id}/synchronization/jobs`);
  const logs = new URL(seen[1].url);
  expect(logs.pathname).toBe("/graph/v1.0/auditLogs/provisioning");
  expect(logs.searchParams.get("$filter")).toBe(`servicePrincipal/id eq '${ACTIVE.id}'`);
  expect(logs.searchParams.get("$top")).toBe("100");
  for (const r of seen) expect(r.headers.get("authorization")).toBe(`Bearer ${GRAPH_TOKEN}`);
});

it("is refused by the demo's Graph for any other token, with Graph's error shape", async () => {
  const result = await runCheck("job-status", { ...target(ACTIVE.id), token: TOKEN }, {});
  expectOutcome(result, "unauthorized");
  expect(result.evidence[0].detail).toBe("InvalidAuthenticationToken: Access token validation failure.");
  const empty = await runCheck("job-status", { ...target(ACTIVE.id), token: "" }, {});
  expect(empty.evidence[0]).toMatchObject({
    authorization: "none",
    detail: "InvalidAuthenticationToken: Access token is empty.",
  });
});

it("redacts a Graph token that Graph's error message echoes", async () => {
  server.use(
    http.all(`${DEMO_GRAPH_ROOT}/*`, ({ request }) =>
      HttpResponse.json(
        { error: { code: "InvalidAuthenticationToken", message: `Rejected ${request.headers.get("authorization")}` } },
        { status: 401 },
      ),
    ),
  );
  for (const check of ["job-status", "provisioning-logs"]) {
    const result = await runCheck(check, target(ACTIVE.id), {});
    expect(result.evidence[0].detail).toBe("InvalidAuthenticationToken: Rejected Bearer ••••");
    expectNoSecret(JSON.stringify(result));
  }
});

it("plans the Graph requests without a token, with a placeholder for a missing application", () => {
  const [jobs] = plannedRequests("job-status", target(ACTIVE.id), {});
  expect(jobs).toEqual({
    method: "GET",
    path: `/graph/v1.0/servicePrincipals/${ACTIVE.id}/synchronization/jobs`,
    authorization: "Bearer ••••",
  });
  const [logs] = plannedRequests("provisioning-logs", { baseUrl: DEMO_GRAPH_ROOT }, {});
  expect(decodeURIComponent(logs.path)).toBe(
    "/graph/v1.0/auditLogs/provisioning?$filter=servicePrincipal/id eq '<servicePrincipalId>'&$top=100",
  );
});

it("rejects a Graph check with no service principal as a programmer error", async () => {
  await expect(runCheck("job-status", { baseUrl: DEMO_GRAPH_ROOT, token: GRAPH_TOKEN }, {})).rejects.toThrow(
    /servicePrincipalId/,
  );
});

describe("readProvisioningLogs", () => {
  it("gives the /logs reader one Graph envelope of every page", async () => {
    const read = await readProvisioningLogs(target(ESCROW.id));
    if (!read.ok) throw new Error(read.explanation);
    expect(read.value).toMatchObject({ entries: 127, pages: 2, cut: false });
    const parsed = parseLog(read.value.text);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed).toMatchObject({ shape: "graph", skippedItems: 0, nextLink: false });
    expect(parsed.entries).toHaveLength(127);
    const statuses = new Set(parsed.entries.map((e) => e.status));
    expect([...statuses].sort()).toEqual(["failure", "skipped", "success", "warning"]);
    const codes = new Set(parsed.entries.flatMap((e) => (e.errorCode ? [e.errorCode] : [])));
    expect(codes.size).toBe(5);
    expect(parsed.entries.find((e) => e.errorCode?.endsWith("EntryConflict"))?.upn).toBe("megan.bowen@contoso.example");
    expect(parsed.entries.find((e) => e.status === "skipped")?.skipReason).toBe("NotEffectivelyEntitled");
  });

  it("says when it was cut at the page cap", async () => {
    const app = "11111111-2222-4333-8444-555555555555";
    for (let i = 0; i < 401; i++)
      tenant.graph.logs.push({ servicePrincipal: { id: app }, provisioningAction: "create" });
    const read = await readProvisioningLogs(target(app));
    expect(read).toMatchObject({ ok: true, value: { entries: 400, pages: 4, cut: true, cutReason: "page-cap" } });
  });

  it("words a failure as the check does, with no token in it", async () => {
    tenant.graph.reset(["graph-no-permission"]);
    const read = await readProvisioningLogs(target(ACTIVE.id));
    expect(read).toMatchObject({
      ok: false,
      outcome: "forbidden",
      title: "Permission missing in Microsoft Graph (403)",
    });
    expect(!read.ok && read.explanation).toContain("AuditLog.Read.All");
    const notGuid = await readProvisioningLogs(target("not-a-guid"));
    expect(notGuid).toMatchObject({ ok: false, outcome: "not-found" });
  });
});

describe("findServicePrincipals", () => {
  const graph = { baseUrl: DEMO_GRAPH_ROOT, token: GRAPH_TOKEN };

  it("finds enterprise applications by the start of their name, without case", async () => {
    const found = await findServicePrincipals(graph, "workspace 365 (");
    expect(found.ok && found.value.map((s) => s.displayName)).toEqual([
      "Workspace 365 (quarantined)",
      "Workspace 365 (escrow threshold)",
      "Workspace 365 (paused)",
    ]);
    const all = await findServicePrincipals(graph, "  ");
    expect(all.ok && all.value).toHaveLength(5);
  });

  it("escapes a quote in the OData literal", async () => {
    let filter: string | null = null;
    server.events.on("request:start", ({ request }) => {
      filter = new URL(request.url).searchParams.get("$filter");
    });
    const found = await findServicePrincipals(graph, "O'Brien's app");
    server.events.removeAllListeners();
    expect(filter).toBe("startswith(displayName,'O''Brien''s app')");
    expect(found).toEqual({ ok: true, value: [] });
  });

  it("looks a GUID up as an Object ID, then as an Application ID", async () => {
    const byId = await findServicePrincipals(graph, ` ${ACTIVE.id} `);
    expect(byId).toEqual({
      ok: true,
      value: [{ id: ACTIVE.id, displayName: ACTIVE.displayName, appId: ACTIVE.appId }],
    });
    const byAppId = await findServicePrincipals(graph, ESCROW.appId);
    expect(byAppId.ok && byAppId.value.map((s) => s.id)).toEqual([ESCROW.id]);
    const none = await findServicePrincipals(graph, "12345678-1234-4234-8234-123456789012");
    expect(none).toEqual({ ok: true, value: [] });
  });

  it("names the permission a search needs, and redacts an echoed token", async () => {
    server.use(
      http.get(`${DEMO_GRAPH_ROOT}/servicePrincipals`, ({ request }) =>
        HttpResponse.json(
          {
            error: {
              code: "Authorization_RequestDenied",
              message: `No access for ${request.headers.get("authorization")}`,
            },
          },
          { status: 403 },
        ),
      ),
    );
    const found = await findServicePrincipals(graph, "Workspace");
    expect(found).toMatchObject({ ok: false, outcome: "forbidden" });
    expect(!found.ok && `${found.explanation} ${found.advice}`).toContain("Application.Read.All");
    expectNoSecret(JSON.stringify(found));
  });
});
