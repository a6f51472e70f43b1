import { CHECK_CATALOG } from "../../src/checks/catalog";
import type { FlowEvent } from "../../src/engine/compile";
import type { Flow, Step } from "../../src/engine/schema";

/** Every event a user can send at a step: each choice, the example input, every check outcome, the manual way. */
export function eventsAt(step: Step | undefined): FlowEvent[] {
  switch (step?.kind) {
    case "instruction":
      return [{ type: "step.next" }];
    case "question":
      return step.choices.map((c) => ({ type: "choice.select", choice: c.id }));
    case "input":
      return [{ type: "input.submit", value: step.example }];
    case "check": {
      const known: readonly string[] = CHECK_CATALOG[step.check as keyof typeof CHECK_CATALOG]?.outcomes ?? [];
      const codes = step.otherwise ? known : Object.keys(step.outcomes);
      return [...codes.map((outcome): FlowEvent => ({ type: "check.resolve", outcome })), { type: "check.manual" }];
    }
    default:
      return [];
  }
}

export function stepsOf(flow: Flow): Map<string, Step> {
  return new Map(flow.steps.map((s) => [s.id, s]));
}
