// @vitest-environment node
/**
 * Issue 12, points 1 and 8: what a hostile target, or a hostile program on this machine, can do
 * to the relay and to the doctor. The relay stays up whatever one answer does, holds a bounded
 * number of requests, drops a client that drips its request, and passes an answer the target
 * cut off on as cut off, so that the check through the relay and the check run directly agree.
 * Every server is started here on 127.0.0.1 port 0 and closed here; where a crash is what is
 * tested, the relay and the doctor run as processes of their own, as an admin starts them.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import type { ServerResponse } from "node:http";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { RELAY_HEADER } from "../../src/checks/http.ts";
import { runCheck } from "../../src/checks/run.ts";
import { LIST_RESPONSE_URN } from "../../src/checks/scim-urls.ts";
import { RELAY_MAX_IN_FLIGHT, type Relay, startRelay } from "../../src/cli/relay.ts";
import { expectOutcome, outcomePairs, TOKEN } from "../checks/helpers.ts";
import { type ScimStub, type StubOptions, startScimStub } from "../checks/scim-stub.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WIZARD = "http://localhost:4173";
const EMPTY_LIST = JSON.stringify({ schemas: [LIST_RESPONSE_URN], totalResults: 0, Resources: [] });

const open: { close(): Promise<void> }[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function stub(answer: StubOptions["answer"]): Promise<ScimStub> {
  const s = await startScimStub({ token: TOKEN, answer });
  open.push(s);
  return s;
}

async function relayTo(target: string, port = 0): Promise<Relay> {
  const relay = await startRelay({ target, port, allowOrigin: WIZARD, log: () => undefined });
  open.push(relay);
  return relay;
}

/** Waits for a condition that other sockets make true, for at most 10 s (a loaded machine is slow). */
async function until(condition: () => boolean): Promise<void> {
  for (const deadline = performance.now() + 10_000; !condition() && performance.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const onUsers =
  (write: (res: ServerResponse) => void): StubOptions["answer"] =>
  (req, res) => {
    if (!req.url?.includes("/Users")) return false;
    write(res);
    return true;
  };

/** Point 1's answer: six codings (undici decodes at most five) and a body too big to sit in one buffer. */
const tooManyCodings = onUsers((res) =>
  res
    .writeHead(200, {
      "content-type": "application/scim+json",
      "content-encoding": "gzip, gzip, gzip, gzip, gzip, gzip",
    })
    .end(Buffer.alloc(32 * 1024, 0x61)),
);

/** `npm run relay` as its own process, on a free port; resolves with its address once it listens. */
function relayProcess(target: string): Promise<{ url: string; child: ChildProcess; stderr: () => string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/relay.ts", "--target", target, "--port", "0"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      stdout += chunk;
      const url = /Relay on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (url) resolve({ url, child, stderr: () => stderr });
    });
    child.once("exit", (code) => reject(new Error(`the relay exited (${code}) before listening: ${stderr}`)));
  });
}

