/** What every check implementation receives and returns; run.ts adds wording and redaction. */
import type { CheckName, OutcomeOf, ParamOf } from "./catalog.ts";
import type { Exchange } from "./http.ts";
import type { KeyChoice, Method, RequestSpec } from "./scim-urls.ts";
import type { CheckTarget, Evidence } from "./types.ts";

/** What a plan may show of the target: no token. */
export type PlanTarget = Pick<CheckTarget, "servicePrincipalId">;

/** The parameter values of one check, by the names its catalogue entry declares. */
export type ParamValues<N extends CheckName = CheckName> = Readonly<Partial<Record<ParamOf<N>, string>>>;

export interface CheckContext<N extends CheckName = CheckName> {
  base: URL;
  target: CheckTarget;
  params: ParamValues<N>;
  /** Sends one GET with the chosen key; the bogus key is made up per check run. */
  send(url: string, key?: KeyChoice): Promise<Exchange>;
  /**
   * Sends one request with the admin's key and a method and JSON body: only a check whose
   * catalogue entry `writes` uses it. `cleanup` sends even after the caller cancelled the check,
   * so that a test user created before the cancel is still deleted.
   */
  write(method: Method, url: string, body?: unknown, options?: { cleanup?: boolean }): Promise<Exchange>;
}

export interface Verdict<O extends string = string> {
  outcome: O;
  explanation: string;
  /** Overrides the outcome's usual advice (e.g. unreachable with a known system error). */
  advice?: string;
  evidence: Evidence[];
}

/**
 * One check's requests and judgement. `run` may only end in the check's own
 * outcome codes, so a code a flow cannot branch on is a compile error here.
 */
export interface CheckImpl<N extends CheckName> {
  /**
   * What will be sent, for the UI to show before running. Conditional follow-ups are not listed.
   * `target` carries what a Graph check reads besides the root (the service principal), never a token.
   */
  plan(base: URL, params: ParamValues<N>, target: PlanTarget): RequestSpec[];
  run(ctx: CheckContext<N>): Promise<Verdict<OutcomeOf<N>>>;
}
