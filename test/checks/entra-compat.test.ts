// @vitest-environment node
/**
 * The Entra compatibility run against the loopback demo server: Entra's sequence on a test user,
 * the strict server that refuses Entra's soft delete, a DELETE that fails, and the doctor's
 * `--write` rule, with every request the server saw counted.
 */
import { TEST_USER_PREFIX } from "../../src/checks/entra-requests.ts";
import { plannedRequests, runCheck } from "../../src/checks/run.ts";
import { main } from "../../src/cli/doctor.ts";
import { type DemoServer, startDemoServer } from "../../src/demo/node-server.ts";
import type { DemoReply, DemoRequest } from "../../src/demo/simulator.ts";
import { expectNoSecret, expectOutcome, FAST, TOKEN } from "./helpers.ts";

let demo: DemoServer;
/** Every request the loopback server answered, as "METHOD /path". */
let seen: string[] = [];
/** Replaces the tenant's answer for a request when it returns one. */
let override: ((req: DemoRequest) => DemoReply | undefined) | undefined;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0, token: TOKEN });
  const handle = demo.tenant.handle.bind(demo.tenant);
  demo.tenant.handle = async (req) => {
    seen.push(`${req.method} ${new URL(req.url).pathname}`);
    return override?.(req) ?? handle(req);
  };
});
beforeEach(() => {
  demo.tenant.reset([]);
  seen = [];
  override = undefined;
});
afterAll(() => demo.close());

const run = (options = {}) =>
  runCheck("entra-compat", { baseUrl: demo.baseUrl, token: TOKEN }, {}, { ...FAST, ...options });
const testUsers = () => demo.tenant.users.filter((u) => String(u.userName).startsWith(TEST_USER_PREFIX));
const methods = () => seen.map((s) => s.split(" ")[0]);
const failDeletes = (req: DemoRequest): DemoReply | undefined =>
  req.method === "DELETE"
    ? {
        status: 500,
        headers: { "content-type": "application/scim+json" },
        body: JSON.stringify({
          schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
          status: "500",
          detail: "Delete is broken",
        }),
      }
    : undefined;

it("passes Entra's whole sequence on the demo tenant and leaves no test user", async () => {
  const result = expectOutcome(await run(), "pass");
  expect(result.passed).toBe(true);
  expect(result.evidence.map((e) => [e.method, e.status])).toEqual([
    ["POST", 201],
    ["GET", 200],
    ["PATCH", 200],
    ["PATCH", 200],
    ["GET", 200],
    ["PATCH", 200],
    ["DELETE", 204],
    ["GET", 404],
  ]);
  expect(result.evidence[1].path).toMatch(
    /filter=userName%20eq%20%22scim-troubleshooter-test-[0-9a-f]{8}%40example\.invalid%22/,
  );
  expect(result.evidence[2].note).toContain('"op":"Replace"');
  for (const e of result.evidence) expect(e.authorization).toBe("Bearer ••••");
  expect(testUsers()).toEqual([]);
});

it("reports soft-delete-rejected against a strict server, advises the flag, and still deletes the test user", async () => {
  demo.tenant.reset(["soft-delete-strict"]);
  const result = expectOutcome(await run(), "soft-delete-rejected");
  expect(result.passed).toBe(false);
  const strict = result.evidence[2];
  expect(strict).toMatchObject({ method: "PATCH", status: 400, scimType: "invalidValue" });
  expect(strict.detail).toMatch(/Replace/);
  expect(result.explanation).toMatch(/stays active in the workspace/);
  expect(result.explanation).toMatch(/compliant form was accepted/);
  expect(result.explanation).toMatch(/test user was deleted again/);
  expect(result.advice).toMatch(/\?aadOptscim062020 to the end of the Tenant URL/);
  expect(result.evidence.at(-1)).toMatchObject({ method: "DELETE", status: 204 });
  expect(result.evidence.at(-1)?.note).toMatch(/^Cleanup/);
  expect(testUsers()).toEqual([]);
});

