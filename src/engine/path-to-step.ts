import { startStepId, stepIndex } from "./graph.ts";
import type { Flow } from "./schema.ts";
import { type Decision, decisionSpec, waysOn } from "./step-kinds.ts";

/**
 * The fewest decisions that lead from the start to `target`, for opening a
 * walk at a given step (the embed's `start` option) while keeping Back
 * working. Inputs on the way are left blank, as in a shared link without
 * personal answers; an `otherwise` names no outcome, so it is not taken.
 * Undefined when the step does not exist or cannot be reached.
 */
export function decisionsTo(flow: Flow, target: string): Decision[] | undefined {
  const steps = stepIndex(flow);
  const start = startStepId(flow);
  const via = new Map<string, { from: string; decision: Decision }>();
  const queue = [start];
  const seen = new Set([start]);
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    if (id === target) break;
    const step = steps.get(id);
    if (!step) continue;
    for (const way of waysOn(step)) {
      const decision = way.otherwise ? undefined : decisionSpec(way.kind).fromValue(step.id, way.value);
      if (!decision || seen.has(way.target)) continue;
      seen.add(way.target);
      via.set(way.target, { from: id, decision });
      queue.push(way.target);
    }
  }
  if (!seen.has(target)) return undefined;
  const decisions: Decision[] = [];
  for (let at = target; at !== start; at = (via.get(at) as { from: string }).from) {
    decisions.unshift((via.get(at) as { decision: Decision }).decision);
  }
  return decisions;
}
