// @vitest-environment node
/** Small pieces: URL judging, body reading and summarising, redaction. */
import { readCapped, summariseBody } from "../../src/checks/body.ts";
import { judgeUrl } from "../../src/checks/check-url-format.ts";
import { send } from "../../src/checks/http.ts";
import { redactDeep, redactSecrets } from "../../src/checks/redact.ts";

it.each([
  ["https://w365.example.com/scim/v2", "pass"],
  ["https://w365.example.com/scim/v2/", "pass"],
  ["http://w365.example.com/scim/v2", "bad-url"],
  ["https://w365.example.com/scim/v2/Users", "bad-url"],
  ["https://w365.example.com/scim/v2/groups/", "bad-url"],
  // Microsoft's documented flag is the one query a Tenant URL may carry (issue 11); any other stays wrong.
  ["https://w365.example.com/scim/v2?aadOptscim062020", "pass"],
  ["https://w365.example.com/scim/v2?foo=1", "bad-url"],
  ["https://w365.example.com/scim/v2?aadOptscim062020&x=1", "bad-url"],
  ["https://w365.example.com/scim/v2#x", "bad-url"],
  [" https://w365.example.com/scim/v2", "bad-url"],
  ["https://user:pw@w365.example.com/scim", "bad-url"],
  ["w365.example.com/scim", "bad-url"],
  ["ftp://w365.example.com/scim", "bad-url"],
  ["", "bad-url"],
])("url-format %j → %s", (url, outcome) => {
  expect(judgeUrl(url).outcome).toBe(outcome);
});

it("reads a body up to the cap, then cancels the stream", async () => {
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(new Uint8Array(1000).fill(65));
    },
    cancel() {
      cancelled = true;
    },
  });
  const body = await readCapped(new Response(stream), 2500);
  expect(body).toMatchObject({ truncated: true });
  expect(body.text).toHaveLength(2500);
  expect(cancelled).toBe(true);
  expect(await readCapped(new Response("short"), 2500)).toMatchObject({ text: "short", truncated: false });
});

it("summarises HTML as one line of text, without markup or scripts", () => {
  const page =
    "<!DOCTYPE html><html><head><title>Sign in</title><script>alert(1)</script></head><body><h1>Sign in</h1><p>Use your   account</p></body></html>";
  expect(summariseBody(page)).toBe("HTML page: Sign in Use your account");
  expect(summariseBody("plain\n text")).toBe("plain text");
  expect(summariseBody("x".repeat(500))?.length).toBeLessThanOrEqual(160);
  expect(summariseBody("  ")).toBeUndefined();
});

it("redacts keys, also URL-encoded, and ignores absurdly short ones", () => {
  expect(redactSecrets("Bearer s3cr3t+key/x and s3cr3t%2Bkey%2Fx", ["s3cr3t+key/x"])).toBe("Bearer •••• and ••••");
  expect(redactSecrets("a b c", ["a"])).toBe("a b c");
  expect(redactSecrets("key a%20b", ["a b"])).toBe("key a%20b");
  expect(redactDeep({ list: [{ note: "tok-12345" }], n: 1 }, ["tok-12345"])).toEqual({
    list: [{ note: "••••" }],
    n: 1,
  });
});

it("redacts the longest secret first, with any mask, and a key pasted with spaces", () => {
  // A secret inside a longer one must not leave the longer one's remainder behind.
  expect(redactSecrets("id=abcd-1234-efgh", ["abcd", "abcd-1234-efgh"], "[left out]")).toBe("id=[left out]");
  expect(redactSecrets("x megan@contoso.example y", ["megan@contoso.example"], "[left out]")).toBe("x [left out] y");
  expect(redactSecrets("Bearer tok-98765", ["  tok-98765 "])).toBe("Bearer ••••");
  expect(redactSecrets("nothing here", [undefined, ""])).toBe("nothing here");
});

describe("send with a method and a JSON body", () => {
  const limits = (fetch: typeof globalThis.fetch) => ({ fetch, timeoutMs: 1000, maxBodyBytes: 1024 });
  const redirect = (status: number) => new Response(null, { status, headers: { location: "/scim/v2/Users/moved" } });

  it("sends the body as application/scim+json and shows the method in the evidence", async () => {
    const calls: RequestInit[] = [];
    const ex = await send(
      "https://scim.example.com/scim/v2/Users",
      "key-123456",
      limits(async (_url, init) => {
        calls.push(init ?? {});
        return new Response(JSON.stringify({ id: "1" }), { status: 201 });
      }),
      { method: "POST", body: { userName: "x" } },
    );
    expect(calls[0]).toMatchObject({ method: "POST", body: '{"userName":"x"}' });
    expect((calls[0].headers as Record<string, string>)["Content-Type"]).toBe("application/scim+json");
    expect(ex.evidence).toMatchObject({ method: "POST", status: 201, authorization: "Bearer ••••" });
  });

  it("follows a same-origin 307 with the same method and body, but not a 302 that would turn it into a GET", async () => {
    const seen: string[] = [];
    const fetch307 = async (url: string | URL | Request, init?: RequestInit) => {
      seen.push(`${init?.method} ${String(url)} ${init?.body}`);
      return seen.length === 1 ? redirect(307) : new Response(null, { status: 204 });
    };
    const ex = await send("https://scim.example.com/scim/v2/Users/1", "k", limits(fetch307), {
      method: "PATCH",
      body: { a: 1 },
    });
    expect(seen).toEqual([
      'PATCH https://scim.example.com/scim/v2/Users/1 {"a":1}',
      'PATCH https://scim.example.com/scim/v2/Users/moved {"a":1}',
    ]);
    expect(ex.kind === "response" && ex.status).toBe(204);
    const once = await send(
      "https://scim.example.com/scim/v2/Users/1",
      "k",
      limits(async () => redirect(302)),
      {
        method: "DELETE",
      },
    );
    expect(once.evidence.status).toBe(302);
    expect(once.evidence.note).toMatch(/would turn this DELETE into a GET; not followed/);
  });
});