it("names the test user to delete by hand when the cleanup DELETE fails", async () => {
  demo.tenant.reset(["soft-delete-strict"]);
  override = failDeletes;
  const result = expectOutcome(await run(), "soft-delete-rejected");
  const [left] = testUsers();
  expect(left).toBeDefined();
  expect(result.explanation).toContain("Cleanup failed");
  expect(result.explanation).toContain(`Delete the test user ${left.userName} (id ${left.id}) by hand`);
  expect(result.advice).toContain(`${left.userName}`);
});

it("reports delete-failed, naming the user, when Entra's own DELETE fails", async () => {
  override = failDeletes;
  const result = expectOutcome(await run(), "delete-failed");
  const [left] = testUsers();
  expect(result.explanation).toMatch(/Delete is broken/);
  expect(result.explanation).toContain(`${left.userName} (id ${left.id}) by hand`);
  // The DELETE was sent once: the failed one is not repeated as a cleanup.
  expect(methods().filter((m) => m === "DELETE")).toHaveLength(1);
});

it("deletes the test user even when the run is cancelled after the create", async () => {
  const leave = new AbortController();
  override = (req) => {
    if (req.method === "GET" && new URL(req.url).search) leave.abort(new Error("cancelled"));
    return undefined;
  };
  await expect(run({ signal: leave.signal })).rejects.toThrow("cancelled");
  await vi.waitFor(() => expect(methods()).toContain("DELETE"));
  expect(testUsers()).toEqual([]);
});

it("plans the writes it will send, with no token", () => {
  const plan = plannedRequests("entra-compat", { baseUrl: "https://scim.example.com/scim/v2" }, {});
  expect(plan.map((r) => `${r.method} ${r.path}`)).toEqual([
    "POST /scim/v2/Users",
    'GET /scim/v2/Users?filter=userName eq "scim-troubleshooter-test-<random>@example.invalid"',
    "PATCH /scim/v2/Users/{id}",
    "PATCH /scim/v2/Users/{id}",
    "GET /scim/v2/Users/{id}",
    "PATCH /scim/v2/Users/{id}",
    "DELETE /scim/v2/Users/{id}",
    "GET /scim/v2/Users/{id}",
  ]);
  for (const r of plan) expect(r.authorization).toBe("Bearer ••••");
});

describe("doctor", () => {
  async function doctor(args: string[]) {
    let stdout = "";
    let stderr = "";
    const code = await main(args, { env: { SCIM_TOKEN: TOKEN }, out: (t) => (stdout += t), err: (t) => (stderr += t) });
    expectNoSecret(stdout + stderr);
    return { code, stdout, stderr };
  }

  it("refuses --check entra-compat without --write (exit 2) and sends nothing", async () => {
    const ran = await doctor(["--url", demo.baseUrl, "--check", "entra-compat"]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/entra-compat creates a test user .* and deletes it again: add --write/);
    expect(seen).toEqual([]);
  });

  it("runs it with --check entra-compat --write", async () => {
    const ran = await doctor(["--url", demo.baseUrl, "--check", "entra-compat", "--write", "--json"]);
    expect(ran.code, ran.stdout).toBe(0);
    expect(JSON.parse(ran.stdout).checks[0]).toMatchObject({ id: "entra-compat", outcome: "pass" });
    expect(methods()).toEqual(["POST", "GET", "PATCH", "PATCH", "GET", "PATCH", "DELETE", "GET"]);
    expect(testUsers()).toEqual([]);
  });

  it("never sends a POST, PATCH or DELETE in its default run, even with --write", async () => {
    for (const extra of [[], ["--write"]]) {
      const ran = await doctor(["--url", demo.baseUrl, "--json", ...extra]);
      expect(JSON.parse(ran.stdout).skipped).toContainEqual({
        id: "entra-compat",
        reason: expect.stringMatching(/runs only with --check entra-compat --write/),
      });
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(methods())).toEqual(new Set(["GET"]));
  });
});
