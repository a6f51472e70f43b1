// @vitest-environment node
/**
 * Issue 11 ("Diagnosis that holds on real SCIM servers"), points 2 to 6 and 9, against loopback
 * servers that behave like real ones do: 400 to everything on a wrong path, 429s, keys not
 * checked, userName compared case-sensitively.
 */
import type { ServerResponse } from "node:http";
import { judgeUrl } from "../../src/checks/check-url-format.ts";
import { runCheck } from "../../src/checks/run.ts";
import { startRelay } from "../../src/cli/relay.ts";
import { expectOutcome, OLD_TOKEN, TOKEN } from "./helpers.ts";
import { answerAll, type ScimStub, type StubOptions, startScimStub } from "./scim-stub.ts";

const stubs: ScimStub[] = [];
async function stub(options: Omit<StubOptions, "token"> = {}) {
  const s = await startScimStub({ token: TOKEN, ...options });
  stubs.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((s) => s.close()));
});

const run = (check: string, baseUrl: string, params: Record<string, string> = {}, previousToken = OLD_TOKEN) =>
  runCheck(check, { baseUrl, token: TOKEN, previousToken }, params, { timeoutMs: 1000 });

const badRequest = (res: ServerResponse) =>
  res
    .writeHead(400, { "content-type": "application/scim+json" })
    .end(JSON.stringify({ scimType: "invalidFilter", detail: "Bad request." }));

describe("point 2: a wrong base path is told apart from a filter limitation", () => {
  it("400 with and without the filter → not-found (wrong Tenant URL), with both requests as evidence", async () => {
    const server = await stub({ answer: answerAll((res) => badRequest(res)) });
    const r = expectOutcome(await run("test-connection", server.baseUrl), "not-found");
    expect(r.explanation).toMatch(/Tenant URL is wrong, not the filter/);
    expect(r.evidence.map((e) => e.status)).toEqual([400, 400]);
    expect(r.evidence[0].path).toMatch(/filter=/);
    expect(r.evidence[1].path).toBe("/scim/v2/Users?startIndex=1&count=1");
    expect(server.requests).toHaveLength(2);
  });

  it("400 to the filter but a ListResponse without it → bad-filter, saying the path is right", async () => {
    const server = await stub({
      answer: (req, res) => {
        if (!req.url?.includes("filter=")) return false;
        badRequest(res);
        return true;
      },
    });
    for (const [check, params] of [
      ["test-connection", {}],
      ["groups-probe", {}],
      ["user-state", { userName: "adele.vance@contoso.example" }],
      ["group-leftover", { groupName: "Project Falcon" }],
    ] as const) {
      const r = expectOutcome(await run(check, server.baseUrl, params), "bad-filter");
      expect(r.explanation).toMatch(/the path is right/);
      expect(r.evidence.at(-1)?.path).toMatch(/\?startIndex=1&count=1$/);
    }
  });

  it("discovery passing does not claim the path holds /Users", async () => {
    const server = await stub();
    const r = expectOutcome(await run("discovery", server.baseUrl), "pass");
    expect(r.explanation).toMatch(/does not prove that \/Users and \/Groups are at this path/);
  });
});

describe("point 3 (and 1d): 429, and 503 with Retry-After, are rate-limited and never retried", () => {
  it("429 with Retry-After in seconds names the wait", async () => {
    const server = await stub({
      answer: answerAll((res) => res.writeHead(429, { "retry-after": "120" }).end("slow down")),
    });
    const r = expectOutcome(await run("test-connection", server.baseUrl), "rate-limited");
    expect(r.explanation).toMatch(/429 Too Many Requests/);
    expect(r.explanation).toMatch(/wait 120 seconds/);
    expect(r.advice).toMatch(/Wait 120 seconds/);
    expect(r.title).not.toMatch(/SCIM answer/);
    expect(server.requests).toHaveLength(1);
  });

  it("503 with an HTTP-date Retry-After names the date; 503 without one stays a server error", async () => {
    const at = new Date(Date.now() + 90_000).toUTCString();
    const dated = await stub({ answer: answerAll((res) => res.writeHead(503, { "retry-after": at }).end()) });
    const r = expectOutcome(await run("test-connection", dated.baseUrl), "rate-limited");
    expect(r.explanation).toContain(`until ${at}`);
    expect(dated.requests).toHaveLength(1);
    const plain = await stub({ answer: answerAll((res) => res.writeHead(503).end()) });
    expectOutcome(await run("test-connection", plain.baseUrl), "server-error");
  });

  it("429 without Retry-After is rate-limited too, and the bad-filter follow-up is not sent after it", async () => {
    const server = await stub({ answer: answerAll((res) => res.writeHead(429).end()) });
    const r = expectOutcome(
      await run("user-state", server.baseUrl, { userName: "A.B@contoso.example" }),
      "rate-limited",
    );
    expect(r.explanation).toMatch(/no Retry-After/);
    expect(server.requests).toHaveLength(1);
  });
});

