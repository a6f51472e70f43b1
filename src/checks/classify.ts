/**
 * Turns one exchange into a request-failure outcome, or hands back the SCIM
 * JSON for the check to judge. The status code decides before the body does: an
 * HTML 500 is a server error, not "not SCIM".
 */
import { summariseBody } from "./body.ts";
import type { RequestFailureCode } from "./catalog.ts";
import { type Exchange, TOO_MANY_CODINGS } from "./http.ts";
import { LOCKOUT_ADVICE } from "./messages.ts";
import { type ListResponse, listResponse } from "./scim-bodies.ts";

/** One failure per code (a union), so that checking `outcome` narrows it. */
export type Failure<O extends string = string> = O extends string
  ? {
      outcome: O;
      explanation: string;
      /** Replaces the outcome's usual advice when the cause is known more precisely. */
      advice?: string;
    }
  : never;

/** What a filtered request can fail with: a 400 there means the filter. */
type FilteredFailure = Failure<RequestFailureCode | "bad-filter">;

/** What a system error code means, in words (Node names the code; browsers give none). */
export const SYSTEM_ERRORS: Record<string, string> = {
  ECONNREFUSED: "the connection was refused; nothing listens on that port",
  ENOTFOUND: "the host name does not resolve (DNS)",
  EAI_AGAIN: "DNS lookup failed temporarily",
  ECONNRESET: "the connection was reset",
  EHOSTUNREACH: "the host is unreachable",
  ETIMEDOUT: "the connection attempt timed out",
  CERT_HAS_EXPIRED: "the TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "the TLS certificate is self-signed (Entra needs a publicly trusted one)",
  SELF_SIGNED_CERT_IN_CHAIN: "the TLS chain holds a self-signed certificate",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the TLS certificate chain is incomplete or untrusted",
  ERR_TLS_CERT_ALTNAME_INVALID: "the TLS certificate does not match the host name",
  [TOO_MANY_CODINGS]:
    "the answer came in more than five layers of compression (Content-Encoding), which is refused as a possible decompression bomb",
};

function withDetail(ex: Extract<Exchange, { kind: "response" }>): string {
  const { scimType, detail, bodySummary } = ex.evidence;
  const parts = [scimType && `scimType ${scimType}`, detail, !detail && bodySummary].filter(Boolean);
  return parts.length ? ` (${parts.join(": ")})` : "";
}

/** The wait a Retry-After header asks for, in words: seconds, or an HTTP-date (RFC 9110 §10.2.3). */
export function retryAfterWords(value: string | undefined, now = Date.now()): string | undefined {
  if (!value) return undefined;
  if (/^\d{1,9}$/.test(value)) return `${Number(value)} seconds`;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  const seconds = Math.max(0, Math.round((at - now) / 1000));
  return `until ${new Date(at).toUTCString()} (about ${seconds} seconds from now)`;
}

function rateLimited(ex: Extract<Exchange, { kind: "response" }>): Failure<"rate-limited"> {
  const wait = retryAfterWords(ex.retryAfter);
  const what = ex.status === 429 ? "429 Too Many Requests" : "503 with Retry-After";
  const asks = wait ? `it asks to wait ${wait} (Retry-After)` : "it gave no Retry-After, so wait a few minutes";
  return {
    outcome: "rate-limited",
    explanation: `${what}: the endpoint is limiting requests; ${asks}. Nothing was retried.`,
    ...(wait && {
      advice: `Wait ${wait} before running any check again; checks are never retried automatically. If it keeps happening, something else (Entra itself, a script) is sending many requests with this key.`,
    }),
  };
}

/** A timeout or no answer right after a rejected (or a made-up or old) key: brute-force protection may have struck. */
function lockout<O extends "timeout" | "unreachable">(failure: Failure<O>): Failure<O> {
  return {
    ...failure,
    explanation: `${failure.explanation} This came right after a key was rejected or a made-up or old key was sent: the endpoint may have locked this address out (brute-force protection).`,
    advice: LOCKOUT_ADVICE,
  } as Failure<O>;
}

/** The endpoint answered, but in a form no HTTP client reads: only its owner can change that. */
const CODINGS_ADVICE =
  "The endpoint, or a proxy in front of it, compresses its answer again and again. Send the evidence to the SCIM provider: an answer needs at most one Content-Encoding (such as gzip).";

/** The relay's own 503: it is forwarding all the requests it takes at once, and this one never left it. */
const RELAY_BUSY: Failure<"rate-limited"> = {
  outcome: "rate-limited",
  explanation:
    "The local relay is already forwarding as many requests as it takes at once and refused this one (503 from the relay); nothing was sent to the target, and nothing was retried.",
  advice:
    "Wait a few seconds and run the check again. If it keeps happening, another page or script is sending requests through the relay: close it, or stop the relay (Ctrl+C) and start it again.",
};

/** The body stopped short on the server's side: whatever came is not the answer the server meant to send. */
const CUT_OFF: Failure<"not-scim"> = {
  outcome: "not-scim",
  explanation:
    "The answer was cut off: the connection closed before the body was complete, so there is no whole SCIM answer to judge.",
  advice:
    "The server, or a proxy or load balancer in front of it, broke the connection in the middle of its answer. Run the check again; if it keeps happening, send the evidence to the SCIM provider.",
};

