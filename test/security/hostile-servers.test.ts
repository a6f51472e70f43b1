// @vitest-environment node
/**
 * Live checks against servers that misbehave on purpose, over loopback only.
 * Every server is started here on 127.0.0.x port 0 and closed here. Each case
 * must end in a clear outcome within the time cap (+1 s), with an explanation
 * that is a sentence, no trace of the token in the result, and no socket left
 * open on the server.
 *
 * "Another host" follows src/checks/http.ts: a redirect is followed only when
 * its target has the same origin (scheme, host and port); any other origin,
 * including another port on the same address, is not followed and the key is
 * never sent there.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTcpServer, type Socket, type Server as TcpServer } from "node:net";
import { runCheck } from "../../src/checks/run.ts";
import { LIST_RESPONSE_URN } from "../../src/checks/scim-urls.ts";
import type { CheckResult } from "../../src/checks/types.ts";

const TOKEN = "hostile-test-token-Zx81Qw9rT4";
const TIMEOUT_MS = 1500;
const EMPTY_LIST = JSON.stringify({
  schemas: [LIST_RESPONSE_URN],
  totalResults: 0,
  Resources: [],
  startIndex: 1,
  itemsPerPage: 20,
});

interface Seen {
  method: string;
  url: string;
  authorization?: string;
}

/** A server under test: what it received, the sockets it holds, and a close that leaves none. */
interface Hostile {
  origin: string;
  baseUrl: string;
  port: number;
  requests: Seen[];
  /** Every socket the server accepted that is still open. */
  open: Set<Socket>;
  /** Sockets that carried a request: the hostile answers were written to these. */
  served: Set<Socket>;
  close(): Promise<void>;
}

const started: Hostile[] = [];

function track(server: Server | TcpServer, host: string, port: number, requests: Seen[], served: Set<Socket>) {
  const open = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
  });
  const origin = `http://${host}:${port}`;
  const hostile: Hostile = {
    origin,
    baseUrl: `${origin}/scim/v2`,
    port,
    requests,
    open,
    served,
    async close() {
      if ("closeAllConnections" in server) server.closeAllConnections();
      else for (const socket of open) socket.destroy();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
      // server.close calls back once the connection count is 0; each socket's own "close" follows a tick later.
      const deadline = performance.now() + 1000;
      while (open.size > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      expect(open.size, `${origin}: sockets left open`).toBe(0);
    },
  };
  started.push(hostile);
  return hostile;
}

async function listen(server: Server | TcpServer, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  return (server.address() as { port: number }).port;
}

/** An HTTP server on loopback whose handler may misbehave in any way. */
async function httpServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  host = "127.0.0.1",
): Promise<Hostile> {
  const requests: Seen[] = [];
  const served = new Set<Socket>();
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization });
    served.add(req.socket);
    // A client that hangs up mid-answer is expected here; it must not crash the test process.
    res.on("error", () => undefined);
    req.socket.on("error", () => undefined);
    handler(req, res);
  });
  return track(server, host, await listen(server, host), requests, served);
}

/** A raw TCP server, for answers node:http would not write (headers dripped byte by byte). */
async function tcpServer(onSocket: (socket: Socket) => void): Promise<Hostile> {
  const requests: Seen[] = [];
  const served = new Set<Socket>();
  const server = createTcpServer((socket) => {
    socket.on("error", () => undefined);
    socket.once("data", (data) => {
      served.add(socket);
      const [method = "", url = ""] = data.toString("latin1").split(" ");
      const authorization = /^authorization: (.*)$/im.exec(data.toString("latin1"))?.[1]?.trim();
      requests.push({ method, url, authorization });
      onSocket(socket);
    });
  });
  return track(server, "127.0.0.1", await listen(server, "127.0.0.1"), requests, served);
}

afterEach(async () => {
  const servers = started.splice(0);
  await Promise.all(servers.map((s) => s.close()));
});

