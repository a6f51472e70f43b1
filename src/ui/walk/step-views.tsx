import { type ComponentType, lazy, Suspense } from "react";
import type { StepKind } from "../../engine/schema";
import { messages } from "../messages";
import { InputStep } from "./input-step";
import { InstructionStep } from "./instruction-step";
import { OutcomeStep } from "./outcome-step";
import { QuestionStep } from "./question-step";
import type { StepViewProps } from "./step-view";

// Check steps bring the SCIM client along: load them only when a walk reaches one.
const LazyCheckStep = lazy(() => import("./check-step").then((m) => ({ default: m.CheckStep })));

function CheckStep(props: StepViewProps<"check">) {
  return (
    <Suspense fallback={<p className="hint">{messages.loading}</p>}>
      <LazyCheckStep {...props} />
    </Suspense>
  );
}

/** One view per step kind (the kinds themselves: src/engine/step-kinds.ts). */
export const STEP_VIEWS: { [K in StepKind]: ComponentType<StepViewProps<K>> } = {
  instruction: InstructionStep,
  question: QuestionStep,
  input: InputStep,
  check: CheckStep,
  outcome: OutcomeStep,
};
