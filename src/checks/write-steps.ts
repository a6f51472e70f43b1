/**
 * How the answer to a write (POST, PATCH, DELETE) is judged. The shared request
 * failures (key, access, rate limit, network) come first, as for a GET; any other
 * refusal is the step's own finding, because a 400 to a PATCH says something
 * about the server's SCIM, not about the filter or the path.
 */
import type { RequestFailureCode } from "./catalog.ts";
import { type Failure, requestFailure } from "./classify.ts";
import type { Exchange } from "./http.ts";

export interface WriteRules {
  /** A 404 on /Users/{id} means the user is gone (the step failed); on /Users it means a wrong Tenant URL. */
  notFoundIsOwn?: boolean;
  /** A 5xx to Entra's soft delete is a refusal of that body as much as a 400 is. */
  serverErrorIsOwn?: boolean;
}

export const is2xx = (ex: Exchange): boolean => ex.kind === "response" && ex.status >= 200 && ex.status < 300;

/** " (scimType invalidValue: detail)" when the server said why. */
export function detailOf(ex: Exchange): string {
  if (ex.kind !== "response") return "";
  const { scimType, detail, bodySummary } = ex.evidence;
  const parts = [scimType && `scimType ${scimType}`, detail ?? bodySummary].filter(Boolean);
  return parts.length ? ` (${parts.join(": ")})` : "";
}

/**
 * undefined when the write was accepted (any 2xx, a 204 with no body too); otherwise the shared
 * failure, or `own` with the status and the server's reason.
 */
export function judgeWrite<O extends string>(
  ex: Exchange,
  own: O,
  what: string,
  rules: WriteRules = {},
): Failure<O | RequestFailureCode> | undefined {
  if (ex.kind !== "response") return requestFailure(ex, false);
  const s = ex.status;
  if (s >= 200 && s < 300) return ex.truncated ? requestFailure(ex, false) : undefined;
  const shared =
    s === 401 ||
    s === 403 ||
    s === 429 ||
    (s === 503 && ex.retryAfter !== undefined) ||
    ex.relayFailure !== undefined ||
    (s >= 300 && s < 400) ||
    (s === 404 && !rules.notFoundIsOwn) ||
    (s >= 500 && !rules.serverErrorIsOwn);
  if (shared) return requestFailure(ex, false);
  return { outcome: own, explanation: `${what} got ${s}${detailOf(ex)}.` } as Failure<O>;
}

/** The label goes before any note the exchange already has (a timeout's, a redirect's), never over it. */
export function label(ex: Exchange, text: string): Exchange {
  const own = ex.evidence.note;
  ex.evidence.note = own ? `${text} ${own}` : text;
  return ex;
}
