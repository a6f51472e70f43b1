/**
 * Public shapes of the live checks. The UI, the doctor and the tests rely on
 * these names, so they stay stable.
 */

/**
 * Where a check points. A SCIM check: the SCIM base URL (Entra's "Tenant URL") and the secret
 * token. A Graph check (catalogue `system: "graph"`): the Graph root (GRAPH_ROOT, or the demo
 * tenant's) and a Microsoft Graph access token, which is held to the same rules as the key.
 */
export interface CheckTarget {
  baseUrl: string;
  token: string;
  /** The key in use before it was regenerated; only key-rotation reads it. */
  previousToken?: string;
  /** The enterprise application's Object ID (a GUID); only the Graph checks read it. */
  servicePrincipalId?: string;
}

/** Microsoft Graph's v1.0 root: a Graph check's `baseUrl` unless a test or the demo gives another. */
export const GRAPH_ROOT = "https://graph.microsoft.com/v1.0";

/** One request as it was sent and answered, with every secret left out. */
export interface Evidence {
  method: string;
  /** Path and query relative to the origin; never a token. */
  path: string;
  authorization: "Bearer ••••" | "none";
  status?: number;
  elapsedMs: number;
  contentType?: string;
  scimType?: string;
  detail?: string;
  /** A short, plain-text summary of a body that is not SCIM JSON (an HTML page is never rendered). */
  bodySummary?: string;
  note?: string;
}

export type CheckResult = {
  check: string;
  outcome: string;
  passed: boolean;
  title: string;
  explanation: string;
  advice: string;
  evidence: Evidence[];
};

export interface CheckOptions {
  /** Transport: browser fetch, MSW-patched fetch or Node's fetch. Looked up at call time when absent. */
  fetch?: typeof fetch;
  /** Time cap per request. */
  timeoutMs?: number;
  /**
   * Time cap for the whole check, however many requests it sends (default: CHECK_CAP_REQUESTS
   * request caps). A request still running when it passes ends as a timeout, so the check reports one.
   */
  checkTimeoutMs?: number;
  maxBodyBytes?: number;
  /** Cancels the whole check; runCheck then rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Shared by the checks of one run (the doctor passes one to all of them), so that a timeout
   * after a key was rejected, even by an earlier check, is explained as a possible lockout.
   */
  memory?: RunMemory;
}

/** What one run of checks remembers across its requests. */
export interface RunMemory {
  /** Requests answered 401 so far: each may count as a failed login on the server. */
  rejectedKeys: number;
}

export type AuthShown = Evidence["authorization"];

export interface PlannedRequest {
  method: string;
  path: string;
  authorization: AuthShown;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
/**
 * A whole check gets three request caps (30 s by default): enough for the usual two or three
 * requests of a lookup with its fallbacks to each be slow, while a check of six or more requests
 * (entra-compat) against a server that answers just under the cap cannot keep a spinner going
 * for a minute.
 */
export const CHECK_CAP_REQUESTS = 3;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const REDACTED_BEARER = "Bearer ••••";

/** Where `npm run relay` listens unless told otherwise; the connection panel's relay address starts here too. */
export const DEFAULT_RELAY_PORT = 8788;
export const DEFAULT_RELAY_URL = `http://127.0.0.1:${DEFAULT_RELAY_PORT}`;
