/**
 * One bounded SCIM request: a time cap over headers and body together, a body
 * size cap, and redirects followed only within the same origin (Entra does not
 * send its token to another host, and neither do we). GETs by default; a write
 * (POST, PATCH, DELETE with a JSON body) goes through the same caps and rules.
 */
import { parseJson, readCapped, summariseBody } from "./body.ts";
import { redactDeep, redactSecrets } from "./redact.ts";
import { scimError as scimErrorOf } from "./scim-bodies.ts";
import { type Method, pathOf } from "./scim-urls.ts";
import { type Evidence, REDACTED_BEARER } from "./types.ts";

export interface Limits {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBodyBytes: number;
  signal?: AbortSignal;
  /** Keys that must not survive in what a body is turned into (the one sent is always added). */
  secrets?: readonly (string | undefined)[];
}

/**
 * What `npm run relay` says when it could not pass the target's answer on: its 502/504 when it
 * could not reach the target, or its 503 when it was already forwarding all it takes at once.
 */
export interface RelayFailure {
  /** A system error code such as ECONNREFUSED, "timeout", or "busy". */
  error: string;
  detail?: string;
}

/** The header the relay sets on its own answers and on bodies it passed on incomplete, so a check can tell them from the target's. */
export const RELAY_HEADER = "x-scim-troubleshooter-relay";

/**
 * RELAY_HEADER's values. Through the relay only the relay sets it (of the target's headers it
 * passes on Content-Type and Retry-After alone); a server that sends it itself can only make its
 * own answer fail, never pass.
 */
export const RELAY_MARK = {
  /** The relay's 502/504: the target could not be reached or did not answer in time. */
  targetError: "target-error",
  /** The relay's 503: too many requests in flight through it; nothing was sent to the target. */
  busy: "busy",
  /** The target's answer as far as it came: the target's connection closed or was reset mid-body. */
  cutOff: "cut-off",
  /** The target's answer cut at the relay's size cap. */
  overCap: "over-cap",
} as const;

export type Exchange =
  | {
      kind: "response";
      status: number;
      text: string;
      truncated: boolean;
      /** Cut short by the server's side (the connection closed or was reset mid-body), not by our cap. */
      cutOff?: true;
      json: unknown;
      evidence: Evidence;
      /** The Retry-After header as sent (seconds or an HTTP-date), for a 429 or 503. */
      retryAfter?: string;
      relayFailure?: RelayFailure;
      afterRejectedKey?: boolean;
    }
  | {
      kind: "timeout";
      /** The explanation of the timeout itself; evidence.note may also say which key was sent. */
      message: string;
      evidence: Evidence;
      /** A key was rejected earlier in this run, or this request carried a made-up or old key. */
      afterRejectedKey?: boolean;
    }
  | { kind: "unreachable"; code?: string; message: string; evidence: Evidence; afterRejectedKey?: boolean };

const MAX_SAME_ORIGIN_REDIRECTS = 3;

/** What a request sends besides the key: GET with no body unless told otherwise. */
export interface SendInit {
  method?: Method;
  /** Sent as JSON (application/scim+json, as Entra sends it). */
  body?: unknown;
}

/** Only 307 and 308 keep the method and body; fetch would turn a POST after 301/302/303 into a GET. */
const KEEPS_METHOD = new Set([307, 308]);

/**
 * undici refuses an answer with more than five Content-Encoding codings (a guard against
 * decompression bombs) with an Error that has no code; this one names it (issue 12 point 1).
 */
export const TOO_MANY_CODINGS = "TOO_MANY_CONTENT_ENCODINGS";

