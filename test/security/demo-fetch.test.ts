import { runCheck } from "../../src/checks/run.ts";
import { DEMO_BASE_URL, DEMO_PREVIOUS_TOKEN, DEMO_TOKEN } from "../../src/demo/constants.ts";
import { demoFetch } from "../../src/demo/demo-fetch.ts";
import { createDemoTenant } from "../../src/demo/simulator.ts";

/**
 * The demo tenant is an in-page fetch handed to the checks, not a service worker: nothing but the
 * checks' demo requests reaches it, and it reaches nothing but its own simulator.
 */
const tenant = createDemoTenant({ token: DEMO_TOKEN, previousToken: DEMO_PREVIOUS_TOKEN, faults: [] });
const target = { baseUrl: DEMO_BASE_URL, token: DEMO_TOKEN, previousToken: DEMO_PREVIOUS_TOKEN };

test("answers the demo host from the simulator", async () => {
  const response = await demoFetch(tenant)(`${DEMO_BASE_URL}/ServiceProviderConfig`);
  expect(response.status).toBe(200);
  expect(await response.json()).toHaveProperty("schemas");
});

test.each([
  "https://scim.example.com/scim/v2/Users",
  "http://127.0.0.1:8788/scim/v2/Users",
  `${new URL(DEMO_BASE_URL).protocol}//${new URL(DEMO_BASE_URL).host}.example.com/scim/v2/Users`,
])("refuses %s like a network error, without asking the simulator or the network", async (url) => {
  const handle = vi.spyOn(tenant, "handle");
  const network = vi.spyOn(globalThis, "fetch");
  await expect(
    demoFetch(tenant)(url, { headers: { authorization: "Bearer real-endpoint-key" } }),
  ).rejects.toBeInstanceOf(TypeError);
  expect(handle).not.toHaveBeenCalled();
  expect(network).not.toHaveBeenCalled();
  handle.mockRestore();
  network.mockRestore();
});

test("the checks run on it through their transport seam", async () => {
  const network = vi.spyOn(globalThis, "fetch");
  const result = await runCheck("test-connection", target, {}, { fetch: demoFetch(tenant), timeoutMs: 5000 });
  expect(result.outcome).toBe("pass");
  expect(network).not.toHaveBeenCalled();
  network.mockRestore();
});

test("an aborted request is not served, like fetch", async () => {
  const handle = vi.spyOn(tenant, "handle");
  const reason = new DOMException("gone", "AbortError");
  await expect(demoFetch(tenant)(`${DEMO_BASE_URL}/Users`, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  expect(handle).not.toHaveBeenCalled();
  handle.mockRestore();
});

test("the browser demo answers the Graph checks on its own host, for the per-tab Graph token only", async () => {
  const { startBrowserDemo } = await import("../../src/demo/browser.ts");
  const { DEMO_GRAPH_ROOT, DEMO_SERVICE_PRINCIPALS } = await import("../../src/demo/constants.ts");
  const graphToken = `tab-${crypto.randomUUID()}`;
  const demo = startBrowserDemo([], { graphToken });
  expect(demo.graphRoot).toBe(DEMO_GRAPH_ROOT);
  expect(new URL(DEMO_GRAPH_ROOT).host).toBe(new URL(DEMO_BASE_URL).host);
  const network = vi.spyOn(globalThis, "fetch");
  const [, quarantined] = DEMO_SERVICE_PRINCIPALS;
  const graph = { baseUrl: DEMO_GRAPH_ROOT, token: graphToken, servicePrincipalId: quarantined.id };
  expect((await runCheck("job-status", graph, {}, { fetch: demo.fetch })).outcome).toBe("quarantine-credentials");
  expect((await runCheck("job-status", { ...graph, token: DEMO_TOKEN }, {}, { fetch: demo.fetch })).outcome).toBe(
    "unauthorized",
  );
  demo.setGraphFaults(["graph-throttled", "no-such-fault"]);
  expect((await runCheck("job-status", graph, {}, { fetch: demo.fetch })).outcome).toBe("rate-limited");
  // The SCIM faults break the workspace, not Microsoft's side.
  demo.setGraphFaults([]);
  demo.setFaults(["server-error"]);
  expect((await runCheck("job-status", graph, {}, { fetch: demo.fetch })).outcome).toBe("quarantine-credentials");
  expect(network).not.toHaveBeenCalled();
  network.mockRestore();
});
