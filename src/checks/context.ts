/** What every check implementation receives and returns; run.ts adds wording and redaction. */
import type { Exchange, Limits } from "./http";
import type { KeyChoice, RequestSpec } from "./scim-urls";
import type { CheckTarget, Evidence } from "./types";

export interface CheckContext {
  base: URL;
  target: CheckTarget;
  params: Record<string, string | undefined>;
  limits: Limits;
  /** Sends one GET with the chosen key; the bogus key is made up per check run. */
  send(url: string, key?: KeyChoice): Promise<Exchange>;
}

export interface Verdict {
  outcome: string;
  explanation: string;
  /** Overrides the outcome's usual advice (e.g. unreachable with a known system error). */
  advice?: string;
  evidence: Evidence[];
}

export interface CheckImpl {
  /** What will be sent, for the UI to show before running. Conditional follow-ups are not listed. */
  plan(base: URL, params: Record<string, string | undefined>): RequestSpec[];
  run(ctx: CheckContext): Promise<Verdict>;
}
