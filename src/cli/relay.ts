/**
 * `npm run relay -- --target https://scim.example.com/scim/v2`: a loopback-only
 * HTTP relay so the browser's live checks can reach an endpoint that sends no
 * CORS headers. It forwards only the GETs the checks send, only to the one
 * target, adds CORS for the wizard's origin only, and never logs a header.
 * Whatever one request does, the relay stays up for the next: it forwards a
 * bounded number at once, and drops a client that is slow to send its request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { readCapped } from "../checks/body.ts";
import { RELAY_HEADER, RELAY_MARK } from "../checks/http.ts";
import { DEFAULT_RELAY_PORT } from "../checks/types.ts";
import { listenOn } from "../server/listen.ts";
import { isEntry, type Prog } from "./entry.ts";
import { nodeFetch } from "./node-fetch.ts";
import { answerOwn, causeCode, describeCause } from "./relay-answers.ts";
import { checkOptions, type RelayOptions } from "./relay-options.ts";

/**
 * Requests the relay forwards at once. The wizard sends one at a time; each held request may
 * buffer a body up to the size cap, so this bounds the relay's memory (issue 12 point 8).
 */
export const RELAY_MAX_IN_FLIGHT = 8;

/**
 * How long a client may take to send its request: the browser sends it at once, so a client
 * that drips its headers is dropped within seconds, not after Node's 60 s to 300 s defaults.
 */
export const RELAY_REQUEST_TIMEOUT_MS = 5_000;

export interface Relay {
  url: string;
  /**
   * Where the wizard's requests go when the relay is ticked: the relay's origin plus the
   * target's base path (effectiveBaseUrl). Not a Tenant URL to type: that stays the target.
   */
  baseUrl: string;
  close(): Promise<void>;
}

