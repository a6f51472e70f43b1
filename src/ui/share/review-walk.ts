import type { BuiltFlow } from "../../engine/built-flow.ts";
import type { FlowMachine } from "../../engine/compile.ts";
import { currentStepId, type Decision, replay } from "../../engine/session.ts";
import { flowFingerprint } from "./fingerprint.ts";
import type { PastedWalk } from "./pasted-walk.ts";

/**
 * A pasted walk judged against the flow as it is today. A walk of the same
 * flow version must replay whole (else it was tampered with); a walk of an
 * older version keeps the decisions that still replay and says where the
 * guide parts from it, so support sees what the admin saw as far as it holds.
 */
export type ReviewedWalk =
  | {
      ok: true;
      decisions: Decision[];
      times: (number | null)[];
      current: string;
      /** Set when the guide changed since: how many decisions still fit, and the step of the first that does not. */
      changed?: { kept: number; of: number; at?: string };
    }
  | { ok: false; problem: "does-not-fit"; detail: string };

export function reviewWalk(flow: BuiltFlow, machine: FlowMachine, walk: PastedWalk): ReviewedWalk {
  const outdated = walk.fingerprint !== flowFingerprint(flow);
  const whole = replay(machine, walk.decisions);
  if (whole.ok) {
    const changed = outdated ? { kept: walk.decisions.length, of: walk.decisions.length } : undefined;
    return { ok: true, decisions: walk.decisions, times: walk.times, current: currentStepId(whole.snapshot), changed };
  }
  if (!outdated) return { ok: false, problem: "does-not-fit", detail: whole.reason };
  // Replay stopped at the first decision that does not fit: the ones before it replay by construction.
  const kept = walk.decisions.slice(0, whole.index);
  const prefix = replay(machine, kept);
  if (!prefix.ok) throw new Error(`a replayed prefix failed: ${prefix.reason}`);
  return {
    ok: true,
    decisions: kept,
    times: walk.times.slice(0, whole.index),
    current: currentStepId(prefix.snapshot),
    changed: { kept: whole.index, of: walk.decisions.length, at: walk.decisions[whole.index]?.step },
  };
}
