// @vitest-environment node
/**
 * Issue 11, point 1: the doctor's own probes must never lock the admin out. A loopback server with
 * brute-force protection (no answer at all after N failed logins) stands in for a real one.
 */
import { runCheck } from "../../src/checks/run.ts";
import { main } from "../../src/cli/doctor.ts";
import { expectNoSecret, OLD_TOKEN, TOKEN, WRONG_TOKEN } from "./helpers.ts";
import { answerAll, type ScimStub, startScimStub } from "./scim-stub.ts";

const stubs: ScimStub[] = [];
async function stub(options: Omit<Parameters<typeof startScimStub>[0], "token">) {
  const s = await startScimStub({ token: TOKEN, ...options });
  stubs.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((s) => s.close()));
});

interface Report {
  checks: { id: string; outcome: string; explanation: string; advice: string }[];
  skipped: { id: string; reason: string }[];
}

async function doctor(args: string[], env: Record<string, string> = { SCIM_TOKEN: TOKEN }) {
  let stdout = "";
  let stderr = "";
  const code = await main([...args, "--json", "--timeout-ms", "400"], {
    env,
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
  });
  expectNoSecret(stdout + stderr);
  return { code, report: JSON.parse(stdout || "{}") as Report, stderr };
}

it("four default doctor runs in a row with the right key never trip a lockout after 3 failed logins", async () => {
  const server = await stub({ lockAfter: 3 });
  for (let run = 1; run <= 4; run++) {
    const { report } = await doctor(["--url", server.baseUrl]);
    const outcomes = report.checks.map((c) => `${c.id}:${c.outcome}`);
    expect(
      outcomes.filter((o) => o.endsWith(":timeout")),
      `run ${run}: ${outcomes.join(", ")}`,
    ).toEqual([]);
    expect(outcomes).toContain("test-connection:pass");
    expect(server.failedLogins, `failed logins after run ${run}`).toBeLessThan(3);
  }
  expect(server.failedLogins).toBe(0);
});

it("leaves the checks that send a made-up or old key out of the default run, naming how to run them", async () => {
  const server = await stub({ alsoAccepts: [] });
  const { report } = await doctor(["--url", server.baseUrl, "--old-token-env", "OLD"], {
    SCIM_TOKEN: TOKEN,
    OLD: OLD_TOKEN,
  });
  expect(report.checks.map((c) => c.id)).not.toContain("auth-enforced");
  expect(report.checks.map((c) => c.id)).not.toContain("key-rotation");
  expect(report.skipped).toEqual(
    expect.arrayContaining([
      { id: "auth-enforced", reason: expect.stringContaining("--check auth-enforced") },
      { id: "key-rotation", reason: expect.stringContaining("--check key-rotation") },
    ]),
  );
  // Every request carried the admin's key (or none, for url-format).
  for (const r of server.requests) expect(r.authorization).toBe(`Bearer ${TOKEN}`);
});

it("auth-enforced sends your key first, and the made-up key only once and only after yours passed", async () => {
  const server = await stub({});
  const ok = await runCheck("auth-enforced", { baseUrl: server.baseUrl, token: TOKEN }, {}, { timeoutMs: 1000 });
  expect(ok.outcome).toBe("pass");
  expect(server.requests.map((r) => r.authorization === `Bearer ${TOKEN}`)).toEqual([true, false]);
  expect(server.failedLogins).toBe(1);

  const wrong = await runCheck(
    "auth-enforced",
    { baseUrl: server.baseUrl, token: WRONG_TOKEN },
    {},
    { timeoutMs: 1000 },
  );
  expect(wrong.outcome).toBe("unauthorized");
  expect(wrong.explanation).toMatch(/made-up key was not sent/);
  expect(server.requests).toHaveLength(3);
  expect(server.requests[2].authorization).toBe(`Bearer ${WRONG_TOKEN}`);
});

it("explains a timeout right after a rejected key as a possible lockout, with what to do", async () => {
  // Locks out after one failed login: key-rotation's old key is that one, test-connection then meets silence.
  const server = await stub({ lockAfter: 1 });
  const { report } = await doctor(
    ["--url", server.baseUrl, "--old-token-env", "OLD", "--check", "key-rotation", "--check", "test-connection"],
    { SCIM_TOKEN: TOKEN, OLD: OLD_TOKEN },
  );
  const [rotation, probe] = report.checks;
  expect(rotation).toMatchObject({ id: "key-rotation", outcome: "pass" });
  expect(probe).toMatchObject({ id: "test-connection", outcome: "timeout" });
  expect(probe.explanation).toMatch(/No complete answer within 400 ms/);
  expect(probe.explanation).toMatch(/locked this address out \(brute-force protection\)/);
  expect(probe.advice).toMatch(/Wait/);
  expect(probe.advice).toMatch(/without `--check auth-enforced`/);
});

it("a timeout with no rejected key before it is a plain timeout", async () => {
  const server = await stub({ lockAfter: 0 });
  const r = await runCheck("test-connection", { baseUrl: server.baseUrl, token: TOKEN }, {}, { timeoutMs: 300 });
  expect(r.outcome).toBe("timeout");
  expect(r.explanation).not.toMatch(/locked/);
});

it("after a rate-limited answer the doctor sends nothing more in that run", async () => {
  const server = await stub({ answer: answerAll((res) => res.writeHead(429, { "retry-after": "30" }).end()) });
  const { report } = await doctor(["--url", server.baseUrl]);
  expect(report.checks.map((c) => `${c.id}:${c.outcome}`)).toEqual(["url-format:bad-url", "discovery:rate-limited"]);
  expect(report.checks[1].explanation).toMatch(/wait 30 seconds/);
  expect(report.skipped).toEqual(
    expect.arrayContaining([{ id: "test-connection", reason: expect.stringMatching(/rate-limited/) }]),
  );
  expect(server.requests).toHaveLength(1);
});
