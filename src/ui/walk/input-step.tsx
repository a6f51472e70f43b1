import { type FormEvent, useId, useState } from "react";
import { MAX_INPUT_LENGTH, matchesInputPattern } from "../../engine/input-pattern.ts";
import { messages } from "../messages/messages.ts";
import { PrivateInput } from "../private-input.tsx";
import { RichText } from "../rich-text/rich-text.tsx";
import { useBackDraft } from "./back-draft.tsx";
import type { StepViewProps } from "./step-view.ts";
import { useWalk, useWalkActor } from "./walk-actor.tsx";
import { Warnings } from "./warnings.tsx";

export function InputStep({ flow, step }: StepViewProps<"input">) {
  const { send } = useWalkActor();
  const given = useWalk((s) => s.context.inputs[step.name]);
  const dropped = useBackDraft(step.id);
  const [value, setValue] = useState(given ?? dropped ?? "");
  const [error, setError] = useState(false);
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    // A bad value keeps what was typed, says what is expected, and moves nothing.
    if (!matchesInputPattern(step.pattern, trimmed)) return setError(true);
    setError(false);
    send({ type: "input.submit", value: trimmed });
  };
  return (
    <>
      {step.body && <RichText source={step.body} index={flow.richText} />}
      <Warnings warnings={step.warnings} index={flow.richText} />
      <form className="input-form" onSubmit={submit} noValidate>
        <label htmlFor={fieldId}>{step.label}</label>
        {/* Uncontrolled like the token fields: a UPN or an e-mail typed here stays out of the page's HTML. */}
        <PrivateInput
          id={fieldId}
          name={step.name}
          value={value}
          onValueChange={setValue}
          maxLength={MAX_INPUT_LENGTH}
          autoComplete="off"
          spellCheck={false}
          placeholder={step.example}
          aria-invalid={error}
          aria-describedby={`${hintId}${error ? ` ${errorId}` : ""}`}
        />
        <p id={hintId} className="hint">
          {step.shareable ? step.patternHint : `${step.patternHint} ${messages.wizard.notShared}`}
        </p>
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {messages.wizard.invalidInput}: {step.patternHint}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            {messages.wizard.continue}
          </button>
        </div>
      </form>
    </>
  );
}