/** The system error code Node attaches (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED…); browsers give none. */
export function errorCode(err: unknown): string | undefined {
  let cause: unknown = err;
  for (let i = 0; i < 4 && cause && typeof cause === "object"; i++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && code !== "ABORT_ERR") return code;
    if (/^too many content-encodings/.test(String((cause as { message?: unknown }).message))) return TOO_MANY_CODINGS;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Sends one request with the given token ("" sends no Authorization header) and never rejects, except on the caller's abort. */
export async function send(url: string, token: string, limits: Limits, init: SendInit = {}): Promise<Exchange> {
  const method = init.method ?? "GET";
  const started = performance.now();
  const evidence: Evidence = {
    method,
    path: pathOf(url),
    authorization: token ? REDACTED_BEARER : "none",
    elapsedMs: 0,
  };
  const stamp = () => {
    evidence.elapsedMs = Math.round(performance.now() - started);
  };
  // AbortSignal.timeout's timer is unref'd and needs no clearing, so no request keeps Node alive.
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const signal = limits.signal ? AbortSignal.any([limits.signal, deadline]) : deadline;
  // A fetch stand-in that ignores the signal must still not outlive the cap, so every await races this.
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
  aborted.catch(() => undefined);
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  if (body !== undefined) headers["Content-Type"] = "application/scim+json";
  try {
    let current = url;
    for (let hop = 0; ; hop++) {
      const pending = limits.fetch(current, { method, headers, body, redirect: "manual", signal });
      pending.catch(() => undefined);
      const res = await Promise.race([pending, aborted]);
      evidence.path = pathOf(current);
      evidence.status = res.status;
      const contentType = res.headers.get("content-type");
      if (contentType) evidence.contentType = contentType;
      else delete evidence.contentType;
      const location = res.headers.get("location");
      if (res.type === "opaqueredirect") {
        evidence.note =
          "The endpoint redirected; the browser does not reveal where, and the redirect was not followed.";
      } else if (res.status >= 300 && res.status < 400 && location) {
        const next = URL.canParse(location, current) ? new URL(location, current) : undefined;
        if (!next) {
          evidence.note = "Redirect to an address that is not a valid URL; not followed.";
        } else if (method !== "GET" && !KEEPS_METHOD.has(res.status)) {
          evidence.note = `A ${res.status} redirect would turn this ${method} into a GET; not followed.`;
        } else if (next.origin === new URL(current).origin && hop < MAX_SAME_ORIGIN_REDIRECTS) {
          void res.body?.cancel().catch(() => undefined);
          evidence.note = `Followed a redirect from ${pathOf(url)}.`;
          current = next.href;
          continue;
        } else if (next.origin === new URL(current).origin)
          evidence.note = "Too many redirects; stopped following them.";
        else {
          const where = next.host ? `another host (${next.host})` : `a ${next.protocol} address`;
          evidence.note = `Redirect to ${where} not followed: the key is never sent elsewhere.`;
        }
      }
      const answer = await Promise.race([readCapped(res, limits.maxBodyBytes, signal), aborted]);
      stamp();
      // Through the relay a body the target cut off arrives whole (the relay read what came and
      // sent that): its mark says so, so that the relay and a direct run judge the same answer.
      const mark = res.headers.get(RELAY_HEADER);
      const cutOff = answer.flaw === "cut-off" || mark === RELAY_MARK.cutOff;
      const truncated = answer.truncated || cutOff || mark === RELAY_MARK.overCap;
      // Redact before anything is cut to length (a detail to 300, a summary to 160 characters): a
      // key cut in two would no longer match, and a piece of it would reach the page or the output.
      const secrets = [token, ...(limits.secrets ?? [])];
      const text = redactSecrets(answer.text, secrets);
      const json = truncated || answer.flaw ? undefined : redactDeep(parseJson(text), secrets);
      const scimError = scimErrorOf(json);
      if (scimError?.scimType) evidence.scimType = scimError.scimType;
      if (scimError?.detail) evidence.detail = scimError.detail;
      // Summarise what is not SCIM (an HTML page, a gateway's JSON); a SCIM answer speaks for itself.
      const summary = !scimError && (json === undefined || res.status >= 300) ? summariseBody(text) : undefined;
      if (summary) evidence.bodySummary = summary;
      if (cutOff) evidence.note = "The connection closed before the body was complete.";
      else if (answer.flaw === "not-utf8") evidence.note = "The body is not valid UTF-8, so it cannot be SCIM JSON.";
      else if (mark === RELAY_MARK.overCap)
        evidence.note = "The relay cut the body at its size cap; the rest was not read.";
      else if (truncated) evidence.note = `Body cut at ${limits.maxBodyBytes} bytes (the cap); the rest was not read.`;
      const retryAfter = res.headers.get("retry-after")?.trim() || undefined;
      const relayFailure = relayFailureOf(mark, json);
      return {
        kind: "response",
        status: res.status,
        text,
        truncated,
        ...(cutOff && { cutOff: true as const }),
        json,
        evidence,
        ...(retryAfter && { retryAfter }),
        ...(relayFailure && { relayFailure }),
      };
    }
  } catch (err) {
    stamp();
    // The combined signal keeps the reason of whichever fired first: the cap, or the caller leaving.
    if (signal.aborted && signal.reason === deadline.reason) {
      const message = `No complete answer within ${limits.timeoutMs} ms; the request was aborted.`;
      evidence.note = message;
      return { kind: "timeout", message, evidence };
    }
    if (limits.signal?.aborted) throw limits.signal.reason;
    const code = errorCode(err);
    const message = err instanceof Error ? err.message : String(err);
    evidence.note = code ? `${message} (${code})` : message;
    return { kind: "unreachable", code, message, evidence };
  }
}

function relayFailureOf(mark: string | null, json: unknown): RelayFailure | undefined {
  if (mark === RELAY_MARK.busy) return { error: "busy" };
  if (mark !== RELAY_MARK.targetError) return undefined;
  const body = (typeof json === "object" && json !== null ? json : {}) as Record<string, unknown>;
  // Only a system error code's shape is taken: any server could send the header, and this lands in an explanation.
  const error =
    typeof body.relayError === "string" && /^([A-Z][A-Z0-9_]{1,47}|timeout)$/.test(body.relayError)
      ? body.relayError
      : "unknown";
  const detail = typeof body.detail === "string" ? body.detail.slice(0, 200) : undefined;
  return detail ? { error, detail } : { error };
}
