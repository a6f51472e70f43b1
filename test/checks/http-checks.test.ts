// @vitest-environment node
/** The same cases over real HTTP, against the loopback demo server started here. */
import { runCheck } from "../../src/checks/run.ts";
import { DEMO_SAMPLES } from "../../src/demo/constants.ts";
import { type DemoServer, startDemoServer } from "../../src/demo/node-server.ts";
import { closedPort, expectOutcome, FAST, OLD_TOKEN, TOKEN, WRONG_TOKEN } from "./helpers.ts";

let demo: DemoServer;
const target = () => ({ baseUrl: demo.baseUrl, token: TOKEN, previousToken: OLD_TOKEN });
const run = (check: string, params: Record<string, string> = {}, token = TOKEN) =>
  runCheck(check, { ...target(), token }, params, FAST);

beforeAll(async () => {
  // The default 15 s "slow" delay: the check must still give up at 300 ms and leave nothing running.
  demo = await startDemoServer({ port: 0, host: "127.0.0.1", token: TOKEN, previousToken: OLD_TOKEN });
});
beforeEach(() => demo.tenant.reset([]));
afterAll(() => demo.close());

it("listens on loopback only", async () => {
  expect(demo.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/scim\/v2$/);
  await expect(startDemoServer({ port: 0, token: TOKEN, host: "0.0.0.0" as "127.0.0.1" })).rejects.toThrow(/loopback/);
});

it("right key → pass", async () => {
  for (const check of ["discovery", "test-connection", "groups-probe", "auth-enforced", "key-rotation"]) {
    expectOutcome(await run(check), "pass");
  }
});

it("wrong key → unauthorized", async () => {
  expectOutcome(await run("test-connection", {}, WRONG_TOKEN), "unauthorized");
  demo.tenant.reset(["invalid-key"]);
  expectOutcome(await run("test-connection"), "unauthorized");
});

it.each([
  ["scim-disabled", "forbidden"],
  ["wrong-path", "not-found"],
  ["html-error", "server-error"],
  ["server-error", "server-error"],
  ["non-json", "not-scim"],
  ["slow", "timeout"],
] as const)("%s → %s", async (fault, outcome) => {
  demo.tenant.reset([fault]);
  const started = performance.now();
  expectOutcome(await run("test-connection"), outcome);
  expect(performance.now() - started).toBeLessThan(1500);
});

it("closed port → unreachable, naming the system error", async () => {
  const port = await closedPort();
  const result = await runCheck(
    "test-connection",
    { baseUrl: `http://127.0.0.1:${port}/scim/v2`, token: TOKEN },
    {},
    FAST,
  );
  expectOutcome(result, "unreachable");
  expect(result.explanation).toContain("ECONNREFUSED");
});

it("UPN mismatch → upn-mismatch", async () => {
  demo.tenant.reset(["upn-mismatch"]);
  const { mail, upn } = DEMO_SAMPLES.upnMismatch;
  expectOutcome(await run("upn-collision", { mail, upn }), "upn-mismatch");
});

it("soft-deleted → inactive, hard-deleted → absent, leftover group → present", async () => {
  demo.tenant.reset(["soft-deleted", "hard-deleted", "leftover-group"]);
  expectOutcome(await run("user-state", { userName: DEMO_SAMPLES.softDeletedUser.userName }), "inactive");
  expectOutcome(await run("user-state", { userName: DEMO_SAMPLES.hardDeletedUser.userName }), "absent");
  expectOutcome(await run("group-leftover", { groupName: DEMO_SAMPLES.leftoverGroup.groupName }), "present");
});

it("old key still valid → old-key-still-valid", async () => {
  demo.tenant.reset(["old-key-valid"]);
  expectOutcome(await run("key-rotation"), "old-key-still-valid");
});

describe("Entra's writes, as Entra sends them", () => {
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${demo.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/scim+json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const patchOp = (Operations: object[]) => ({
    schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    Operations,
  });

  it('soft delete with Replace/"False" leaves the user findable but inactive', async () => {
    const res = await send("PATCH", "/Users/u-1001", patchOp([{ op: "Replace", path: "active", value: "False" }]));
    expect(res.status).toBe(200);
    expect((await res.json()).active).toBe(false);
    expectOutcome(await run("user-state", { userName: DEMO_SAMPLES.activeUser.userName }), "inactive");
  });

  it("hard delete answers 204 and the user is gone", async () => {
    expect((await send("DELETE", "/Users/u-1001")).status).toBe(204);
    expectOutcome(await run("user-state", { userName: DEMO_SAMPLES.activeUser.userName }), "absent");
  });

  it("creating the UPN over a mismatched user collides with 409 uniqueness", async () => {
    demo.tenant.reset(["upn-mismatch"]);
    const { upn, mail } = DEMO_SAMPLES.upnMismatch;
    const res = await send("POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: upn,
      emails: [{ type: "work", value: mail, primary: true }],
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ scimType: "uniqueness", status: "409" });
  });

  it("group member add and group delete", async () => {
    const add = await send(
      "PATCH",
      "/Groups/g-2002",
      patchOp([{ op: "Add", path: "members", value: [{ value: "u-1001" }] }]),
    );
    expect((await add.json()).members).toContainEqual({ value: "u-1001" });
    expect((await send("DELETE", "/Groups/g-2002")).status).toBe(204);
    expectOutcome(await run("group-leftover", { groupName: "Marketing" }), "pass");
  });
});
