import { initialTransition, transition } from "xstate";
import type { FlowEvent, FlowMachine, FlowSnapshot } from "./compile.ts";
import { type Decision, decisionEvent } from "./step-kinds.ts";

/**
 * A walk through a flow is its list of decisions, which the machine records
 * as it makes them. Replaying a list through the machine rebuilds the state,
 * so Back, share links, reload-restore and summaries all come from this list.
 */
export type { Decision } from "./step-kinds.ts";

export type ReplayResult = { ok: true; snapshot: FlowSnapshot } | { ok: false; reason: string; index: number };

/** The step a snapshot is on (check steps have sub-states; the step is the top level). */
export function currentStepId(snapshot: FlowSnapshot): string {
  const value = snapshot.value as string | Record<string, unknown>;
  return typeof value === "string" ? value : Object.keys(value)[0];
}

export type CheckPhase = "ready" | "running" | "done" | "failed";

/** Where a check step stands; undefined on any other kind of step. */
export function checkPhase(snapshot: FlowSnapshot): CheckPhase | undefined {
  const value = snapshot.value as string | Record<string, string>;
  return typeof value === "string" ? undefined : (Object.values(value)[0] as CheckPhase);
}

/**
 * The step an event would lead to, asked of the machine without taking it
 * (the wizard's "Continue: <next step>" label); undefined when it is not possible now.
 */
export function peekStep(machine: FlowMachine, snapshot: FlowSnapshot, event: FlowEvent): string | undefined {
  if (!snapshot.can(event)) return undefined;
  return currentStepId(transition(machine, snapshot, event)[0]);
}

export function initialSnapshot(machine: FlowMachine): FlowSnapshot {
  return initialTransition(machine)[0];
}

/**
 * Pure: applies every decision or none. A decision made at another step than
 * the one the walk is on, or one the step does not accept (the machine records
 * no decision for it), rejects the whole list with the reason and the
 * (zero-based) index of the decision at fault.
 */
export function replay(machine: FlowMachine, decisions: readonly Decision[]): ReplayResult {
  let snapshot = initialSnapshot(machine);
  for (const [index, decision] of decisions.entries()) {
    const at = currentStepId(snapshot);
    if (snapshot.status === "done") {
      return { ok: false, index, reason: `the walk already ended at "${at}", but more decisions follow` };
    }
    if (decision.step !== at) {
      return {
        ok: false,
        index,
        reason: `decision ${index + 1} was made at step "${decision.step}", but the walk is at "${at}"`,
      };
    }
    const [next] = transition(machine, snapshot, decisionEvent(decision));
    if (next.context.decisions.length === snapshot.context.decisions.length) {
      return { ok: false, index, reason: `step "${at}" does not accept ${describe(decision)}` };
    }
    snapshot = next;
  }
  return { ok: true, snapshot };
}

function describe(decision: Decision): string {
  switch (decision.kind) {
    case "choice":
      return `the choice "${decision.choice}"`;
    case "check":
      return `the check outcome "${decision.outcome}"`;
    case "input":
      return "that value";
    default:
      return `"${decision.kind}"`;
  }
}
