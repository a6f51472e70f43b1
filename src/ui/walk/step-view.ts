import type { BuiltFlow } from "../../engine/built-flow.ts";
import type { StepKind, StepOf } from "../../engine/schema.ts";

/** What every step kind's view is given; it talks to the walk's actor itself (walk-actor.tsx). */
export interface StepViewProps<K extends StepKind> {
  flow: BuiltFlow;
  step: StepOf<K>;
  /** The id of the step's h1, for controls labelled by the title. */
  headingId: string;
  /** Where hand-over links lead: /flows/:id in the app, /embed/:id in an embed. */
  flowHref: (flowId: string) => string;
  /** Before the page has hydrated, the way on is a link here (early-next-step.tsx); an instruction step's only. */
  earlyHref?: string;
}
