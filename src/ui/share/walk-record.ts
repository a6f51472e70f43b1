import type { BuiltFlow } from "../../engine/built-flow.ts";
import { personalInputSteps } from "../../engine/graph.ts";
import type { Decision } from "../../engine/session.ts";
import { flowFingerprint, fnv1a } from "./fingerprint.ts";

/**
 * The walk record: the machine-readable block at the end of a summary, so that
 * support can paste the summary into /review and see the walk again. It holds
 * the decisions as the walk kept them (check results with their evidence; a
 * personal answer only when the admin included answers), when each was made,
 * and the flow's fingerprint. The fence line carries a checksum of the block,
 * so a summary changed by hand reads as changed, not as what the admin saw.
 *
 *     ```scim-troubleshooter-walk 1 <checksum>
 *     {"f":"error-500","h":"…","d":[…],"t":[…]}
 *     ```
 */
export const RECORD_FENCE = "scim-troubleshooter-walk";
export const RECORD_FORMAT = 1;

export interface WalkRecord {
  /** Flow id and fingerprint. */
  f: string;
  h: string;
  d: Decision[];
  /** When each decision was made (ms since 1970), null when unknown (before a reload, from a link). */
  t: (number | null)[];
}

export function walkRecord(
  flow: BuiltFlow,
  decisions: readonly Decision[],
  times: readonly (number | undefined)[],
  includeAnswers: boolean,
): WalkRecord {
  const personal = personalInputSteps(flow);
  const kept = decisions.map((d): Decision => {
    if (d.kind !== "input" || includeAnswers || !personal.has(d.step)) return d;
    return { step: d.step, kind: "input" };
  });
  return { f: flow.id, h: flowFingerprint(flow), d: kept, t: decisions.map((_, i) => times[i] ?? null) };
}

/** The fenced block for `json`, the record as it will be read back (already scrubbed). */
export function recordBlock(json: string): string {
  return ["```" + `${RECORD_FENCE} ${RECORD_FORMAT} ${fnv1a(json)}`, json, "```"].join("\n");
}
