import { initialTransition, transition } from "xstate";
import type { CheckResultLike, FlowEvent, FlowMachine, FlowSnapshot } from "./compile.ts";

/**
 * A walk through a flow is its list of decisions. Replaying the list through
 * the machine rebuilds the state, so Back, share links, reload-restore and
 * transcripts all come from this one list.
 */
export type Decision =
  | { step: string; kind: "next" }
  | { step: string; kind: "choice"; choice: string }
  /** `value` is absent when it was personal and left out of a shared link. */
  | { step: string; kind: "input"; value?: string }
  | { step: string; kind: "check"; outcome: string; result?: CheckResultLike }
  | { step: string; kind: "manual" };

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

export function decisionEvent(decision: Decision): FlowEvent {
  switch (decision.kind) {
    case "next":
      return { type: "step.next" };
    case "choice":
      return { type: "choice.select", choice: decision.choice };
    case "input":
      return { type: "input.submit", value: decision.value };
    case "check":
      return { type: "check.resolve", outcome: decision.outcome, result: decision.result };
    case "manual":
      return { type: "check.manual" };
  }
}

/** The decision an event makes at `step`, or undefined when it makes none (running a check). */
export function eventDecision(step: string, event: FlowEvent): Decision | undefined {
  switch (event.type) {
    case "step.next":
      return { step, kind: "next" };
    case "choice.select":
      return { step, kind: "choice", choice: event.choice };
    case "input.submit":
      return { step, kind: "input", value: event.value };
    case "check.resolve":
      return { step, kind: "check", outcome: event.outcome, result: event.result };
    case "check.manual":
      return { step, kind: "manual" };
    default:
      return undefined;
  }
}

export function initialSnapshot(machine: FlowMachine): FlowSnapshot {
  return initialTransition(machine)[0];
}

/**
 * Pure: applies every decision or none. A decision made at another step than
 * the one the walk is on, or one the step does not accept, rejects the whole
 * list with the reason and the (zero-based) index of the decision at fault.
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
    if (currentStepId(next) === at) {
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
