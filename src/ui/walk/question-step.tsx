import { RichText } from "../rich-text/rich-text.tsx";
import type { StepViewProps } from "./step-view.ts";
import { useWalkActor } from "./walk-actor.tsx";
import { Warnings } from "./warnings.tsx";

export function QuestionStep({ flow, step, headingId }: StepViewProps<"question">) {
  const { send } = useWalkActor();
  return (
    <>
      {step.body && <RichText source={step.body} index={flow.richText} />}
      <Warnings warnings={step.warnings} index={flow.richText} />
      <fieldset className="choices" aria-labelledby={headingId}>
        {step.choices.map((choice) => (
          <button
            key={choice.id}
            type="button"
            className="choice"
            onClick={() => send({ type: "choice.select", choice: choice.id })}
          >
            {choice.label}
          </button>
        ))}
      </fieldset>
    </>
  );
}
