import { useState } from "react";
import { Link } from "react-router";
import { messages } from "../../app/messages";
import type { BuiltFlow } from "../../engine/built-flow";
import type { StepOf } from "../../engine/schema";
import { findFlow } from "../flows/flow-list";
import { RichText } from "../rich-text/rich-text";
import { Warnings } from "./warnings";

export function OutcomeStep(props: {
  flow: BuiltFlow;
  step: StepOf<"outcome">;
  flowHref: (flowId: string) => string;
  onFeedback: (helpful: boolean) => void;
}) {
  const { flow, step } = props;
  const [answered, setAnswered] = useState<boolean | undefined>();
  const target = step.flow ? findFlow(step.flow) : undefined;
  const answer = (helpful: boolean) => {
    setAnswered(helpful);
    props.onFeedback(helpful);
  };
  return (
    <>
      <p className={`result-badge result-${step.result}`}>{messages.outcome[step.result]}</p>
      {step.body && <RichText source={step.body} index={flow.richText} />}
      <Warnings warnings={step.warnings} index={flow.richText} />
      {step.result === "escalate" && <p className="hint">{messages.outcome.escalateHint}</p>}
      {target && (
        <p>
          <Link className="button primary" to={props.flowHref(target.id)}>
            {messages.outcome.openFlow(target.title)}
          </Link>
        </p>
      )}
      <fieldset className="feedback">
        <legend>{messages.outcome.feedbackQuestion}</legend>
        {answered === undefined ? (
          <div className="actions">
            <button type="button" onClick={() => answer(true)}>
              {messages.outcome.yes}
            </button>
            <button type="button" onClick={() => answer(false)}>
              {messages.outcome.no}
            </button>
          </div>
        ) : (
          <p role="status">{messages.outcome.thanks}</p>
        )}
      </fieldset>
    </>
  );
}
