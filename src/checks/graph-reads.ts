/**
 * Reads from Microsoft Graph that the UI needs besides the checks: finding the enterprise
 * application to read, and its recent provisioning logs for the /logs reader. Read only: GETs
 * with the Graph token, through the same bounded send() as every check, and nothing returned
 * holds the token (redacted as the bodies are read, and once more on the way out).
 */
import type { GraphFailureCode } from "./catalog.ts";
import type { Failure } from "./classify.ts";
import { collection, type ServicePrincipalSummary, servicePrincipalSummary } from "./graph-bodies.ts";
import { graphFailure, NOT_AN_OBJECT_ID, unexpectedShape } from "./graph-classify.ts";
import {
  isGuid,
  MAX_LOG_PAGES,
  provisioningLogsUrl,
  servicePrincipalByAppIdUrl,
  servicePrincipalByIdUrl,
  servicePrincipalSearchUrl,
} from "./graph-urls.ts";
import { type Exchange, send } from "./http.ts";
import { checkCapMs, checkCapOf, limitsOf } from "./limits.ts";
import { SERVICE_PRINCIPAL_SEARCH, wording } from "./messages.ts";
import { redactDeep } from "./redact.ts";
import { parseBase } from "./scim-urls.ts";
import type { CheckOptions, Evidence } from "./types.ts";

export type { ServicePrincipalSummary } from "./graph-bodies.ts";

/** A Graph read's answer, or the request failure that stopped it, worded as the checks word it. */
export type GraphRead<T> =
  | { ok: true; value: T }
  | { ok: false; outcome: GraphFailureCode; title: string; explanation: string; advice: string };

export interface GraphReadTarget {
  /** The Graph root: GRAPH_ROOT, or the demo tenant's DEMO_GRAPH_ROOT. */
  baseUrl: string;
  /** The Graph access token: memory only, never shown, stored or sent anywhere but baseUrl's origin. */
  token: string;
}

/** Sends one GET to Graph; a check passes its own (ctx.send), the reads below build one from CheckOptions. */
export type GraphGet = (url: string) => Promise<Exchange>;

/** The recent provisioning-log entries of one application, read page by page. */
export interface LogPages {
  /** The entries as ONE Graph envelope, `{"value":[…]}`: the text the /logs reader parses. */
  text: string;
  entries: number;
  pages: number;
  /** Reading stopped before the last page: older entries were not read. */
  cut: boolean;
  cutReason?: "page-cap" | "other-origin" | "page-failed";
  /** Why reading stopped, in a sentence, when it was cut. */
  note?: string;
}

type Pages =
  | { ok: true; items: unknown[]; pages: LogPages; evidence: Evidence[] }
  | { ok: false; failure: Failure<GraphFailureCode>; evidence: Evidence[] };

/**
 * The one reader of provisioning-log pages: the first page for the application, then each
 * `@odata.nextLink` (reference A1, PAGE) while it stays on the Graph root's origin, at most
 * MAX_LOG_PAGES pages. A page after the first that fails ends the reading with what came so far.
 */
export async function readLogPages(get: GraphGet, root: URL, servicePrincipalId: string): Promise<Pages> {
  const items: unknown[] = [];
  const evidence: Evidence[] = [];
  const done = (pages: number, cut?: { reason: NonNullable<LogPages["cutReason"]>; note: string }): Pages => ({
    ok: true,
    items,
    evidence,
    pages: {
      text: JSON.stringify({ value: items }),
      entries: items.length,
      pages,
      cut: cut !== undefined,
      ...(cut && { cutReason: cut.reason, note: cut.note }),
    },
  });
  let url = provisioningLogsUrl(root, servicePrincipalId);
  for (let page = 1; ; page++) {
    const ex = await get(url);
    evidence.push(ex.evidence);
    const list = ex.kind === "response" ? collection(ex.json) : undefined;
    const failure = graphFailure(ex, "logs");
    if (failure || !list) {
      const why = failure ?? unexpectedShape("a list of provisioning-log entries (no value array)");
      if (page === 1) return { ok: false, failure: why, evidence };
      return done(page - 1, { reason: "page-failed", note: `Page ${page} could not be read: ${why.explanation}` });
    }
    items.push(...list.value);
    if (!list.nextLink) return done(page);
    const next = URL.canParse(list.nextLink, url) ? new URL(list.nextLink, url) : undefined;
    if (next?.origin !== root.origin) {
      const where = next ? `another host (${next.host || next.protocol})` : "an address that is not a URL";
      const note = `The link to the next page points to ${where} and was not followed: the Graph token is never sent elsewhere.`;
      ex.evidence.note = note;
      return done(page, { reason: "other-origin", note });
    }
    if (page === MAX_LOG_PAGES) {
      const note = `Stopped after ${page} pages (${items.length} entries), the most read at once: Graph allows about 5 requests per 10 seconds, so older entries were not read.`;
      return done(page, { reason: "page-cap", note });
    }
    url = next.href;
  }
}

