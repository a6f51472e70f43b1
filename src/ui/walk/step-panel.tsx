import type { ComponentType, Ref } from "react";
import type { BuiltFlow } from "../../engine/built-flow.ts";
import type { Step, StepKind, StepOf } from "../../engine/schema.ts";
import { stepsToOutcome } from "../flows/flow-machines.ts";
import { messages } from "../messages/messages.ts";
import type { StepViewProps } from "./step-view.ts";
import { STEP_VIEWS } from "./step-views.tsx";
import { WhereBadge } from "./where-badge.tsx";

/** A step as the walk shows it: how far along, where it happens, its title and its view. */
export function StepPanel(props: {
  flow: BuiltFlow;
  step: Step;
  /** Steps shown so far, this one included. */
  visited: number;
  headingId: string;
  headingRef?: Ref<HTMLHeadingElement>;
  flowHref: (flowId: string) => string;
  earlyHref?: string;
}) {
  const { flow, step, visited, headingId } = props;
  const total = visited + stepsToOutcome(flow, step.id);
  const View = STEP_VIEWS[step.kind] as ComponentType<StepViewProps<StepKind>>;
  return (
    <>
      <div className="progress">
        <progress value={visited} max={total} aria-labelledby={`${headingId}-progress`} />
        <span id={`${headingId}-progress`}>{messages.wizard.progress(visited, total)}</span>
      </div>
      <article className={`step step-${step.kind}`} aria-labelledby={headingId}>
        <WhereBadge where={"where" in step ? step.where : undefined} />
        <h1 id={headingId} ref={props.headingRef} tabIndex={-1}>
          {step.title}
        </h1>
        <View
          key={step.id}
          flow={flow}
          step={step as StepOf<StepKind>}
          headingId={headingId}
          flowHref={props.flowHref}
          earlyHref={props.earlyHref}
        />
      </article>
    </>
  );
}