const RESOURCES = ["Users", "Groups", "ServiceProviderConfig"];

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const { host, target, basePath, allowOrigin } = checkOptions(options);
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const maxInFlight = options.maxInFlight ?? RELAY_MAX_IN_FLIGHT;
  let inFlight = 0;
  const allowed = new Set(RESOURCES.map((r) => `${basePath}/${r}`));

  const handle = async (req: IncomingMessage, res: ServerResponse, port: number) => {
    const origin = req.headers.origin;
    const cors: Record<string, string> =
      origin === allowOrigin
        ? {
            "access-control-allow-origin": allowOrigin,
            vary: "Origin",
            "access-control-allow-methods": "GET",
            // Without this the browser's check could not read why the relay failed, or how long to wait.
            "access-control-expose-headers": `${RELAY_HEADER}, Retry-After`,
          }
        : { vary: "Origin" };
    const refuse = (status: number, message: string) => {
      log(`refused ${req.method} ${(req.url ?? "").split("?")[0]}: ${message}`);
      res.writeHead(status, { ...cors, "content-type": "text/plain; charset=utf-8" }).end(`${message}\n`);
    };
    // Only names of this machine: a DNS-rebinding page cannot use the relay under another host name.
    const hostHeader = req.headers.host ?? "";
    if (![`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(hostHeader)) {
      return refuse(403, "Unexpected Host header.");
    }
    if (!req.url?.startsWith("/")) return refuse(400, "Only origin-form request targets are relayed.");
    if (origin !== undefined && origin !== allowOrigin) return refuse(403, `Origin ${origin} is not allowed.`);
    if (req.method === "OPTIONS") {
      if (origin !== allowOrigin || req.headers["access-control-request-method"] !== "GET") {
        return refuse(403, "Preflight refused.");
      }
      res.writeHead(204, {
        ...cors,
        "access-control-allow-headers": "Authorization, Accept",
        "access-control-max-age": "600",
      });
      return res.end();
    }
    if (req.method !== "GET") return refuse(405, "The relay forwards GET only.");
    if (!URL.canParse(req.url, "http://relay.invalid")) return refuse(400, "The request address is not a valid URL.");
    const incoming = new URL(req.url, "http://relay.invalid");
    if (!allowed.has(incoming.pathname)) {
      return refuse(404, `The relay forwards only ${[...allowed].join(", ")}.`);
    }
    if (inFlight >= maxInFlight) {
      log(`refused GET ${incoming.pathname}: ${maxInFlight} requests already in flight`);
      // Marked, so the check says the relay (not the target) asked to wait, and nothing was sent on.
      return answerOwn(res, cors, 503, RELAY_MARK.busy, {
        relayError: "busy",
        detail: `the relay is already forwarding ${maxInFlight} requests`,
      });
    }
    inFlight++;
    try {
      await forward(incoming, req, res, cors);
    } finally {
      inFlight--;
    }
  };

  const forward = async (
    incoming: URL,
    req: IncomingMessage,
    res: ServerResponse,
    cors: Record<string, string>,
  ): Promise<void> => {
    const headers: Record<string, string> = {};
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    if (req.headers.accept) headers.accept = req.headers.accept;
    const started = performance.now();
    // The browser hanging up ends the upstream request too; the deadline is told apart from it below.
    const left = new AbortController();
    res.once("close", () => left.abort());
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([deadline, left.signal]);
    try {
      const upstream = await nodeFetch(`${target.origin}${incoming.pathname}${incoming.search}`, {
        headers,
        redirect: "manual",
        signal,
      });
      // With the signal, a timeout mid-body is a 504 like any other, not a cut 200.
      const body = await readCapped(upstream, maxBodyBytes, signal);
      const out: Record<string, string> = { ...cors, "cache-control": "no-store" };
      const type = upstream.headers.get("content-type");
      if (type) out["content-type"] = type;
      // A 429 or 503's wait is part of the answer the check explains.
      const retryAfter = upstream.headers.get("retry-after");
      if (retryAfter) out["retry-after"] = retryAfter;
      // The bytes below are whole as sent; the mark tells the check that the target's were not.
      if (body.flaw === "cut-off") out[RELAY_HEADER] = RELAY_MARK.cutOff;
      else if (body.truncated) out[RELAY_HEADER] = RELAY_MARK.overCap;
      // Location is dropped: following a redirect elsewhere is exactly what the checks refuse.
      // The bytes as received, so that the browser's check judges the same body (UTF-8 or not).
      res.writeHead(upstream.status, out).end(Buffer.from(body.bytes));
      log(`GET ${incoming.pathname} → ${upstream.status} (${Math.round(performance.now() - started)} ms)`);
    } catch (err) {
      const code = causeCode(err);
      log(`GET ${incoming.pathname} → no answer from the target (${code})`);
      if (res.destroyed || (left.signal.aborted && !deadline.aborted)) return void res.destroy();
      // A small, marked answer, so that the check reports the target's cause and not "server error".
      const timedOut = deadline.aborted;
      const failure = timedOut
        ? { relayError: "timeout", detail: "the target did not answer in time" }
        : { relayError: code, detail: describeCause(code) };
      answerOwn(res, cors, timedOut ? 504 : 502, RELAY_MARK.targetError, failure);
    }
  };

  const server = createServer(
    // Node checks these every connectionsCheckingInterval; by default 60 s + 30 s for headers.
    {
      headersTimeout: RELAY_REQUEST_TIMEOUT_MS,
      requestTimeout: RELAY_REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      // Whatever one request does, the relay stays up for the next.
      handle(req, res, (server.address() as AddressInfo).port).catch(() => {
        if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
        res.end("The relay could not complete this request.");
      });
    },
  );
  const { url } = await listenOn(server, options.port, host);
  return {
    url,
    baseUrl: `${url}${basePath}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * What the relay tells the admin at start-up. The Tenant URL stays the real
 * https address (url-format judges it as typed, and an http:// loopback
 * address would fail it); only the relay address points here, and the wizard
 * appends the Tenant URL's path to it (effectiveBaseUrl), which is `baseUrl`.
 */
export function relayHint(relayUrl: string, target: string, allowOrigin: string): string {
  return [
    `Relay on ${relayUrl} → ${target}`,
    `In the wizard's connection panel, keep the Tenant URL ${target}, tick “Send through the local relay” and set the Relay address to ${relayUrl}.`,
    `Only pages from ${allowOrigin} may use it (--allow-origin to change).`,
  ].join("\n");
}

/** The relay on this process: runs until SIGINT or SIGTERM; exit code 2 on bad usage. */
export async function cli(argv: string[], prog: Prog = "npm run relay --"): Promise<void> {
  const usage = `Usage: ${prog} --target https://scim.example.com/scim/v2 [--port N] [--allow-origin ORIGIN] [--timeout-ms N]`;
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        target: { type: "string" },
        port: { type: "string", default: String(DEFAULT_RELAY_PORT) },
        host: { type: "string", default: "127.0.0.1" },
        "allow-origin": { type: "string", default: "http://localhost:4173" },
        "timeout-ms": { type: "string", default: "15000" },
      },
    });
    if (!values.target) throw new Error("--target is required.");
    const relay = await startRelay({
      target: values.target,
      port: Number(values.port),
      host: values.host,
      allowOrigin: values["allow-origin"],
      timeoutMs: Number(values["timeout-ms"]),
    });
    process.stdout.write(`${relayHint(relay.url, values.target, values["allow-origin"])}\n`);
    for (const signal of ["SIGINT", "SIGTERM"] as const)
      process.once(signal, () => void relay.close().then(() => process.exit(0)));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${usage}\n`);
    process.exitCode = 2;
  }
}

if (isEntry(import.meta.url)) void cli(process.argv.slice(2));
