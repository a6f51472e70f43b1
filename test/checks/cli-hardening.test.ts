// @vitest-environment node
/**
 * Issue 11, points 7 and 8: the doctor never prints a value that may be a token, and the relay
 * passes the target's failure (refused, DNS, TLS, timeout) on to the check with its cause.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCheck } from "../../src/checks/run.ts";
import { main } from "../../src/cli/doctor.ts";
import { startRelay } from "../../src/cli/relay.ts";
import { closedPort, expectOutcome, TOKEN } from "./helpers.ts";
import { answerAll, startScimStub } from "./scim-stub.ts";

async function doctor(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { env: { SCIM_TOKEN: TOKEN }, out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Token-shaped values that are not the helpers' keys, so the check below is about this value only. */
const PASTED = "eyJhbGciOiJIUzI1NiJ9.c2NpbS10b2tlbi1wYXN0ZWQ.Qk9HVVMtc2lnbmF0dXJl";
const PLAIN_LONG = `A${"b".repeat(80)}`;

describe("point 7: the doctor never echoes a value that may be a token", () => {
  it.each([
    ["a bare positional argument", ["--url", "https://x.example/scim", PASTED], PASTED],
    ["a positional after --", ["--url", "https://x.example/scim", "--", PASTED], PASTED],
    ["a token given to --token-env", ["--url", "https://x.example/scim", "--token-env", PASTED], PASTED],
    ["a token given as --token-env=…", ["--url", "https://x.example/scim", `--token-env=${PASTED}`], PASTED],
    ["a long value given to --token-env", ["--url", "https://x.example/scim", "--token-env", PLAIN_LONG], PLAIN_LONG],
    ["a token given to --old-token-env", ["--url", "https://x.example/scim", "--old-token-env", PASTED], PASTED],
    ["a token pasted as an option", ["--url", "https://x.example/scim", `--${PLAIN_LONG}`], PLAIN_LONG],
  ])("%s: exit 2, the value in neither stdout nor stderr", async (_name, args, value) => {
    const run = await doctor(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toContain(value);
    expect(run.stdout + run.stderr).not.toContain(value.slice(0, 24));
    expect(run.stderr).toMatch(/not printed/);
  });

  it("still names a plain variable name it cannot find", async () => {
    const run = await doctor([
      "--url",
      "https://x.example/scim",
      "--token-env",
      "MY_SCIM_KEY",
      "--check",
      "test-connection",
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Set the environment variable MY_SCIM_KEY/);
  });
});

describe("point 8: the relay passes the target's failure on with its cause", () => {
  const open: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  it("a refused connection: 502 with a marked JSON body, and the check says unreachable with the cause", async () => {
    const relay = await startRelay({
      target: `http://127.0.0.1:${await closedPort()}/scim/v2`,
      port: 0,
      log: () => undefined,
    });
    open.push(relay);
    const raw = await fetch(`${relay.baseUrl}/Users`);
    expect(raw.status).toBe(502);
    expect(raw.headers.get("x-scim-troubleshooter-relay")).toBe("target-error");
    expect(await raw.json()).toEqual({ relayError: "ECONNREFUSED", detail: "connection refused by the target" });

    const r = expectOutcome(
      await runCheck("test-connection", { baseUrl: relay.baseUrl, token: TOKEN }, {}, { timeoutMs: 2000 }),
      "unreachable",
    );
    expect(r.explanation).toMatch(/relay could not reach the target: the connection was refused.*\(ECONNREFUSED\)/);
    expect(r.title).not.toMatch(/Server error/);
  });

  it("a host name that does not resolve: 502, and the check names DNS", async () => {
    // .invalid never resolves (RFC 6761), so this needs no network.
    const relay = await startRelay({
      target: "https://scim-troubleshooter.invalid/scim/v2",
      port: 0,
      log: () => undefined,
    });
    open.push(relay);
    const r = expectOutcome(
      await runCheck("test-connection", { baseUrl: relay.baseUrl, token: TOKEN }, {}, { timeoutMs: 5000 }),
      "unreachable",
    );
    expect(r.explanation).toMatch(/relay could not reach the target: .*DNS.*\((ENOTFOUND|EAI_AGAIN)\)/);
  });

  it.skipIf(!hasOpenssl())("a self-signed certificate: 502, and the check names the TLS cause", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relay-tls-"));
    try {
      execFileSync(
        "openssl",
        [
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-days",
          "1",
          "-subj",
          "/CN=127.0.0.1",
          "-keyout",
          join(dir, "key.pem"),
          "-out",
          join(dir, "cert.pem"),
        ],
        { stdio: "ignore" },
      );
      const tls = createHttpsServer(
        { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) },
        (_req, res) => res.end("{}"),
      );
      await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
      const { port } = tls.address() as { port: number };
      open.push({ close: () => new Promise<void>((resolve) => tls.close(() => resolve())) });
      const relay = await startRelay({ target: `https://127.0.0.1:${port}/scim/v2`, port: 0, log: () => undefined });
      open.push(relay);
      const raw = await fetch(`${relay.baseUrl}/Users`);
      expect(raw.status).toBe(502);
      expect((await raw.json()).detail).toBe("the TLS handshake with the target failed");
      const r = expectOutcome(
        await runCheck("test-connection", { baseUrl: relay.baseUrl, token: TOKEN }, {}, { timeoutMs: 5000 }),
        "unreachable",
      );
      expect(r.explanation).toMatch(/self-signed.*\(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a target that does not answer in time: 504 from the relay, and the check says timeout", async () => {
    const silent = await startScimStub({ token: TOKEN, lockAfter: 0 });
    open.push(silent);
    const relay = await startRelay({ target: silent.baseUrl, port: 0, timeoutMs: 300, log: () => undefined });
    open.push(relay);
    const r = expectOutcome(
      await runCheck("test-connection", { baseUrl: relay.baseUrl, token: TOKEN }, {}, { timeoutMs: 2000 }),
      "timeout",
    );
    expect(r.explanation).toMatch(/relay got no answer from the target in time/);
    expect(r.evidence[0].status).toBe(504);
  });

  it("exposes its marker and Retry-After to the wizard's origin, and passes a 429's wait on", async () => {
    const limited = await startScimStub({
      token: TOKEN,
      answer: answerAll((res) => res.writeHead(429, { "retry-after": "60" }).end()),
    });
    open.push(limited);
    const relay = await startRelay({ target: limited.baseUrl, port: 0, log: () => undefined });
    open.push(relay);
    const raw = await fetch(`${relay.baseUrl}/Users`, { headers: { origin: "http://localhost:4173" } });
    expect(raw.headers.get("access-control-expose-headers")).toMatch(/x-scim-troubleshooter-relay, Retry-After/i);
    expect(raw.headers.get("retry-after")).toBe("60");
    const r = expectOutcome(
      await runCheck("test-connection", { baseUrl: relay.baseUrl, token: TOKEN }, {}, { timeoutMs: 2000 }),
      "rate-limited",
    );
    expect(r.explanation).toMatch(/60 seconds/);
  });
});

function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

it("a token-like value given to --token-env that names no variable is not printed back", async () => {
  const tokenLike = "Ab3dEf6hIj9kLm2nOp5qRs8t";
  const run = await doctor(["--url", "https://scim.example.com/scim/v2", "--token-env", tokenLike]);
  expect(run.code).toBe(2);
  expect(`${run.stdout}${run.stderr}`).not.toContain(tokenLike);
  expect(run.stderr).toContain("the environment variable named by --token-env");
});
