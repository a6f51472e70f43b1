import type { BuiltFlow } from "../../engine/built-flow.ts";
import { compileFlow, type FlowMachine } from "../../engine/compile.ts";
import { distanceToOutcome } from "../../engine/graph.ts";

/** Each flow's machine, compiled once on first use, and the data behind the progress indicator. */
const machines = new Map<string, FlowMachine>();
const distances = new Map<string, Map<string, number>>();

export function machineFor(flow: BuiltFlow): FlowMachine {
  let machine = machines.get(flow.id);
  if (!machine) {
    // The flow carries its checks' catalogue entries: a first step loads no check catalogue.
    machine = compileFlow(flow, { checks: flow.checks });
    machines.set(flow.id, machine);
  }
  return machine;
}

/** Fewest steps from `stepId` to an outcome, for "step n of about m". */
export function stepsToOutcome(flow: BuiltFlow, stepId: string): number {
  let distance = distances.get(flow.id);
  if (!distance) {
    distance = distanceToOutcome(flow);
    distances.set(flow.id, distance);
  }
  return distance.get(stepId) ?? 0;
}