/** What the reads below share: the Graph root, a bounded GET, and how a failure becomes a GraphRead. */
function reader(target: GraphReadTarget, options: CheckOptions) {
  const limits = limitsOf(options, [target.token]);
  const cap = checkCapOf(checkCapMs(options, limits));
  const token = target.token.trim();
  return {
    root: parseBase(target.baseUrl),
    get: (url: string) => cap.bound((bounds) => send(url, token, bounds), limits),
    /** The answer with the token taken out of every string, whatever a server echoed. */
    finish: <T>(read: GraphRead<T>): GraphRead<T> => redactDeep(read, [target.token]),
  };
}

function failed(wordingKey: string, failure: Failure<GraphFailureCode>): GraphRead<never> {
  const { title, advice } = wording(wordingKey, failure.outcome);
  return {
    ok: false,
    outcome: failure.outcome,
    title,
    explanation: failure.explanation,
    advice: failure.advice ?? advice,
  };
}

const NO_ROOT: Failure<"unreachable"> = {
  outcome: "unreachable",
  explanation: "The Graph URL is not an absolute http(s) URL, so nothing was sent.",
};

/**
 * Enterprise applications by display name (`startswith`, which Graph compares without case), the
 * first ones for an empty query, or the one application whose Object ID, or else Application
 * (client) ID, is the GUID typed: admins copy either from the portal.
 */
export async function findServicePrincipals(
  target: GraphReadTarget,
  query: string,
  options: CheckOptions = {},
): Promise<GraphRead<ServicePrincipalSummary[]>> {
  const { root, get, finish } = reader(target, options);
  if (!root) return finish(failed(SERVICE_PRINCIPAL_SEARCH, NO_ROOT));
  const typed = query.trim();
  if (isGuid(typed)) {
    for (const url of [servicePrincipalByIdUrl(root, typed), servicePrincipalByAppIdUrl(root, typed)]) {
      const ex = await get(url);
      const failure = graphFailure(ex, "servicePrincipals");
      if (failure?.outcome === "not-found") continue;
      if (failure) return finish(failed(SERVICE_PRINCIPAL_SEARCH, failure));
      const found = ex.kind === "response" ? servicePrincipalSummary(ex.json) : undefined;
      if (!found) return finish(failed(SERVICE_PRINCIPAL_SEARCH, unexpectedShape("an enterprise application")));
      return finish({ ok: true, value: [found] });
    }
    return finish({ ok: true, value: [] });
  }
  const ex = await get(servicePrincipalSearchUrl(root, typed));
  const failure = graphFailure(ex, "servicePrincipals");
  if (failure) return finish(failed(SERVICE_PRINCIPAL_SEARCH, failure));
  const list = ex.kind === "response" ? collection(ex.json) : undefined;
  if (!list) return finish(failed(SERVICE_PRINCIPAL_SEARCH, unexpectedShape("a list of enterprise applications")));
  const found = list.value.flatMap((item) => servicePrincipalSummary(item) ?? []);
  return finish({ ok: true, value: found });
}

/** The recent provisioning-log entries of one application, for the /logs reader. */
export async function readProvisioningLogs(
  target: GraphReadTarget & { servicePrincipalId: string },
  options: CheckOptions = {},
): Promise<GraphRead<LogPages>> {
  const { root, get, finish } = reader(target, options);
  if (!root) return finish(failed("provisioning-logs", NO_ROOT));
  if (!isGuid(target.servicePrincipalId)) return finish(failed("provisioning-logs", NOT_AN_OBJECT_ID));
  const read = await readLogPages(get, root, target.servicePrincipalId);
  return finish(read.ok ? { ok: true, value: read.pages } : failed("provisioning-logs", read.failure));
}
