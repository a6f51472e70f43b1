/**
 * The exact requests the checks send, built the way Entra builds them: it
 * appends /Users or /Groups to the Tenant URL and URL-encodes the filter.
 */

export const LIST_RESPONSE_URN = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const ERROR_URN = "urn:ietf:params:scim:api:messages:2.0:Error";
export const SPC_URN = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

/** Which key a request carries: the target's, the previous one, a made-up one, or none. */
export type KeyChoice = "token" | "previous" | "bogus";

/** GET reads; the writes are sent only by a check whose catalogue entry says `writes`. */
export type Method = "GET" | "POST" | "PATCH" | "DELETE";

export interface RequestSpec {
  method: Method;
  url: string;
  key: KeyChoice;
  /** How the plan shows the path when the URL holds a placeholder (an id only the server will assign). */
  shownPath?: string;
}

/** Microsoft's feature flag for its SCIM behaviour, written at the end of the Tenant URL; Entra never sends it on. */
export const ENTRA_SCIM_FLAG = "aadOptscim062020";

/** True when the query is exactly the flag (`?aadOptscim062020`), the one query a Tenant URL may have. */
export function hasEntraFlag(url: URL): boolean {
  return url.search.slice(1).toLowerCase() === ENTRA_SCIM_FLAG.toLowerCase();
}

/**
 * The base URL as a URL, or undefined when it is not an absolute http(s) URL (nothing can be sent).
 * The aadOptscim062020 flag is stripped, as Entra strips it: it is for Entra, not for the endpoint.
 */
export function parseBase(baseUrl: string): URL | undefined {
  try {
    const url = new URL(baseUrl.trim());
    if (hasEntraFlag(url)) url.search = "";
    return url.protocol === "https:" || url.protocol === "http:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** A SCIM filter string literal: JSON string syntax is what RFC 7644 uses for compValue. */
export function scimString(value: string): string {
  return JSON.stringify(value);
}

/**
 * `{base}/{resource}?{query}`. The base's own query and fragment are dropped and a
 * trailing slash is not doubled; url-format reports those mistakes separately.
 * Values are encoded with encodeURIComponent (%20, not "+"), which every server decodes.
 */
export function resourceUrl(base: URL, resource: string, query: [string, string][] = []): string {
  const path = base.pathname.replace(/\/+$/, "");
  const qs = query.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
  return `${base.origin}${path}/${resource}${qs ? `?${qs}` : ""}`;
}

/** Path and query relative to the origin, as evidence shows it. */
export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

export function randomGuid(): string {
  return globalThis.crypto.randomUUID();
}

/** Entra's "Test connection": a user that cannot exist, by the matching attribute. */
export function userProbe(base: URL, guid = randomGuid()): string {
  return resourceUrl(base, "Users", [["filter", `userName eq ${scimString(guid)}`]]);
}

/** Entra's group probe. */
export function groupProbe(base: URL, guid = randomGuid()): string {
  return resourceUrl(base, "Groups", [
    ["excludedAttributes", "members"],
    ["filter", `displayName eq ${scimString(guid)}`],
  ]);
}

export function userByName(base: URL, userName: string): string {
  return resourceUrl(base, "Users", [["filter", `userName eq ${scimString(userName)}`]]);
}

/** Entra's form first; the plain `emails.value` form is the fallback for servers that reject value paths. */
export function usersByMail(base: URL, mail: string, fallback = false): string {
  const attr = fallback ? "emails.value" : 'emails[type eq "work"].value';
  return resourceUrl(base, "Users", [["filter", `${attr} eq ${scimString(mail)}`]]);
}

/** One user by the id the server gave it. */
export function userById(base: URL, id: string): string {
  return resourceUrl(base, `Users/${encodeURIComponent(id)}`);
}

export function groupByName(base: URL, displayName: string): string {
  return resourceUrl(base, "Groups", [["filter", `displayName eq ${scimString(displayName)}`]]);
}

export function serviceProviderConfig(base: URL): string {
  return resourceUrl(base, "ServiceProviderConfig");
}

/**
 * The same resource as `url`, without the filter: one entry from the start. A 400 to a filter
 * means "the filter" only when this answers a ListResponse; otherwise the path itself is wrong.
 */
export function unfilteredUrl(url: string): string {
  const u = new URL(url);
  u.search = "?startIndex=1&count=1";
  u.hash = "";
  return u.href;
}