describe("point 4: the aadOptscim062020 flag", () => {
  it("url-format accepts it and says what it changes; other query strings stay bad-url", () => {
    const ok = judgeUrl("https://w365.example.com/scim/v2?aadOptscim062020");
    expect(ok.outcome).toBe("pass");
    expect(ok.explanation).toMatch(/PATCH/);
    expect(judgeUrl("https://w365.example.com/scim/v2?aadOptscim062020=1").outcome).toBe("bad-url");
    expect(judgeUrl("https://w365.example.com/scim/v2?x=aadOptscim062020").outcome).toBe("bad-url");
  });

  it("no check sends it on, as Entra does not", async () => {
    const server = await stub({ users: [{ userName: "adele.vance@contoso.example" }] });
    const base = `${server.baseUrl}?aadOptscim062020`;
    expectOutcome(await run("discovery", base), "pass");
    expectOutcome(await run("test-connection", base), "pass");
    expectOutcome(await run("groups-probe", base), "pass");
    expectOutcome(await run("user-state", base, { userName: "adele.vance@contoso.example" }), "active");
    expect(server.requests.length).toBeGreaterThanOrEqual(4);
    for (const r of server.requests) expect(r.url).not.toMatch(/aadOpt/i);
  });

  it("the relay takes the Tenant URL with the flag as --target and does not send it on either", async () => {
    const server = await stub();
    const relay = await startRelay({ target: `${server.baseUrl}?aadOptscim062020`, port: 0, log: () => undefined });
    try {
      expect(relay.baseUrl).toMatch(/\/scim\/v2$/);
      expectOutcome(await run("test-connection", relay.baseUrl), "pass");
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0].url).not.toMatch(/aadOpt/i);
    } finally {
      await relay.close();
    }
  });
});

describe("point 5: key-rotation against an endpoint that checks no key, and the same key twice", () => {
  it("old, new and a made-up key all accepted → auth-not-enforced, not 'regenerate again'", async () => {
    const server = await stub({ acceptAnyKey: true });
    const r = expectOutcome(await run("key-rotation", server.baseUrl), "auth-not-enforced");
    expect(r.explanation).toMatch(/does not check keys/);
    expect(r.advice).toMatch(/Regenerating again would not help/);
    expect(server.requests).toHaveLength(3);
  });

  it("the old key still accepted, a made-up one refused → old-key-still-valid", async () => {
    const server = await stub({ alsoAccepts: [OLD_TOKEN] });
    expectOutcome(await run("key-rotation", server.baseUrl), "old-key-still-valid");
  });

  it("the same key as old and new → same-key, with nothing sent", async () => {
    const server = await stub();
    const r = expectOutcome(await run("key-rotation", server.baseUrl, {}, ` ${TOKEN}`), "same-key");
    expect(r.evidence).toEqual([]);
    expect(r.advice).toMatch(/--old-token-env/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("point 6: a probe's note does not replace a timeout's explanation", () => {
  it("auth-enforced whose made-up key meets silence: the timeout is explained, and the note keeps both", async () => {
    const server = await stub({ hangOnWrongKey: true });
    const r = expectOutcome(await run("auth-enforced", server.baseUrl), "timeout");
    expect(r.explanation).toMatch(/No complete answer within 1000 ms/);
    expect(r.explanation).not.toBe("Sent with a made-up key.");
    expect(r.evidence[1].note).toMatch(/^Sent with a made-up key\. No complete answer within 1000 ms/);
  });
});

describe("point 9: a server that matches userName case-sensitively", () => {
  it("finds the user under another case and says the server breaks SCIM's case-insensitive userName", async () => {
    const server = await stub({
      caseSensitive: true,
      users: [{ userName: "adele.vance@contoso.example", active: true }],
    });
    const r = expectOutcome(
      await run("user-state", server.baseUrl, { userName: "Adele.Vance@contoso.example" }),
      "active",
    );
    expect(r.explanation).toMatch(/adele\.vance@contoso\.example exists and is active/);
    expect(r.explanation).toMatch(/case-sensitively/);
    expect(r.advice).toMatch(/caseExact false/);
    expect(r.evidence).toHaveLength(2);
    expect(decodeURIComponent(r.evidence[0].path)).toContain('"Adele.Vance@contoso.example"');
    expect(decodeURIComponent(r.evidence[1].path)).toContain('"adele.vance@contoso.example"');
  });

  it("reports a soft-deleted user found under another case as inactive", async () => {
    const server = await stub({ caseSensitive: true, users: [{ userName: "lee.gu@contoso.example", active: false }] });
    const r = expectOutcome(
      await run("user-state", server.baseUrl, { userName: "Lee.Gu@contoso.example" }),
      "inactive",
    );
    expect(r.explanation).toMatch(/case-sensitively/);
  });

  it("asks only once, and only when the typed name has upper-case letters", async () => {
    const server = await stub({ caseSensitive: true, users: [] });
    expectOutcome(await run("user-state", server.baseUrl, { userName: "nobody@contoso.example" }), "absent");
    expect(server.requests).toHaveLength(1);
    expectOutcome(await run("user-state", server.baseUrl, { userName: "No.Body@contoso.example" }), "absent");
    expect(server.requests).toHaveLength(3);
  });
});