/** Runs one check the way the wizard does and asserts what holds for every hostile case. */
async function check(baseUrl: string, name = "test-connection"): Promise<{ result: CheckResult; elapsedMs: number }> {
  const begun = performance.now();
  const result = await runCheck(name, { baseUrl, token: TOKEN }, {}, { timeoutMs: TIMEOUT_MS });
  const elapsedMs = performance.now() - begun;
  expect(elapsedMs, `${name} took ${Math.round(elapsedMs)} ms`).toBeLessThan(TIMEOUT_MS + 1000);
  const json = JSON.stringify(result);
  expect(json).not.toContain(TOKEN);
  expect(json).not.toContain(encodeURIComponent(TOKEN));
  expect(json).not.toContain(Buffer.from(TOKEN).toString("base64"));
  // A clear explanation: one non-empty sentence, not a bare code or a stack trace.
  expect(result.explanation).toMatch(/^\S[\s\S]{9,}[.!?]$/);
  expect(result.explanation).not.toMatch(/\n\s+at /);
  expect(result.title.trim()).not.toBe("");
  expect(result.advice.trim()).not.toBe("");
  for (const e of result.evidence) expect(["Bearer ••••", "none"]).toContain(e.authorization);
  return { result, elapsedMs };
}

/** The client let go of the hostile answer on its own (cancelled the body or aborted), without the server closing it. */
async function released(server: Hostile, withinMs = 1000): Promise<void> {
  const deadline = performance.now() + withinMs;
  while ([...server.served].some((s) => !s.destroyed) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const stillOpen = [...server.served].filter((s) => !s.destroyed).length;
  expect(stillOpen, "connections that carried the hostile answer are still open").toBe(0);
}

describe("bodies that never end or are far too big", () => {
  test("an endless chunked body is cut at the 1 MiB cap: not-scim, and the connection is released", async () => {
    let written = 0;
    const server = await httpServer((req, res) => {
      res.writeHead(200, { "content-type": "application/scim+json" });
      // Looks like the start of a ListResponse, echoes the key, then never stops.
      res.write(`{"schemas":["${LIST_RESPONSE_URN}"],"echo":"${req.headers.authorization}","Resources":[`);
      const chunk = Buffer.from(`{"userName":"x"},`.repeat(1024));
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) written += chunk.length;
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
    });
    const { result } = await check(server.baseUrl);
    expect(result.outcome).toBe("not-scim");
    expect(result.explanation).toMatch(/cap/);
    expect(result.evidence[0]).toMatchObject({ status: 200 });
    expect(result.evidence[0].note).toMatch(/cut at 1048576 bytes/);
    expect(server.requests).toHaveLength(1);
    await released(server);
    // Back-pressure stopped the server long before "endless": the client read the cap and hung up.
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  test("a 10 MB JSON-looking body (with Content-Length) is not read past the cap: not-scim", async () => {
    const size = 10 * 1024 * 1024;
    const server = await httpServer((req, res) => {
      const head = Buffer.from(
        `{"schemas":["${LIST_RESPONSE_URN}"],"totalResults":0,"echo":"${req.headers.authorization}","Resources":[`,
      );
      const tail = Buffer.from("]}");
      res.writeHead(200, { "content-type": "application/scim+json", "content-length": String(size) });
      res.write(head);
      let left = size - head.length - tail.length;
      const item = Buffer.from(`{"userName":"padding"},`.repeat(2048));
      const pump = () => {
        while (!res.destroyed && left > item.length) {
          left -= item.length;
          if (!res.write(item)) return void res.once("drain", pump);
        }
        if (!res.destroyed) res.end(Buffer.concat([Buffer.alloc(left, 0x20), tail]));
      };
      pump();
    });
    const { result } = await check(server.baseUrl);
    expect(result.outcome).toBe("not-scim");
    expect(result.explanation).toMatch(/larger than the cap/);
    expect(result.evidence[0].note).toMatch(/cut at 1048576 bytes/);
    await released(server);
  });
});

describe("answers that are too slow", () => {
  test("an endless body that trickles (1 KiB every 20 ms, never reaching the cap) ends in timeout", async () => {
    const server = await httpServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/scim+json" });
      res.write(`{"schemas":["${LIST_RESPONSE_URN}"],"Resources":[`);
      const trickle = setInterval(() => (res.destroyed ? clearInterval(trickle) : res.write(" ".repeat(1024))), 20);
      res.on("close", () => clearInterval(trickle));
    });
    const { result } = await check(server.baseUrl);
    expect(result.outcome).toBe("timeout");
    await released(server);
  });

  test("a body dripped one byte every 200 ms ends in timeout at the cap, and the connection is released", async () => {
    const server = await httpServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/scim+json" });
      const body = Buffer.from(EMPTY_LIST);
      let at = 0;
      const drip = setInterval(() => {
        if (res.destroyed || at >= body.length) {
          clearInterval(drip);
          if (!res.destroyed) res.end();
          return;
        }
        res.write(body.subarray(at, ++at));
      }, 200);
      res.on("close", () => clearInterval(drip));
    });
    const { result, elapsedMs } = await check(server.baseUrl);
    expect(result.outcome).toBe("timeout");
    expect(result.explanation).toMatch(/1500 ms/);
    expect(elapsedMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(result.evidence[0]).toMatchObject({ status: 200 });
    await released(server);
  });

  test("headers dripped one byte every 200 ms (raw TCP) end in timeout, and the connection is released", async () => {
    const server = await tcpServer((socket) => {
      const head = Buffer.from(
        "HTTP/1.1 200 OK\r\ncontent-type: application/scim+json\r\ncontent-length: 2\r\n\r\n{}",
        "latin1",
      );
      let at = 0;
      const drip = setInterval(() => {
        if (socket.destroyed || at >= head.length) return clearInterval(drip);
        socket.write(head.subarray(at, ++at));
      }, 200);
      socket.on("close", () => clearInterval(drip));
    });
    const { result } = await check(server.baseUrl);
    expect(result.outcome).toBe("timeout");
    expect(result.evidence[0].status).toBeUndefined();
    expect(server.requests[0]?.authorization).toBe(`Bearer ${TOKEN}`);
    await released(server);
  });
});

