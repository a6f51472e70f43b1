import { graphMessages } from "../messages/graph.ts";

/** What went wrong with a Microsoft sign-in, in the few kinds an admin can act on. */
export type GraphSignInErrorKind =
  | "popup-blocked"
  | "cancelled"
  | "in-progress"
  | "consent-required"
  | "wrong-tenant"
  | "app-registration"
  | "denied"
  | "network"
  | "signed-out"
  | "failed";

/**
 * The only error the sign-in module throws. Its message is one of graphMessages.signIn, its
 * `code` at most an MSAL error code or an AADSTS number: nothing of what MSAL or Entra said is
 * copied (their text can quote the request), and the MSAL error is not kept as `cause`, so an
 * error report that serialises this error cannot carry more than the message.
 */
export class GraphSignInError extends Error {
  override readonly name = "GraphSignInError";
  constructor(
    readonly kind: GraphSignInErrorKind,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** An MSAL error's code, only when it has the shape of one (`popup_window_error`), never free text. */
const msalCode = (error: unknown): string | undefined => {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  return typeof code === "string" && /^[a-z_]{1,64}$/.test(code) ? code : undefined;
};

/**
 * Entra's AADSTS number: MSAL's `errorNo` (from the answer's `error_codes` or `error_uri`), else as
 * the server's description starts it. Read out, never shown whole.
 */
const aadstsCode = (error: unknown): string | undefined => {
  const { errorNo, errorMessage } = (error ?? {}) as { errorNo?: unknown; errorMessage?: unknown };
  if (typeof errorNo === "string" && /^\d{5,7}$/.test(errorNo)) return `AADSTS${errorNo}`;
  return typeof errorMessage === "string" ? /\bAADSTS\d{5,7}\b/.exec(errorMessage)?.[0] : undefined;
};

// Entra's codes by what the admin can do about them (learn.microsoft.com, "Microsoft Entra
// authentication and authorization error codes").
const CONSENT = new Set(["AADSTS65001", "AADSTS90094", "AADSTS90008"]);
const WRONG_TENANT = new Set(["AADSTS50020", "AADSTS90072", "AADSTS50034"]);
const REGISTRATION = new Set([
  "AADSTS700016", // no such application in this tenant: client id or tenant wrong
  "AADSTS90002", // no such tenant
  "AADSTS50011", // redirect URI not registered
  "AADSTS9002326", // redirect URI registered for another platform than "Single-page application"
  "AADSTS9002325", // PKCE refused
  "AADSTS7000218", // the app is registered as a confidential client
]);
const DENIED = new Set(["AADSTS50105", "AADSTS53003", "AADSTS50057", "AADSTS530003"]);
const CANCELLED_CODES = new Set(["user_cancelled", "user_canceled", "timed_out", "interaction_in_progress_cancelled"]);
const NETWORK_CODES = new Set([
  "no_network_connectivity",
  "post_request_failed",
  "get_request_failed",
  "network_error",
  "endpoints_resolution_error",
  "openid_config_error",
]);

export function toSignInError(error: unknown, tenant: string): GraphSignInError {
  if (error instanceof GraphSignInError) return error;
  const code = msalCode(error);
  const aadsts = aadstsCode(error);
  const m = graphMessages.signIn;
  if (aadsts && CONSENT.has(aadsts)) return new GraphSignInError("consent-required", m.consentRequired, aadsts);
  if (aadsts && WRONG_TENANT.has(aadsts)) return new GraphSignInError("wrong-tenant", m.wrongTenant(tenant), aadsts);
  if (aadsts && REGISTRATION.has(aadsts)) {
    return new GraphSignInError("app-registration", m.appRegistration(aadsts), aadsts);
  }
  if (aadsts && DENIED.has(aadsts)) return new GraphSignInError("denied", m.denied(aadsts), aadsts);
  // The user declined the consent screen, or pressed its Cancel.
  if (aadsts === "AADSTS65004" || code === "access_denied")
    return new GraphSignInError("cancelled", m.cancelled, aadsts ?? code);
  if (code === "popup_window_error" || code === "empty_window_error") {
    return new GraphSignInError("popup-blocked", m.popupBlocked, code);
  }
  if (code && CANCELLED_CODES.has(code)) return new GraphSignInError("cancelled", m.cancelled, code);
  if (code === "interaction_in_progress") return new GraphSignInError("in-progress", m.inProgress, code);
  if (code === "consent_required") return new GraphSignInError("consent-required", m.consentRequired, code);
  if (code && NETWORK_CODES.has(code)) return new GraphSignInError("network", m.network, code);
  if (error instanceof TypeError) return new GraphSignInError("network", m.network);
  const shown = aadsts ?? code;
  return new GraphSignInError("failed", shown ? m.failed(shown) : m.failedNoCode, shown);
}