/** The relay's own 502/504: the target's cause, as if the check had met it directly. */
function relayed(ex: Extract<Exchange, { kind: "response" }>): Failure<"timeout" | "unreachable"> | undefined {
  const relay = ex.relayFailure;
  if (!relay) return undefined;
  if (ex.status === 504 || relay.error === "timeout") {
    return { outcome: "timeout", explanation: "The relay got no answer from the target in time (504 from the relay)." };
  }
  const known = SYSTEM_ERRORS[relay.error];
  const cause = known || relay.detail || "no answer";
  return {
    outcome: "unreachable",
    explanation: `The relay could not reach the target: ${cause} (${relay.error}).`,
    advice:
      relay.error === TOO_MANY_CODINGS
        ? CODINGS_ADVICE
        : "The relay runs on this computer: check that it can reach the target (host name, port, public DNS, a publicly trusted TLS 1.2 certificate), as Entra needs too.",
  };
}

function unreachable(ex: Extract<Exchange, { kind: "unreachable" }>): Failure<"unreachable"> {
  const known = ex.code && SYSTEM_ERRORS[ex.code];
  if (ex.code) {
    // Outside a browser there is no CORS: the system error names the cause.
    return {
      outcome: "unreachable",
      explanation: `No answer: ${known || ex.message} (${ex.code}).`,
      advice:
        ex.code === TOO_MANY_CODINGS
          ? CODINGS_ADVICE
          : "Check the host name and port, that the host resolves publicly, and that it presents a publicly trusted certificate with TLS 1.2, as Entra needs.",
    };
  }
  // A browser reports DNS, TLS, a blocked network and a missing CORS header all as the same TypeError.
  return {
    outcome: "unreachable",
    explanation:
      "No answer reached this page: DNS, TLS, a network block, or the endpoint sends no CORS headers; a browser cannot tell these apart.",
  };
}

/** Failures shared by every request. `filtered` says the request carried a filter, so a 400 means the filter. */
export function requestFailure(ex: Exchange, filtered: true): FilteredFailure | undefined;
export function requestFailure(ex: Exchange, filtered: false): Failure<RequestFailureCode> | undefined;
export function requestFailure(ex: Exchange, filtered: boolean): FilteredFailure | undefined;
export function requestFailure(ex: Exchange, filtered: boolean): FilteredFailure | undefined {
  if (ex.kind === "timeout") {
    const failure: Failure<"timeout"> = { outcome: "timeout", explanation: ex.message };
    return ex.afterRejectedKey ? lockout(failure) : failure;
  }
  if (ex.kind === "unreachable") return ex.afterRejectedKey ? lockout(unreachable(ex)) : unreachable(ex);
  if (ex.relayFailure?.error === "busy") return RELAY_BUSY;
  const viaRelay = relayed(ex);
  if (viaRelay) return ex.afterRejectedKey ? lockout(viaRelay) : viaRelay;
  const s = ex.status;
  // Before 5xx: a 503 with Retry-After is "wait", not "broken".
  if (s === 429 || (s === 503 && ex.retryAfter)) return rateLimited(ex);
  const d = withDetail(ex);
  if (s === 401) return { outcome: "unauthorized", explanation: `401 Unauthorized: the key was not accepted${d}.` };
  if (s === 403)
    return { outcome: "forbidden", explanation: `403 Forbidden: the key is known but SCIM access is refused${d}.` };
  if (s === 404) return { outcome: "not-found", explanation: `404 Not Found: there is no SCIM API at this path${d}.` };
  if (s === 400 && filtered) {
    return { outcome: "bad-filter", explanation: `400 Bad Request: the endpoint rejected the filter${d}.` };
  }
  if (s >= 500) return { outcome: "server-error", explanation: `${s}: the SCIM service failed on its side${d}.` };
  if (ex.cutOff) return CUT_OFF;
  if (ex.truncated)
    return {
      outcome: "not-scim",
      explanation: "The body is larger than the cap, so it was cut: no SCIM answer is that big.",
    };
  if (s === 0 || (s >= 300 && s < 400)) {
    return {
      outcome: "not-scim",
      explanation: `A redirect (${s || "hidden by the browser"}) instead of a SCIM answer: often a sign-in page or a moved URL.`,
    };
  }
  if (s < 200 || s >= 300) return { outcome: "not-scim", explanation: `Unexpected status ${s}${d}.` };
  if (ex.json === undefined) {
    const type = ex.evidence.contentType ? ` (${ex.evidence.contentType})` : "";
    return {
      outcome: "not-scim",
      explanation: `${s} but the body is not JSON${type}: often a sign-in page, a portal or a proxy.`,
    };
  }
  return undefined;
}

/** A filtered list request: either its ListResponse or the failure that stopped it. */
export function expectList(ex: Exchange): { list: ListResponse } | { failure: FilteredFailure };
export function expectList(
  ex: Exchange,
  filtered: false,
): { list: ListResponse } | { failure: Failure<RequestFailureCode> };
export function expectList(ex: Exchange, filtered = true): { list: ListResponse } | { failure: FilteredFailure } {
  const failure = requestFailure(ex, filtered);
  if (failure) return { failure };
  const list = ex.kind === "response" ? listResponse(ex.json) : undefined;
  if (!list) {
    const summary = ex.kind === "response" ? summariseBody(ex.text) : undefined;
    if (summary) ex.evidence.bodySummary = summary;
    return {
      failure: {
        outcome: "not-scim" as const,
        explanation: "200 with JSON, but not a SCIM ListResponse (no totalResults and Resources).",
      },
    };
  }
  return { list };
}
