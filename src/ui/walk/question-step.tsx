import type { BuiltFlow } from "../../engine/built-flow";
import type { StepOf } from "../../engine/schema";
import { RichText } from "../rich-text/rich-text";
import { Warnings } from "./warnings";

export function QuestionStep(props: {
  flow: BuiltFlow;
  step: StepOf<"question">;
  headingId: string;
  onChoose: (choice: string) => void;
}) {
  const { flow, step } = props;
  return (
    <>
      {step.body && <RichText source={step.body} index={flow.richText} />}
      <Warnings warnings={step.warnings} index={flow.richText} />
      <fieldset className="choices" aria-labelledby={props.headingId}>
        {step.choices.map((choice) => (
          <button key={choice.id} type="button" className="choice" onClick={() => props.onChoose(choice.id)}>
            {choice.label}
          </button>
        ))}
      </fieldset>
    </>
  );
}
