/**
 * `npm run relay -- --target https://scim.example.com/scim/v2`: a loopback-only
 * HTTP relay so the browser's live checks can reach an endpoint that sends no
 * CORS headers. It forwards only the GETs the checks send, only to the one
 * target, adds CORS for the wizard's origin only, and never logs a header.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { readCapped } from "../checks/body.ts";
import { RELAY_HEADER } from "../checks/http.ts";
import { hasEntraFlag } from "../checks/scim-urls.ts";
import { DEFAULT_RELAY_PORT } from "../checks/types.ts";
import { listenOn } from "../server/listen.ts";
import { isEntry, type Prog } from "./entry.ts";

export interface RelayOptions {
  target: string;
  port?: number;
  host?: string;
  allowOrigin?: string;
  timeoutMs?: number;
  maxBodyBytes?: number;
  log?: (line: string) => void;
}

export interface Relay {
  url: string;
  /**
   * Where the wizard's requests go when the relay is ticked: the relay's origin plus the
   * target's base path (effectiveBaseUrl). Not a Tenant URL to type: that stays the target.
   */
  baseUrl: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);
const RESOURCES = ["Users", "Groups", "ServiceProviderConfig"];

function checkOptions(o: RelayOptions) {
  const host = o.host ?? "127.0.0.1";
  if (!LOOPBACK.has(host))
    throw new Error(`The relay binds to loopback only (127.0.0.1, ::1, localhost), not ${host}.`);
  let target: URL;
  try {
    target = new URL(o.target);
  } catch {
    throw new Error(`--target must be an absolute URL, got ${o.target}.`);
  }
  const loopbackTarget = LOOPBACK.has(target.hostname.replace(/^\[|\]$/g, ""));
  if (target.protocol !== "https:" && !(target.protocol === "http:" && loopbackTarget)) {
    throw new Error("--target must be https:// (http:// only for a loopback test server).");
  }
  // The Tenant URL as Entra holds it may end in ?aadOptscim062020; Entra strips it, and so does the relay.
  if (hasEntraFlag(target)) target.search = "";
  if (target.search || target.hash || target.username || target.password) {
    throw new Error("--target is a SCIM base URL: no query, fragment or credentials.");
  }
  const allowOrigin = o.allowOrigin ?? "http://localhost:4173";
  if (new URL(allowOrigin).origin !== allowOrigin)
    throw new Error(`--allow-origin must be an origin such as http://localhost:4173.`);
  return { host, target, basePath: target.pathname.replace(/\/+$/, ""), allowOrigin };
}

/** The system error code under fetch's "fetch failed" (ECONNREFUSED, ENOTFOUND, a TLS code…). */
function causeCode(err: unknown): string {
  let cause: unknown = err;
  for (let i = 0; i < 4 && cause && typeof cause === "object"; i++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && code !== "ABORT_ERR") return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return (err as Error)?.name ?? "Error";
}

/** A short phrase for the common causes; the check has its own fuller wording by code. */
function describeCause(code: string): string {
  if (code === "ECONNREFUSED") return "connection refused by the target";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "the target's host name does not resolve (DNS)";
  if (/CERT|TLS|SSL/i.test(code)) return "the TLS handshake with the target failed";
  return "the target could not be reached";
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const { host, target, basePath, allowOrigin } = checkOptions(options);
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
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
      const upstream = await fetch(`${target.origin}${incoming.pathname}${incoming.search}`, {
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
      if (body.truncated) out["x-relay-truncated"] = String(maxBodyBytes);
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
      res
        .writeHead(timedOut ? 504 : 502, {
          ...cors,
          "content-type": "application/json; charset=utf-8",
          "cache-control": "no-store",
          [RELAY_HEADER]: "target-error",
        })
        .end(JSON.stringify(failure));
    }
  };

  const server = createServer((req, res) => {
    // Whatever one request does, the relay stays up for the next.
    handle(req, res, (server.address() as AddressInfo).port).catch(() => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end("The relay could not complete this request.");
    });
  });
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
