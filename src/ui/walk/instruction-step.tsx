import { useId, useState } from "react";
import { messages } from "../messages/messages.ts";
import { RichText } from "../rich-text/rich-text.tsx";
import type { StepViewProps } from "./step-view.ts";
import { useWalkActor } from "./walk-actor.tsx";
import { Warnings } from "./warnings.tsx";

export function InstructionStep({ flow, step, earlyHref }: StepViewProps<"instruction">) {
  const { send } = useWalkActor();
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const listId = useId();
  const toggle = (i: number) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (!next.delete(i)) next.add(i);
      return next;
    });
  return (
    <>
      {step.body && <RichText source={step.body} index={flow.richText} />}
      <Warnings warnings={step.warnings} index={flow.richText} />
      {step.substeps && (
        <>
          <p id={listId} className="substeps-label">
            {messages.wizard.substeps}
          </p>
          <ol className="substeps" aria-labelledby={listId}>
            {step.substeps.map((substep, i) => (
              <li key={substep}>
                <label>
                  <input type="checkbox" checked={ticked.has(i)} onChange={() => toggle(i)} />
                  <span>
                    <RichText source={substep} index={flow.richText} inline />
                  </span>
                </label>
              </li>
            ))}
          </ol>
        </>
      )}
      <div className="actions">
        {earlyHref ? (
          // The page as served: a link that works before the script runs (early-next-step.tsx); a button once hydrated.
          <a
            className="button primary"
            href={earlyHref}
            onClick={(event) => {
              event.preventDefault();
              send({ type: "step.next" });
            }}
          >
            {messages.wizard.done}
          </a>
        ) : (
          <button type="button" className="primary" onClick={() => send({ type: "step.next" })}>
            {messages.wizard.done}
          </button>
        )}
      </div>
    </>
  );
}
