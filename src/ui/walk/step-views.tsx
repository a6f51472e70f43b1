import type { ComponentType } from "react";
import type { StepKind } from "../../engine/schema.ts";
import { CheckStep } from "./check-step.tsx";
import { InputStep } from "./input-step.tsx";
import { InstructionStep } from "./instruction-step.tsx";
import { OutcomeStep } from "./outcome-step.tsx";
import { QuestionStep } from "./question-step.tsx";
import type { StepViewProps } from "./step-view.ts";

/** One view per step kind (the kinds themselves: src/engine/step-kinds.ts). */
export const STEP_VIEWS: { [K in StepKind]: ComponentType<StepViewProps<K>> } = {
  instruction: InstructionStep,
  question: QuestionStep,
  input: InputStep,
  check: CheckStep,
  outcome: OutcomeStep,
};
