// @vitest-environment node
/** Every outcome of every check against the demo tenant served by MSW (msw/node). */
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { CHECK_CATALOG } from "../../src/checks/catalog.ts";
import { plannedRequests, runCheck } from "../../src/checks/run.ts";
import { DEMO_BASE_URL } from "../../src/demo/constants.ts";
import { demoHandlers } from "../../src/demo/msw-handlers.ts";
import { createDemoTenant } from "../../src/demo/simulator.ts";
import { expectNoSecret, expectOutcome, FAST, OLD_TOKEN, TOKEN } from "./helpers.ts";
import { CASES, type Case } from "./msw-cases.ts";

const tenant = createDemoTenant({ token: TOKEN, previousToken: OLD_TOKEN });
const server = setupServer(...demoHandlers(tenant));
const target = { baseUrl: DEMO_BASE_URL, token: TOKEN, previousToken: OLD_TOKEN };

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => tenant.reset([]));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function runCase(c: Case) {
  const result = await runCheck(c.check, { ...target, ...c.target }, c.params ?? {}, FAST);
  expectOutcome(result, c.outcome);
  expect(result.passed).toBe(["pass", "active", "inactive", "absent"].includes(c.outcome));
  if (c.outcome === "unreachable") expect(result.advice).toMatch(/npm run doctor.*npm run relay/);
  c.verify?.(result);
}

describe.each(CASES.filter((c) => c.outcome !== "timeout"))("$check: $name", (c) => {
  it(`→ ${c.outcome}`, async () => {
    tenant.reset(c.faults ?? []);
    if (c.handlers) server.use(...c.handlers);
    await runCase(c);
  });
});

// The slow cases share one fault and run side by side, so the suite pays the timeout once.
it("times out every check within the cap when the tenant is slow", async () => {
  tenant.reset(["slow"]);
  const slow = CASES.filter((c) => c.outcome === "timeout");
  expect(slow.length).toBeGreaterThanOrEqual(8);
  const started = performance.now();
  await Promise.all(slow.map(runCase));
  expect(performance.now() - started).toBeLessThan(FAST.timeoutMs * 2 + 400);
});

// The Graph checks have a table of their own (graph-cases.ts, held to the catalogue the same way).
it("has a case for every outcome code of every SCIM check", () => {
  const covered = new Set(CASES.map((c) => `${c.check}:${c.outcome}`));
  const scim = Object.entries(CHECK_CATALOG).filter(([, spec]) => spec.system === "scim");
  const missing = scim.flatMap(([check, spec]) =>
    spec.outcomes.filter((o) => !covered.has(`${check}:${o}`)).map((o) => `${check}:${o}`),
  );
  expect(missing).toEqual([]);
  for (const c of CASES) expect(CHECK_CATALOG[c.check as keyof typeof CHECK_CATALOG].outcomes).toContain(c.outcome);
});

it("sends exactly Entra's Test connection request", async () => {
  let seen: Request | undefined;
  server.use(
    http.get(`${DEMO_BASE_URL}/Users`, ({ request }) => {
      seen = request.clone();
      return HttpResponse.json({
        schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        totalResults: 0,
        Resources: [],
      });
    }),
  );
  await runCheck("test-connection", target, {});
  const url = new URL(seen?.url ?? "");
  expect(seen?.method).toBe("GET");
  expect(url.pathname).toBe("/scim/v2/Users");
  expect(url.searchParams.get("filter")).toMatch(/^userName eq "[0-9a-f-]{36}"$/);
  expect(seen?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
});

it("redacts a key the server echoes back", async () => {
  server.use(
    http.get(`${DEMO_BASE_URL}/Users`, ({ request }) =>
      HttpResponse.json({ detail: `Rejected ${request.headers.get("authorization")}`, status: "401" }, { status: 401 }),
    ),
  );
  const result = await runCheck("test-connection", target, {});
  expect(result.evidence[0].detail).toBe("Rejected Bearer ••••");
  expectNoSecret(JSON.stringify(result));
});

it("summarises an HTML error page instead of keeping it", async () => {
  tenant.reset(["html-error"]);
  const result = await runCheck("test-connection", target, {});
  expect(result.evidence[0].bodySummary).toMatch(/^HTML page: 500 - Internal server error/);
  expect(result.evidence[0].bodySummary).not.toContain("<");
});

it("rejects programmer errors", async () => {
  await expect(runCheck("no-such-check", target, {})).rejects.toThrow(/Unknown check "no-such-check"/);
  await expect(runCheck("user-state", target, {})).rejects.toThrow(/needs the parameter "userName"/);
  await expect(runCheck("key-rotation", { ...target, previousToken: undefined }, {})).rejects.toThrow(/previousToken/);
});

it("rejects with the caller's abort reason and leaves no request behind", async () => {
  tenant.reset(["slow"]);
  const controller = new AbortController();
  const pending = runCheck("test-connection", target, {}, { signal: controller.signal });
  setTimeout(() => controller.abort(new Error("user left")), 20);
  await expect(pending).rejects.toThrow("user left");
});

it("reports an unparseable base URL as unreachable without sending anything", async () => {
  const result = await runCheck("test-connection", { ...target, baseUrl: "not a url" }, {});
  expectOutcome(result, "unreachable");
  expect(result.evidence).toEqual([]);
});

it("plans requests without a token and with placeholders", () => {
  expect(plannedRequests("url-format", target, {})).toEqual([]);
  const [probe] = plannedRequests("test-connection", target, {});
  expect(probe).toMatchObject({ method: "GET", authorization: "Bearer ••••" });
  expect(probe.path).toMatch(/^\/scim\/v2\/Users\?filter=userName%20eq%20%22[0-9a-f-]{36}%22$/);
  expect(plannedRequests("user-state", target, {})[0].path).toContain(encodeURIComponent('"<userName>"'));
  expect(plannedRequests("key-rotation", target, {})).toHaveLength(2);
  expect(() => plannedRequests("nope", target, {})).toThrow(/Unknown check/);
});
