import { CHECK_CATALOG } from "../../src/checks/catalog.ts";
import type { FlowEvent } from "../../src/engine/compile.ts";
import type { Flow, Step } from "../../src/engine/schema.ts";
import { type Decision, decisionEvent, decisionSpec, type WayOn, waysOn } from "../../src/engine/step-kinds.ts";

/**
 * Every event a user can send at a step, derived from the step-kind table:
 * one per way on, the example value for an input, and for an `otherwise`
 * every outcome code the check can give that no sibling lists.
 */
export function eventsAt(step: Step | undefined): FlowEvent[] {
  if (!step) return [];
  return waysOn(step, CHECK_CATALOG).flatMap((way) => exampleDecisions(step, way).map(decisionEvent));
}

function exampleDecisions(step: Step, way: WayOn): Decision[] {
  const make = (value: string | undefined) => decisionSpec(way.kind).fromValue(step.id, value) as Decision;
  if (way.otherwise) {
    const { listed, known = [] } = way.otherwise;
    return known.filter((code) => !listed.includes(code)).map(make);
  }
  return [make(step.kind === "input" ? step.example : way.value)];
}

export function stepsOf(flow: Flow): Map<string, Step> {
  return new Map(flow.steps.map((s) => [s.id, s]));
}
