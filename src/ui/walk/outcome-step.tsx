import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { findSummary } from "../flows/flow-loader.ts";
import { messages } from "../messages/messages.ts";
import { RichText } from "../rich-text/rich-text.tsx";
import type { StepViewProps } from "./step-view.ts";
import { Warnings } from "./warnings.tsx";
import { useWizardEvents } from "./wizard-events.tsx";

export function OutcomeStep({ flow, step, flowHref }: StepViewProps<"outcome">) {
  const emit = useWizardEvents();
  const [answered, setAnswered] = useState<boolean | undefined>();
  // The Yes/No buttons give way to the thanks: focus goes with them rather than to the page.
  const thanksRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (answered !== undefined) thanksRef.current?.focus();
  }, [answered]);
  const target = findSummary(step.flow);
  const answer = (helpful: boolean) => {
    setAnswered(helpful);
    emit({ type: "feedback", flowId: flow.id, stepId: step.id, helpful });
  };
  return (
    <>
      <p className={`result-badge result-${step.result}`}>{messages.outcome[step.result]}</p>
      {step.body && <RichText source={step.body} index={flow.richText} />}
      <Warnings warnings={step.warnings} index={flow.richText} />
      {step.result === "escalate" && <p className="hint">{messages.outcome.escalateHint}</p>}
      {target && (
        <p>
          <Link className="button primary" to={flowHref(target.id)}>
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
          <p role="status" tabIndex={-1} ref={thanksRef}>
            {messages.outcome.thanks}
          </p>
        )}
      </fieldset>
    </>
  );
}