describe("bodies that are not valid UTF-8", () => {
  const listWith = (bytes: number[], where: "between" | "in-string") => {
    const before = `{"schemas":["${LIST_RESPONSE_URN}"],"totalResults":0,"Resources":[]`;
    return where === "between"
      ? Buffer.concat([Buffer.from(`${before},`), Buffer.from(bytes), Buffer.from('"startIndex":1}')])
      : Buffer.concat([Buffer.from(`${before},"meta":"`), Buffer.from(bytes), Buffer.from('"}')]);
  };
  const invalid = [0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80];

  test.each([
    ["only invalid bytes, echoing the key", (auth: string) => Buffer.concat([Buffer.from(invalid), Buffer.from(auth)])],
    ["a ListResponse with invalid bytes between its members", () => listWith(invalid, "between")],
    // RFC 8259 §8.1: JSON exchanged between systems MUST be UTF-8, so these bytes are no JSON text
    // (and share-link.ts decodes with { fatal: true } for the same reason).
    ["a ListResponse with invalid bytes inside a string", () => listWith(invalid, "in-string")],
  ])("200 application/scim+json with %s → not-scim", async (_label, body) => {
    const server = await httpServer((req, res) => {
      const bytes = body(req.headers.authorization ?? "");
      res.writeHead(200, { "content-type": "application/scim+json", "content-length": String(bytes.length) });
      res.end(bytes);
    });
    const { result } = await check(server.baseUrl);
    expect(result.outcome).toBe("not-scim");
    expect(result.passed).toBe(false);
  });
});

describe("answers cut off mid-body", () => {
  // Headers say 200 and 4 KiB, then the server hangs up after a few bytes: an answer came, but no SCIM body.
  test("a 200 whose body stops short (the server closes the connection) → not-scim, not 'no answer'", async () => {
    const server = await httpServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/scim+json", "content-length": "4096" });
      res.write(`{"schemas":["${LIST_RESPONSE_URN}"],`);
      setTimeout(() => res.socket?.destroy(), 50);
    });
    const { result } = await check(server.baseUrl);
    expect(result.evidence[0]).toMatchObject({ status: 200 });
    expect(result.outcome).toBe("not-scim");
    expect(result.explanation).not.toMatch(/^No answer/);
  });
});

