/**
 * The Microsoft Graph requests the Graph checks and reads send: GETs only, built on the Graph
 * root they are given (GRAPH_ROOT, the demo tenant's or a test server's). The paths are
 * Microsoft's (reference/entra-provisioning.md, A1 and B).
 */
import { resourceUrl } from "./scim-urls.ts";

/** An Entra object id, and an application (client) id: both GUIDs. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value.trim());
}

/** An OData string literal: single quotes, a quote inside doubled (OData ABNF, SQUOTE-in-string). */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** Entries per page of provisioning logs ($top). Four pages of 100 stay far below the 1 MiB body cap per page. */
export const LOG_PAGE_SIZE = 100;
/**
 * Pages of provisioning logs read at most. Graph allows about 5 requests per 10 s per app and
 * tenant (reference A1): four pages leave room for the job-status read of the same run.
 */
export const MAX_LOG_PAGES = 4;
/** How many enterprise applications a search lists. */
export const SEARCH_PAGE_SIZE = 20;

const SUMMARY_FIELDS = "id,appId,displayName";

/** `GET {root}/servicePrincipals/{id}/synchronization/jobs`: every provisioning job of the application. */
export function jobsUrl(root: URL, servicePrincipalId: string): string {
  return resourceUrl(root, `servicePrincipals/${encodeURIComponent(servicePrincipalId.trim())}/synchronization/jobs`);
}

/**
 * `GET {root}/auditLogs/provisioning?$filter=servicePrincipal/id eq '{id}'&$top=…`: the recent
 * entries of one application. Only the application is filtered on, not the status: Microsoft
 * documents the `servicePrincipal/id eq` form in use everywhere, but no example of a filter on
 * `provisioningStatusInfo/status` (an enum, whose literal form Graph may want typed), so the
 * failures are counted here rather than risk a 400 for a guessed filter.
 */
export function provisioningLogsUrl(root: URL, servicePrincipalId: string): string {
  return resourceUrl(root, "auditLogs/provisioning", [
    ["$filter", `servicePrincipal/id eq ${odataString(servicePrincipalId.trim())}`],
    ["$top", String(LOG_PAGE_SIZE)],
  ]);
}

/** Enterprise applications whose display name starts with `query`, or the first ones when it is empty. */
export function servicePrincipalSearchUrl(root: URL, query: string): string {
  const trimmed = query.trim();
  return resourceUrl(root, "servicePrincipals", [
    ...(trimmed ? ([["$filter", `startswith(displayName,${odataString(trimmed)})`]] as [string, string][]) : []),
    ["$select", SUMMARY_FIELDS],
    ["$top", String(SEARCH_PAGE_SIZE)],
  ]);
}

/** One enterprise application by its Object ID. */
export function servicePrincipalByIdUrl(root: URL, id: string): string {
  return resourceUrl(root, `servicePrincipals/${encodeURIComponent(id.trim())}`, [["$select", SUMMARY_FIELDS]]);
}

/**
 * One enterprise application by its Application (client) ID: Graph's alternate key,
 * `servicePrincipals(appId='…')`, written as Microsoft writes it. Only for a GUID, which needs no
 * escaping in a path.
 */
export function servicePrincipalByAppIdUrl(root: URL, appId: string): string {
  if (!isGuid(appId)) throw new Error("servicePrincipalByAppIdUrl takes a GUID.");
  return resourceUrl(root, `servicePrincipals(appId=${odataString(appId.trim())})`, [["$select", SUMMARY_FIELDS]]);
}
