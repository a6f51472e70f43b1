// @vitest-environment node
/** The CORS relay: loopback only, one target, the checks' GETs only, CORS for one origin, no key in its log. */
import { connect } from "node:net";
import { runCheck } from "../../src/checks/run.ts";
import { type Relay, relayHint, startRelay } from "../../src/cli/relay.ts";
import { DEMO_SAMPLES } from "../../src/demo/constants.ts";
import { type DemoServer, startDemoServer } from "../../src/demo/node-server.ts";
import { effectiveBaseUrl } from "../../src/ui/connection/connection-context.tsx";
import { expectNoSecret, expectOutcome, FAST, OLD_TOKEN, TOKEN, WRONG_TOKEN } from "./helpers.ts";

const WIZARD = "http://localhost:4173";
let demo: DemoServer;
let relay: Relay;
const log: string[] = [];

beforeAll(async () => {
  demo = await startDemoServer({ port: 0, token: TOKEN, previousToken: OLD_TOKEN });
  relay = await startRelay({ target: demo.baseUrl, port: 0, allowOrigin: WIZARD, log: (l) => log.push(l) });
});
beforeEach(() => demo.tenant.reset([]));
afterAll(async () => {
  await relay.close();
  await demo.close();
  // Nothing the relay logged may hold a key or a query string (UPNs and e-mails are personal data).
  expectNoSecret(log.join("\n"));
  expect(log.join("\n")).not.toContain("?");
});

const viaRelay = (check: string, params: Record<string, string> = {}, token = TOKEN) =>
  runCheck(check, { baseUrl: relay.baseUrl, token, previousToken: OLD_TOKEN }, params, FAST);

it("keeps everything the checks need: key, filter, status, body", async () => {
  expect(relay.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/scim\/v2$/);
  for (const check of ["discovery", "test-connection", "groups-probe", "auth-enforced", "key-rotation"]) {
    expectOutcome(await viaRelay(check), "pass");
  }
  expectOutcome(await viaRelay("test-connection", {}, WRONG_TOKEN), "unauthorized");
  expectOutcome(await viaRelay("user-state", { userName: DEMO_SAMPLES.activeUser.userName }), "active");
  demo.tenant.reset(["upn-mismatch", "scim-disabled"]);
  expectOutcome(await viaRelay("test-connection"), "forbidden");
  demo.tenant.reset(["upn-mismatch"]);
  const { mail, upn } = DEMO_SAMPLES.upnMismatch;
  expectOutcome(await viaRelay("upn-collision", { mail, upn }), "upn-mismatch");
});

it("is used the way its hint says: the real Tenant URL, with the relay address in the connection panel", () => {
  const hint = relayHint(relay.url, demo.baseUrl, WIZARD);
  expect(hint).toContain(`keep the Tenant URL ${demo.baseUrl}`);
  expect(hint).toContain(`Relay address to ${relay.url}`);
  // What the wizard then sends to is exactly where the relay forwards from.
  expect(effectiveBaseUrl({ baseUrl: demo.baseUrl, useRelay: true, relayUrl: relay.url })).toBe(relay.baseUrl);
});

it("adds CORS for the wizard's origin only, and answers its preflight", async () => {
  const url = `${relay.baseUrl}/ServiceProviderConfig`;
  const ok = await fetch(url, { headers: { origin: WIZARD } });
  expect(ok.headers.get("access-control-allow-origin")).toBe(WIZARD);
  const preflight = await fetch(url, {
    method: "OPTIONS",
    headers: {
      origin: WIZARD,
      "access-control-request-method": "GET",
      "access-control-request-headers": "authorization",
    },
  });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
  const stranger = await fetch(url, { headers: { origin: "https://evil.example" } });
  expect(stranger.status).toBe(403);
  expect(stranger.headers.get("access-control-allow-origin")).toBeNull();
});

it.each([
  ["GET", "/scim/v2/Users/u-1001", 404],
  ["GET", "/admin", 404],
  ["GET", "/scim/v2/../Users", 404],
  ["POST", "/scim/v2/Users", 405],
  ["DELETE", "/scim/v2/Users", 405],
])("refuses %s %s with %i", async (method, path, status) => {
  const res = await fetch(`${relay.url}${path}`, { method, headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(status);
});

/** Raw HTTP, to send what fetch would never send: another host, an absolute-form target. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(relay.url).port), "127.0.0.1", () => socket.end(request));
    let data = "";
    socket.on("data", (chunk) => (data += chunk));
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
  });
}

it("refuses other targets and other host names", async () => {
  const port = new URL(relay.url).port;
  const absolute = await raw(
    `GET http://evil.example/scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`,
  );
  expect(absolute).toMatch(/^HTTP\/1\.1 400/);
  const rebound = await raw("GET /scim/v2/Users HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");
  expect(rebound).toMatch(/^HTTP\/1\.1 403/);
});

it("refuses non-loopback binds and unsafe targets", async () => {
  await expect(startRelay({ target: demo.baseUrl, host: "0.0.0.0" })).rejects.toThrow(/loopback only/);
  await expect(startRelay({ target: "http://scim.example.com/scim" })).rejects.toThrow(/https/);
  await expect(startRelay({ target: `${demo.baseUrl}?x=1` })).rejects.toThrow(/no query/);
  await expect(startRelay({ target: "not a url" })).rejects.toThrow(/absolute URL/);
});

it("passes an unreachable target on as unreachable", async () => {
  const dead = await startDemoServer({ port: 0, token: TOKEN });
  await dead.close();
  const lonely = await startRelay({ target: dead.baseUrl, port: 0, log: (l) => log.push(l) });
  try {
    const result = await runCheck("test-connection", { baseUrl: lonely.baseUrl, token: TOKEN }, {}, FAST);
    expectOutcome(result, "unreachable");
  } finally {
    await lonely.close();
  }
});