describe("redirects", () => {
  /** The place a redirect points to: it would answer a perfect ListResponse, so following it would pass. */
  const perfectScim = (host: string) =>
    httpServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/scim+json" });
      res.end(EMPTY_LIST);
    }, host);

  const redirectingTo = (location: (req: IncomingMessage) => string, status = 302) =>
    httpServer((req, res) => {
      res.writeHead(status, { location: location(req), "content-type": "text/plain" });
      res.end(`Moved. You sent ${req.headers.authorization}`);
    });

  test.each([
    ["302", "another host (127.0.0.2, loopback too)", "127.0.0.2", 302],
    ["307", "another host (127.0.0.2, loopback too)", "127.0.0.2", 307],
    ["302", "another port on 127.0.0.1 (another origin)", "127.0.0.1", 302],
  ] as const)(
    "a %s to %s is not followed: not-scim, and the key never reaches it",
    async (_s, _label, host, status) => {
      const elsewhere = await perfectScim(host);
      // The leak bait: the Location carries the key too.
      const server = await redirectingTo((req) => `${elsewhere.origin}${req.url}&echo=${TOKEN}`, status);
      const { result } = await check(server.baseUrl);
      expect(result.outcome).toBe("not-scim");
      expect(result.explanation).toMatch(new RegExp(`redirect \\(${status}\\)`, "i"));
      expect(result.evidence[0]).toMatchObject({ status });
      expect(result.evidence[0].note).toBe(
        `Redirect to another host (${host}:${elsewhere.port}) not followed: the key is never sent elsewhere.`,
      );
      expect(server.requests).toHaveLength(1);
      expect(elsewhere.requests).toEqual([]);
    },
  );

  test.each(["javascript:alert(1)", "file:///etc/passwd", "//127.0.0.2/scim/v2/Users"])(
    "a redirect to %s is not followed: not-scim",
    async (location) => {
      const server = await redirectingTo(() => location);
      const { result } = await check(server.baseUrl);
      expect(result.outcome).toBe("not-scim");
      expect(result.evidence[0]).toMatchObject({ status: 302 });
      expect(server.requests).toHaveLength(1);
    },
  );

  // The answer came (302): a Location that is no URL is a broken redirect, not "no answer" with DNS/TLS advice.
  test("a 302 whose Location is not a URL at all → not-scim, not unreachable", async () => {
    const server = await redirectingTo(() => "http://[not-a-host");
    const { result } = await check(server.baseUrl);
    expect(result.evidence[0]).toMatchObject({ status: 302 });
    expect(result.outcome).toBe("not-scim");
    expect(server.requests).toHaveLength(1);
  });

  test("a redirect to https on the same host and port is another origin: not followed", async () => {
    const server = await redirectingTo((req) => `https://127.0.0.1:${server.port}${req.url}`);
    const { result } = await check(server.baseUrl);
    expect(result.outcome).toBe("not-scim");
    expect(result.evidence[0].note).toMatch(/another host/);
    expect(server.requests).toHaveLength(1);
  });

  test("a redirect within the same origin is followed (with the key) and judged on where it lands", async () => {
    const server = await httpServer((req, res) => {
      if (req.url?.startsWith("/scim/v2/")) {
        res.writeHead(301, { location: req.url.replace("/scim/v2/", "/api/scim/v2/") });
        return void res.end();
      }
      res.writeHead(200, { "content-type": "application/scim+json" });
      res.end(EMPTY_LIST);
    });
    const { result } = await check(server.baseUrl);
    expect(result.outcome).toBe("pass");
    expect(result.evidence[0].note).toMatch(/Followed a redirect/);
    expect(result.evidence[0].path).toMatch(/^\/api\/scim\/v2\/Users\?/);
    expect(server.requests.map((r) => r.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  });

  test("an endless same-origin redirect loop stops after 3 hops: not-scim", async () => {
    const server = await redirectingTo((req) => req.url ?? "/");
    const { result } = await check(server.baseUrl);
    expect(result.outcome).toBe("not-scim");
    expect(result.evidence[0].note).toBe("Too many redirects; stopped following them.");
    expect(server.requests).toHaveLength(4);
  });
});

describe("TLS-less http", () => {
  test("url-format rejects an http:// Tenant URL as bad-url without sending anything", async () => {
    const server = await perfectServer();
    const { result } = await check(server.baseUrl, "url-format");
    expect(result.outcome).toBe("bad-url");
    expect(result.explanation).toMatch(/http:\/\//);
    expect(result.explanation).toMatch(/https:\/\//);
    expect(result.evidence).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  test("test-connection still runs over plain http (for loopback tests and the relay) and judges the answer", async () => {
    const server = await perfectServer();
    const { result } = await check(server.baseUrl);
    expect(result.outcome).toBe("pass");
    expect(server.requests).toHaveLength(1);
  });

  test("an https:// Tenant URL on a server that speaks no TLS → unreachable, naming the TLS error", async () => {
    const server = await perfectServer();
    const { result } = await check(server.baseUrl.replace(/^http:/, "https:"));
    expect(result.outcome).toBe("unreachable");
    expect(result.explanation).toMatch(/SSL|TLS/);
    expect(server.requests).toEqual([]);
  });

  function perfectServer() {
    return httpServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/scim+json" });
      res.end(EMPTY_LIST);
    });
  }
});