describe("point 1: an answer with more than five Content-Encoding codings", () => {
  it("100 times through one relay process: each a marked 502, the relay stays up, and a normal check then passes", async () => {
    const target = await stub(tooManyCodings);
    const relay = await relayProcess(target.baseUrl);
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${relay.url}/scim/v2/Users?startIndex=1&count=1`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status, `answer ${i + 1}`).toBe(502);
      expect(res.headers.get(RELAY_HEADER)).toBe("target-error");
      await res.arrayBuffer();
    }
    // Long enough for any abandoned request to be aborted (the browser hung up on each answer).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(relay.child.exitCode, relay.stderr()).toBeNull();
    // The check through the relay names the cause, as the doctor does.
    const refused = expectOutcome(
      await runCheck("test-connection", { baseUrl: `${relay.url}/scim/v2`, token: TOKEN }, {}, { timeoutMs: 5000 }),
      "unreachable",
    );
    expect(refused.explanation).toMatch(/more than five layers of compression .*\(TOO_MANY_CONTENT_ENCODINGS\)/);
    const discovery = await runCheck(
      "discovery",
      { baseUrl: `${relay.url}/scim/v2`, token: TOKEN },
      {},
      { timeoutMs: 5000 },
    );
    expectOutcome(discovery, "pass");
    expect(relay.stderr()).not.toMatch(/Unhandled|AbortError/);
    // Every answer reached the relay from the target: 100 raw requests and the check's one.
    expect(target.requests.filter((r) => r.url.includes("/Users"))).toHaveLength(101);
  }, 60_000);

  it("the doctor reports it and finishes its run, instead of dying when the time cap strikes", async () => {
    // /Groups never answers, so the run is still going when test-connection's time cap passes.
    const target = await stub((req, res) => {
      if (req.url?.includes("/Groups")) return true;
      return tooManyCodings?.(req, res) ?? false;
    });
    const args = ["--import", "tsx", "src/cli/doctor.ts", "--url", target.baseUrl, "--timeout-ms", "3000", "--json"];
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [...args, "--check", "test-connection", "--check", "groups-probe"],
        { cwd: ROOT, env: { ...process.env, SCIM_TOKEN: TOKEN }, timeout: 30_000 },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      ),
    );
    expect(run.stderr).not.toMatch(/Unhandled|AbortError|TimeoutError/);
    expect(run.code).toBe(1);
    expect(outcomePairs(run.stdout)).toEqual([
      ["test-connection", "unreachable"],
      ["groups-probe", "timeout"],
    ]);
    const report = JSON.parse(run.stdout) as { checks: { title: string; advice: string }[] };
    expect(report.checks[0].advice).toMatch(/at most one Content-Encoding/);
  }, 60_000);
});

describe("point 8: the relay bounds what it holds", () => {
  it("of 32 requests at once it forwards a few and answers the rest 503 at once; the check says the relay asked to wait", async () => {
    const held: ServerResponse[] = [];
    const target = await stub(onUsers((res) => held.push(res)));
    const relay = await relayTo(target.baseUrl);
    const users = `${relay.baseUrl}/Users?startIndex=1&count=1`;
    const answered: Response[] = [];
    const all = Array.from({ length: 32 }, () =>
      fetch(users, { headers: { origin: WIZARD } }).then((res) => {
        answered.push(res);
        return res;
      }),
    );
    await until(() => held.length + answered.length === 32);
    // Before, all 32 reached the target and waited there, each able to buffer up to 1 MiB.
    expect(held.length).toBeLessThanOrEqual(16);
    expect(held).toHaveLength(RELAY_MAX_IN_FLIGHT);
    for (const busy of answered) {
      expect(busy.status).toBe(503);
      expect(busy.headers.get(RELAY_HEADER)).toBe("busy");
      expect(busy.headers.get("retry-after")).toBe("1");
      expect(busy.headers.get("access-control-allow-origin")).toBe(WIZARD);
    }
    const check = expectOutcome(
      await runCheck("test-connection", { baseUrl: relay.baseUrl, token: TOKEN }, {}, { timeoutMs: 5000 }),
      "rate-limited",
    );
    expect(check.explanation).toMatch(/local relay .* refused this one .*nothing was sent to the target/);
    expect(check.advice).toMatch(/run the check again/);
    expect(held).toHaveLength(RELAY_MAX_IN_FLIGHT);

    // The held ones still get their answers, and then the relay takes new requests again.
    for (const res of held.splice(0)) res.writeHead(200, { "content-type": "application/scim+json" }).end(EMPTY_LIST);
    const statuses = (await Promise.all(all)).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(RELAY_MAX_IN_FLIGHT);
    const after = fetch(users);
    await until(() => held.length === 1);
    for (const res of held.splice(0)) res.end(EMPTY_LIST);
    expect((await after).status).toBe(200);
  });

  it("a client that drips its request headers has its socket closed within seconds, while others are served", async () => {
    const target = await stub(undefined);
    const relay = await relayTo(target.baseUrl);
    const { port } = new URL(relay.url);
    const socket = connect(Number(port), "127.0.0.1");
    socket.on("error", () => undefined);
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk));
    const begun = performance.now();
    socket.write(`GET /scim/v2/Users HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    const drip = setInterval(() => socket.write("x"), 500);
    const closedAfter = await new Promise<number>((resolve) =>
      socket.once("close", () => resolve(performance.now() - begun)),
    );
    clearInterval(drip);
    // Node's defaults keep it 60 to 90 s; generous, as this machine is shared.
    expect(closedAfter).toBeLessThan(20_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expectOutcome(
      await runCheck("discovery", { baseUrl: relay.baseUrl, token: TOKEN }, {}, { timeoutMs: 5000 }),
      "pass",
    );
  }, 40_000);
});

describe("point 8: a body the target cuts off", () => {
  /** Headers promise 4 KiB; a whole ListResponse comes, then the connection is reset. */
  const resetMidBody = onUsers((res) => {
    res.writeHead(200, { "content-type": "application/scim+json", "content-length": "4096" });
    res.write(EMPTY_LIST);
    setTimeout(() => res.socket?.resetAndDestroy(), 30);
  });
  /** Two MiB of a JSON-looking list: larger than the cap (1 MiB) of both the relay and the check. */
  const overCap = onUsers((res) => {
    res.writeHead(200, { "content-type": "application/scim+json" });
    res.end(`{"schemas":["${LIST_RESPONSE_URN}"],"Resources":[${'{"userName":"x"},'.repeat(128 * 1024)}{}]}`);
  });

  it.each([
    ["reset mid-body", resetMidBody, /cut off: the connection closed before the body was complete/],
    ["larger than the cap", overCap, /larger than the cap/],
  ] as const)("%s: the same outcome and explanation directly and through the relay", async (_label, answer, why) => {
    const target = await stub(answer);
    const relay = await relayTo(target.baseUrl);
    const direct = await runCheck(
      "test-connection",
      { baseUrl: target.baseUrl, token: TOKEN },
      {},
      { timeoutMs: 5000 },
    );
    const relayed = await runCheck(
      "test-connection",
      { baseUrl: relay.baseUrl, token: TOKEN },
      {},
      { timeoutMs: 5000 },
    );
    for (const result of [direct, relayed]) {
      expectOutcome(result, "not-scim");
      expect(result.explanation).toMatch(why);
      expect(result.evidence[0].status).toBe(200);
    }
    expect(relayed.explanation).toBe(direct.explanation);
    if (answer === resetMidBody) expect(direct.explanation).not.toMatch(/larger than the cap/);
  });

  it("the wizard's page can read the relay's mark on a cut-off answer", async () => {
    const target = await stub(resetMidBody);
    const relay = await relayTo(target.baseUrl);
    const res = await fetch(`${relay.baseUrl}/Users`, { headers: { origin: WIZARD } });
    expect(res.status).toBe(200);
    expect(res.headers.get(RELAY_HEADER)).toBe("cut-off");
    expect(res.headers.get("access-control-expose-headers")).toMatch(new RegExp(RELAY_HEADER, "i"));
    expect(await res.text()).toBe(EMPTY_LIST);
  });
});
