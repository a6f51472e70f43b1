import { type ComponentType, lazy, Suspense } from "react";
import type { StepKind } from "../../engine/schema.ts";
import { messages } from "../messages/messages.ts";
import { InputStep } from "./input-step.tsx";
import { InstructionStep } from "./instruction-step.tsx";
import { OutcomeStep } from "./outcome-step.tsx";
import { QuestionStep } from "./question-step.tsx";
import type { StepViewProps } from "./step-view.ts";

// A check step's wiring and view bring the SCIM client along: they load when a walk first reaches one.
const LazyCheckStep = lazy(() => import("./check-step.tsx").then((m) => ({ default: m.CheckStep })));

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
