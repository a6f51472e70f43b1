// @vitest-environment node
/** The simulator on its own: fault parsing, auth, filters, and Entra's write shapes. */
import { DEMO_BASE_URL, DEMO_SAMPLES } from "../../src/demo/constants.ts";
import { createDemoTenant, DEMO_FAULTS, type DemoTenant, parseDemoFaults } from "../../src/demo/simulator.ts";
import { OLD_TOKEN, TOKEN } from "./helpers.ts";

let tenant: DemoTenant;
const auth = { authorization: `Bearer ${TOKEN}` };
const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = auth) => {
  const reply = await tenant.handle({
    method,
    url: `${DEMO_BASE_URL}${path}`,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { ...reply, json: reply.body ? JSON.parse(reply.body) : undefined };
};
const filter = (f: string) => `?filter=${encodeURIComponent(f)}`;

beforeEach(() => {
  tenant = createDemoTenant({ token: TOKEN, previousToken: OLD_TOKEN });
});

describe("parseDemoFaults", () => {
  it("reads ?demo=a,b, ignores unknown names and duplicates", () => {
    expect(parseDemoFaults("?demo=slow,upn-mismatch,bogus,slow")).toEqual(["slow", "upn-mismatch"]);
    expect(parseDemoFaults("x=1&demo=SCIM-DISABLED&demo=non-json")).toEqual(["scim-disabled", "non-json"]);
    expect(parseDemoFaults("")).toEqual([]);
    expect(parseDemoFaults("?demo=")).toEqual([]);
  });

  it("lists thirteen faults, each with a label", () => {
    expect(DEMO_FAULTS.map((f) => f.name)).toHaveLength(13);
    for (const f of DEMO_FAULTS) expect(f.label.length).toBeGreaterThan(10);
  });
});

it("needs the key everywhere but ServiceProviderConfig", async () => {
  expect((await call("GET", "/Users", undefined, {})).status).toBe(401);
  expect((await call("GET", "/Users", undefined, { authorization: `Bearer ${OLD_TOKEN}` })).status).toBe(401);
  expect((await call("GET", "/ServiceProviderConfig", undefined, {})).status).toBe(200);
  tenant.reset(["old-key-valid"]);
  expect((await call("GET", "/Users", undefined, { authorization: `bearer ${OLD_TOKEN}` })).status).toBe(200);
});

it("filters case-insensitively, pages, and strips excluded attributes", async () => {
  const byName = await call(
    "GET",
    `/Users${filter(`userName eq "${DEMO_SAMPLES.activeUser.userName.toUpperCase()}"`)}`,
  );
  expect(byName.json.totalResults).toBe(1);
  const byMail = await call("GET", `/Users${filter('emails[type eq "work"].value eq "megan.bowen@contoso.example"')}`);
  expect(byMail.json.Resources[0].id).toBe("u-1002");
  const groups = await call("GET", "/Groups?excludedAttributes=members&count=1");
  expect(groups.json).toMatchObject({ totalResults: 2, itemsPerPage: 1, startIndex: 1 });
  expect(groups.json.Resources[0].members).toBeUndefined();
  const bad = await call("GET", `/Users${filter("userName eq")}`);
  expect(bad.status).toBe(400);
  expect(bad.json.scimType).toBe("invalidFilter");
});

it("rejects duplicate userNames and group names with 409 uniqueness", async () => {
  const dupUser = await call("POST", "/Users", { userName: DEMO_SAMPLES.activeUser.userName });
  expect([dupUser.status, dupUser.json.scimType]).toEqual([409, "uniqueness"]);
  const dupGroup = await call("POST", "/Groups", { displayName: "sales" });
  expect([dupGroup.status, dupGroup.json.scimType]).toEqual([409, "uniqueness"]);
  const created = await call("POST", "/Users", {
    userName: "new.hire@contoso.example",
    emails: [{ value: "new.hire@contoso.example" }],
  });
  expect(created.status).toBe(201);
  expect(created.json).toMatchObject({ active: true, meta: { location: `${DEMO_BASE_URL}/Users/${created.json.id}` } });
});

it("answers malformed writes with SCIM errors, not crashes", async () => {
  expect((await call("PATCH", "/Users/u-1001", { Operations: [] })).status).toBe(400);
  expect((await call("PATCH", "/Users/u-1001", { Operations: [{ op: "Jump", path: "x", value: 1 }] })).status).toBe(
    400,
  );
  expect((await call("POST", "/Users", { displayName: "no userName" })).json.scimType).toBe("invalidValue");
  expect((await call("GET", "/Users/nope")).status).toBe(404);
  expect((await call("PUT", "/Groups")).status).toBe(405);
  const notJson = await tenant.handle({ method: "POST", url: `${DEMO_BASE_URL}/Users`, headers: auth, body: "{" });
  expect(JSON.parse(notJson.body).scimType).toBe("invalidSyntax");
});

it("stops the slow wait as soon as the client aborts", async () => {
  tenant.reset(["slow"]);
  const controller = new AbortController();
  const pending = tenant.handle({
    method: "GET",
    url: `${DEMO_BASE_URL}/Users`,
    headers: auth,
    signal: controller.signal,
  });
  const started = performance.now();
  controller.abort();
  expect((await pending).status).toBe(503);
  expect(performance.now() - started).toBeLessThan(100);
});

it("answers paths outside the base with a 404 page", async () => {
  const reply = await tenant.handle({
    method: "GET",
    url: "https://demo-tenant.scim-troubleshooter.invalid/api/Users",
    headers: auth,
  });
  expect(reply.status).toBe(404);
  expect(reply.headers["content-type"]).toMatch(/text\/html/);
});

it('accepts Entra\'s soft delete (Replace, "False") unless soft-delete-strict refuses it with 400 invalidValue', async () => {
  const entra = {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    Operations: [{ op: "Replace", path: "active", value: "False" }],
  };
  const friendly = await call("PATCH", "/Users/u-1001", entra);
  expect(friendly.status).toBe(200);
  expect(friendly.json.active).toBe(false);
  tenant.reset(["soft-delete-strict"]);
  const strict = await call("PATCH", "/Users/u-1001", entra);
  expect(strict.status).toBe(400);
  expect(strict.json).toMatchObject({ scimType: "invalidValue" });
  const stringOnly = { Operations: [{ op: "replace", path: "active", value: "False" }] };
  expect((await call("PATCH", "/Users/u-1001", stringOnly)).status).toBe(400);
  const compliant = { Operations: [{ op: "replace", path: "active", value: false }] };
  expect((await call("PATCH", "/Users/u-1001", compliant)).json.active).toBe(false);
});
