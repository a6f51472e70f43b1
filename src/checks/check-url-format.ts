import { hasEntraFlag } from "./scim-urls.ts";

/**
 * url-format: the Tenant URL as Entra needs it, judged without sending anything.
 * The common copy-paste mistakes each get their own explanation.
 */

export function judgeUrl(raw: string): { outcome: "pass" | "bad-url"; explanation: string } {
  const bad = (explanation: string) => ({ outcome: "bad-url" as const, explanation });
  if (!raw.trim()) return bad("The Tenant URL is empty.");
  if (raw !== raw.trim()) return bad("The Tenant URL starts or ends with spaces; paste it without them.");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return bad("This is not an absolute URL: it must start with https:// and name the host.");
  }
  if (url.protocol === "http:") return bad("The Tenant URL uses http://; Entra only calls https:// endpoints.");
  if (url.protocol !== "https:") return bad(`The Tenant URL must start with https://, not ${url.protocol}//.`);
  if (url.username || url.password)
    return bad("The Tenant URL contains a user name or password; the key goes in Secret Token.");
  if (/\/(users|groups)(\/.*)?$/i.test(url.pathname.replace(/\/+$/, ""))) {
    return bad("The Tenant URL ends in /Users or /Groups; Entra appends those itself, so remove the suffix.");
  }
  if (hasEntraFlag(url)) {
    if (url.hash) return bad("The Tenant URL has a fragment (#…); remove it.");
    return {
      outcome: "pass",
      explanation:
        'An absolute https URL ending in ?aadOptscim062020: Microsoft\'s documented flag that makes Entra follow SCIM 2.0 more closely (PATCH with lower-case op values, true/false booleans instead of the strings "True"/"False", standard paths when removing group members). Entra strips it before calling the endpoint, and so do the checks.',
    };
  }
  if (url.search) return bad("The Tenant URL has a query string (?…); the SCIM base URL has none.");
  if (url.hash) return bad("The Tenant URL has a fragment (#…); remove it.");
  return {
    outcome: "pass",
    explanation: "An absolute https URL with no /Users suffix and no query: the form Entra needs.",
  };
}
