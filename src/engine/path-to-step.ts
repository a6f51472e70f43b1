import { startStepId, stepIndex } from "./graph.ts";
import type { Flow, Step } from "./schema.ts";
import type { Decision } from "./session.ts";

/**
 * The fewest decisions that lead from the start to `target`, for opening a
 * walk at a given step (the embed's `start` option) while keeping Back
 * working. Inputs on the way are left blank, as in a shared link without
 * personal answers. Undefined when the step does not exist or cannot be reached.
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
    for (const [next, decision] of moves(step)) {
      if (seen.has(next)) continue;
      seen.add(next);
      via.set(next, { from: id, decision });
      queue.push(next);
    }
  }
  if (!seen.has(target)) return undefined;
  const decisions: Decision[] = [];
  for (let at = target; at !== start; at = (via.get(at) as { from: string }).from) {
    decisions.unshift((via.get(at) as { decision: Decision }).decision);
  }
  return decisions;
}

function moves(step: Step): [string, Decision][] {
  switch (step.kind) {
    case "instruction":
      return step.next ? [[step.next, { step: step.id, kind: "next" }]] : [];
    case "input":
      return step.next ? [[step.next, { step: step.id, kind: "input" }]] : [];
    case "question":
      return step.choices.map((c) => [c.next, { step: step.id, kind: "choice", choice: c.id }]);
    case "check":
      return [
        ...Object.entries(step.outcomes).map(([outcome, next]): [string, Decision] => [
          next,
          { step: step.id, kind: "check", outcome },
        ]),
        [step.manual.next, { step: step.id, kind: "manual" }],
      ];
    case "outcome":
      return [];
  }
}
