/**
 * The check registry: runCheck runs one check by name, plannedRequests shows
 * what it will send. Network, HTTP and parse problems become outcomes; only
 * programmer errors (unknown check, missing input) reject. What a check needs
 * comes from its catalogue entry.
 */
import { CHECK_CATALOG, type CheckName, entryOf, isCheckName, type SendingCheck } from "./catalog.ts";
import { discovery } from "./check-discovery.ts";
import { entraCompat } from "./check-entra-compat.ts";
import { jobStatus, provisioningLogs } from "./check-graph.ts";
import { keyRotation } from "./check-key-rotation.ts";
import { groupLeftover, upnCollision, userState } from "./check-lookups.ts";
import { authEnforced, groupsProbe, testConnection } from "./check-probes.ts";
import { judgeUrl } from "./check-url-format.ts";
import type { CheckContext, CheckImpl, Verdict } from "./context.ts";
import { type Limits, send } from "./http.ts";
import { checkCapMs, checkCapOf, limitsOf } from "./limits.ts";
import { isPassing, wording } from "./messages.ts";
import { redactDeep } from "./redact.ts";
import { type KeyChoice, parseBase, pathOf, randomGuid } from "./scim-urls.ts";
import {
  type CheckOptions,
  type CheckResult,
  type CheckTarget,
  type PlannedRequest,
  REDACTED_BEARER,
} from "./types.ts";

/** One implementation per check that sends requests; the catalogue's `sends: false` checks are judged here. */
const IMPLEMENTATIONS: { [N in SendingCheck]: CheckImpl<N> } = {
  discovery,
  "test-connection": testConnection,
  "groups-probe": groupsProbe,
  "auth-enforced": authEnforced,
  "key-rotation": keyRotation,
  "user-state": userState,
  "upn-collision": upnCollision,
  "group-leftover": groupLeftover,
  "entra-compat": entraCompat,
  "job-status": jobStatus,
  "provisioning-logs": provisioningLogs,
};

function knownCheck(name: string): CheckName {
  if (!isCheckName(name)) {
    throw new Error(`Unknown check "${name}". Known checks: ${Object.keys(CHECK_CATALOG).join(", ")}.`);
  }
  return name;
}

function requireInputs(name: CheckName, target: CheckTarget, params: Record<string, string | undefined>): void {
  const entry = entryOf(name);
  for (const p of Object.keys(entry.params)) {
    if (!params[p]?.trim()) throw new Error(`Check "${name}" needs the parameter "${p}".`);
  }
  if (entry.needs.previousToken && !target.previousToken?.trim()) {
    throw new Error(`Check "${name}" needs target.previousToken (the old key).`);
  }
  if (entry.needs.servicePrincipal && !target.servicePrincipalId?.trim()) {
    throw new Error(`Check "${name}" needs target.servicePrincipalId (the enterprise application's Object ID).`);
  }
}

const sends = (check: CheckName): check is SendingCheck => entryOf(check).sends;

export async function runCheck(
  name: string,
  target: CheckTarget,
  params: Record<string, string | undefined> = {},
  options: CheckOptions = {},
): Promise<CheckResult> {
  const check = knownCheck(name);
  requireInputs(check, target, params);
  const verdict = await verdictOf(check, target, params, options);
  const { title, advice } = wording(check, verdict.outcome);
  const result: CheckResult = {
    check,
    outcome: verdict.outcome,
    passed: isPassing(verdict.outcome),
    title,
    explanation: verdict.explanation,
    advice: verdict.advice ?? advice,
    evidence: verdict.evidence,
  };
  // Last line of defence: whatever a server echoed or a runtime quoted, no key leaves this function.
  return redactDeep(result, [target.token, target.previousToken]);
}

async function verdictOf(
  check: CheckName,
  target: CheckTarget,
  params: Record<string, string | undefined>,
  options: CheckOptions,
): Promise<Verdict> {
  // The one check that sends nothing judges the address exactly as typed.
  if (!sends(check)) return { ...judgeUrl(target.baseUrl), evidence: [] };
  const base = parseBase(target.baseUrl);
  if (!base) {
    const graph = entryOf(check).system === "graph";
    return {
      outcome: "unreachable",
      explanation: graph
        ? "The Graph URL is not an absolute http(s) URL, so nothing was sent."
        : "The Tenant URL is not an absolute http(s) URL, so nothing was sent (see the url-format check).",
      evidence: [],
    };
  }
  const limits = limitsOf(options, [target.token, target.previousToken]);
  const keys: Record<KeyChoice, string> = {
    token: target.token.trim(),
    previous: (target.previousToken ?? "").trim(),
    bogus: `scim-troubleshooter-made-up-key-${randomGuid()}`,
  };
  // A Graph 401 is no failed login at the workspace (and a SCIM one none at Graph): Graph checks keep their own count.
  const memory = entryOf(check).system === "graph" ? { rejectedKeys: 0 } : (options.memory ?? { rejectedKeys: 0 });
  const checkCap = checkCapOf(checkCapMs(options, limits));
  /** One request, counting the run's rejected keys so that a later timeout can be read as a lockout. */
  const exchange = async (url: string, key: KeyChoice, bounds: Limits, init?: Parameters<typeof send>[3]) => {
    // Known before sending: a rejection earlier in the run, or this very request carrying another key.
    const risky = memory.rejectedKeys > 0 || key !== "token";
    const ex = await send(url, keys[key], bounds, init);
    if (ex.kind === "response" && ex.status === 401) memory.rejectedKeys++;
    if (risky) ex.afterRejectedKey = true;
    return ex;
  };
  const ctx: CheckContext = {
    base,
    target,
    params,
    send: (url, key = "token") => checkCap.bound((bounds) => exchange(url, key, bounds), limits),
    // A cleanup outlives the caller's cancel and the check's own cap, still bounded by the request cap.
    write: (method, url, body, { cleanup = false } = {}) =>
      cleanup
        ? exchange(url, "token", { ...limits, signal: undefined }, { method, body })
        : checkCap.bound((bounds) => exchange(url, "token", bounds, { method, body }), limits),
  };
  // Widened on purpose: each implementation is typed to its own codes, the caller reads any.
  const impl: CheckImpl<SendingCheck> = IMPLEMENTATIONS[check];
  return impl.run(ctx);
}

/** What a check will send, for the UI to show before it runs. Missing parameters show as <name>. */
export function plannedRequests(
  name: string,
  target: Pick<CheckTarget, "baseUrl" | "servicePrincipalId">,
  params: Record<string, string | undefined>,
): PlannedRequest[] {
  const check = knownCheck(name);
  if (!sends(check)) return [];
  const base = parseBase(target.baseUrl);
  if (!base) return [];
  const shown = { ...params };
  for (const p of Object.keys(entryOf(check).params)) if (!shown[p]?.trim()) shown[p] = `<${p}>`;
  const impl: CheckImpl<SendingCheck> = IMPLEMENTATIONS[check];
  return impl.plan(base, shown, { servicePrincipalId: target.servicePrincipalId }).map((spec) => ({
    method: spec.method,
    path: spec.shownPath ?? pathOf(spec.url),
    authorization: REDACTED_BEARER,
  }));
}
