/**
 * Turns one Microsoft Graph exchange into a Graph request failure, or hands back its JSON. The
 * status decides before the body, as for SCIM (classify.ts); a 403 names the permission the
 * endpoint needs, because "forbidden" alone leaves an admin guessing which of four to ask for.
 */
import type { GraphFailureCode } from "./catalog.ts";
import { type Failure, retryAfterWords, SYSTEM_ERRORS } from "./classify.ts";
import { graphError, graphErrorText } from "./graph-bodies.ts";
import type { Exchange } from "./http.ts";

/** The Graph endpoints read, each with the permission and role it needs (reference A1, B; Microsoft's API pages). */
export const GRAPH_ENDPOINTS = {
  jobs: {
    what: "the provisioning job",
    permission:
      "the delegated permission Synchronization.Read.All, and a signed-in user who is an Application Administrator, a Cloud Application Administrator or an owner of the application (Reports Reader is not enough)",
  },
  logs: {
    what: "the provisioning logs",
    permission:
      "the permissions AuditLog.Read.All and Directory.Read.All, a signed-in user with a role such as Reports Reader, and a Microsoft Entra ID P1 or P2 licence",
  },
  servicePrincipals: {
    what: "the enterprise applications",
    permission: "the permission Application.Read.All (or Directory.Read.All)",
  },
} as const;

export type GraphEndpoint = keyof typeof GRAPH_ENDPOINTS;

type Response = Extract<Exchange, { kind: "response" }>;

/**
 * The Graph error in the evidence instead of the raw body: `code: message` reads better than the
 * first 160 characters of JSON, and the message is already redacted (send() redacts every body).
 */
function noteGraphError(ex: Response): string {
  const error = graphError(ex.json);
  if (!error) return ex.evidence.bodySummary ? ` (${ex.evidence.bodySummary})` : "";
  const words = graphErrorText(error);
  ex.evidence.detail = words;
  delete ex.evidence.bodySummary;
  return ` (${words})`;
}

function unreachable(ex: Extract<Exchange, { kind: "unreachable" }>): Failure<"unreachable"> {
  if (ex.code) {
    const known = SYSTEM_ERRORS[ex.code];
    return {
      outcome: "unreachable",
      explanation: `No answer from Microsoft Graph: ${known || ex.message} (${ex.code}).`,
    };
  }
  // Graph sends CORS headers, so in a browser this is the network, a proxy, an extension or being offline.
  return {
    outcome: "unreachable",
    explanation:
      "No answer from Microsoft Graph reached this page: the network, a proxy, a browser extension or a firewall blocked the request, or the computer is offline.",
  };
}

function rateLimited(ex: Response): Failure<"rate-limited"> {
  const wait = retryAfterWords(ex.retryAfter);
  const what = ex.status === 429 ? "429 Too Many Requests" : "503 with Retry-After";
  const asks = wait ? `it asks to wait ${wait} (Retry-After)` : "it gave no Retry-After, so wait a minute";
  return {
    outcome: "rate-limited",
    explanation: `${what}: Microsoft Graph is throttling these reads (about 5 requests per 10 seconds per app and tenant); ${asks}. Nothing was retried.`,
    ...(wait && {
      advice: `Wait ${wait} before running a Graph check again; nothing is retried automatically. Another tab or script reading Graph with the same app counts towards the same limit.`,
    }),
  };
}

/** A request failure reading `endpoint`, or undefined when Graph answered 2xx with JSON. */
export function graphFailure(ex: Exchange, endpoint: GraphEndpoint): Failure<GraphFailureCode> | undefined {
  if (ex.kind === "timeout") return { outcome: "timeout", explanation: ex.message };
  if (ex.kind === "unreachable") return unreachable(ex);
  const s = ex.status;
  if (s === 429 || (s === 503 && ex.retryAfter)) return rateLimited(ex);
  const { what, permission } = GRAPH_ENDPOINTS[endpoint];
  if (s === 401) {
    const d = noteGraphError(ex);
    return {
      outcome: "unauthorized",
      explanation: `401 Unauthorized: Microsoft Graph did not accept the sign-in token, which has expired or is not a Graph token${d}.`,
    };
  }
  if (s === 403) {
    const d = noteGraphError(ex);
    return {
      outcome: "forbidden",
      explanation: `403 Forbidden: the sign-in is valid, but may not read ${what}${d}. Reading it needs ${permission}.`,
    };
  }
  if (s === 404) {
    const d = noteGraphError(ex);
    const which =
      endpoint === "logs"
        ? "Microsoft Graph has no provisioning logs at this address: the Graph URL is wrong"
        : "there is no enterprise application (service principal) with this Object ID in the signed-in tenant";
    return { outcome: "not-found", explanation: `404 Not Found: ${which}${d}.` };
  }
  if (s >= 500) {
    const d = noteGraphError(ex);
    return { outcome: "server-error", explanation: `${s}: Microsoft Graph failed on its side${d}.` };
  }
  if (ex.cutOff) {
    return {
      outcome: "bad-response",
      explanation: "The answer was cut off: the connection closed before it was complete.",
    };
  }
  if (ex.truncated) {
    return {
      outcome: "bad-response",
      explanation:
        "The body is larger than the size cap, so it was cut and not judged: no Graph answer to these reads is that big.",
    };
  }
  if (s === 0 || (s >= 300 && s < 400)) {
    return {
      outcome: "bad-response",
      explanation: `A redirect (${s || "hidden by the browser"}) instead of a Graph answer: the Graph URL may be wrong, or a proxy or sign-in page answered.`,
    };
  }
  if (s < 200 || s >= 300) {
    const d = noteGraphError(ex);
    return { outcome: "bad-response", explanation: `Unexpected status ${s} from Microsoft Graph${d}.` };
  }
  if (ex.json === undefined) {
    const type = ex.evidence.contentType ? ` (${ex.evidence.contentType})` : "";
    return {
      outcome: "bad-response",
      explanation: `${s} but the body is not JSON${type}: not Microsoft Graph, perhaps a proxy or sign-in page.`,
    };
  }
  return undefined;
}

/** A 2xx JSON answer of the wrong shape: what it lacked, in the words of the outcome. */
export function unexpectedShape(what: string): Failure<"bad-response"> {
  return { outcome: "bad-response", explanation: `200 with JSON, but not ${what}.` };
}

/** A service principal id that is no GUID names nothing in Graph: said without sending it. */
export const NOT_AN_OBJECT_ID: Failure<"not-found"> = {
  outcome: "not-found",
  explanation:
    "The enterprise application's id is not an Object ID (a GUID such as 00000000-0000-0000-0000-000000000000), so nothing was sent.",
};
