/**
 * The check registry: runCheck runs one check by name, plannedRequests shows
 * what it will send. Network, HTTP and parse problems become outcomes; only
 * programmer errors (unknown check, missing parameter) reject.
 */
import { CHECK_CATALOG, type CheckName } from "./catalog";
import { discovery } from "./check-discovery";
import { keyRotation } from "./check-key-rotation";
import { groupLeftover, upnCollision, userState } from "./check-lookups";
import { authEnforced, groupsProbe, testConnection } from "./check-probes";
import { judgeUrl } from "./check-url-format";
import type { CheckContext, CheckImpl, Verdict } from "./context";
import { type Limits, send } from "./http";
import { isPassing, wording } from "./messages";
import { redactDeep } from "./redact";
import { type KeyChoice, parseBase, pathOf, randomGuid } from "./scim-urls";
import {
  type CheckOptions,
  type CheckResult,
  type CheckTarget,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  type PlannedRequest,
  REDACTED_BEARER,
} from "./types";

const IMPLEMENTATIONS: Record<Exclude<CheckName, "url-format">, CheckImpl> = {
  discovery,
  "test-connection": testConnection,
  "groups-probe": groupsProbe,
  "auth-enforced": authEnforced,
  "key-rotation": keyRotation,
  "user-state": userState,
  "upn-collision": upnCollision,
  "group-leftover": groupLeftover,
};

function knownCheck(name: string): CheckName {
  if (!Object.hasOwn(CHECK_CATALOG, name)) {
    throw new Error(`Unknown check "${name}". Known checks: ${Object.keys(CHECK_CATALOG).join(", ")}.`);
  }
  return name as CheckName;
}

function requireParams(name: CheckName, params: Record<string, string | undefined>): void {
  for (const p of CHECK_CATALOG[name].params) {
    if (!params[p]?.trim()) throw new Error(`Check "${name}" needs the parameter "${p}".`);
  }
}

export async function runCheck(
  name: string,
  target: CheckTarget,
  params: Record<string, string | undefined> = {},
  options: CheckOptions = {},
): Promise<CheckResult> {
  const check = knownCheck(name);
  requireParams(check, params);
  if (check === "key-rotation" && !target.previousToken?.trim()) {
    throw new Error('Check "key-rotation" needs target.previousToken (the old key).');
  }
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
  if (check === "url-format") return { ...judgeUrl(target.baseUrl), evidence: [] };
  const base = parseBase(target.baseUrl);
  if (!base) {
    return {
      outcome: "unreachable",
      explanation: "The Tenant URL is not an absolute http(s) URL, so nothing was sent (see the url-format check).",
      evidence: [],
    };
  }
  const limits: Limits = {
    // Looked up now, not at import, so MSW (or any test double) patched in later is used.
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    signal: options.signal,
  };
  const keys: Record<KeyChoice, string> = {
    token: target.token.trim(),
    previous: (target.previousToken ?? "").trim(),
    bogus: `scim-troubleshooter-made-up-key-${randomGuid()}`,
  };
  const ctx: CheckContext = {
    base,
    target,
    params,
    limits,
    send: (url, key = "token") => send(url, keys[key], limits),
  };
  return IMPLEMENTATIONS[check].run(ctx);
}

/** What a check will send, for the UI to show before it runs. Missing parameters show as <name>. */
export function plannedRequests(
  name: string,
  target: Pick<CheckTarget, "baseUrl">,
  params: Record<string, string | undefined>,
): PlannedRequest[] {
  const check = knownCheck(name);
  if (check === "url-format") return [];
  const base = parseBase(target.baseUrl);
  if (!base) return [];
  const shown = { ...params };
  for (const p of CHECK_CATALOG[check].params) if (!shown[p]?.trim()) shown[p] = `<${p}>`;
  return IMPLEMENTATIONS[check].plan(base, shown).map((spec) => ({
    method: spec.method,
    path: pathOf(spec.url),
    authorization: REDACTED_BEARER,
  }));
}
