import { lazy, Suspense, useEffect, useId, useRef } from "react";
import { Link, useLocation } from "react-router";
import type { BuiltFlow } from "../../engine/built-flow";
import type { FlowEvent } from "../../engine/compile";
import { checkPhase, currentStepId, type Decision } from "../../engine/session";
import { useConnection } from "../connection/connection-context";
import { stepsToOutcome } from "../flows/flow-machines";
import { messages } from "../messages";
import { saveWalk } from "../share/saved-walk";
import { SharePanel } from "../share/share-panel";
import { InputStep } from "./input-step";
import { InstructionStep } from "./instruction-step";
import { OutcomeStep } from "./outcome-step";
import { QuestionStep } from "./question-step";
import { useWalk } from "./use-walk";
import { WhereBadge } from "./where-badge";
import { useWizardEvents } from "./wizard-events";

// Check steps bring the SCIM client along: load them only when a walk reaches one.
const CheckStep = lazy(() => import("./check-step").then((m) => ({ default: m.CheckStep })));

export interface WalkViewProps {
  flow: BuiltFlow;
  initialDecisions: readonly Decision[];
  /** Where hand-over links lead: /flows/:id in the app, /embed/:id in an embed. */
  flowHref: (flowId: string) => string;
  /** Embeds keep progress to themselves: no storage, no share link. */
  persist?: boolean;
}

export function WalkView({ flow, initialDecisions, flowHref, persist = true }: WalkViewProps) {
  const connection = useConnection();
  const { walk, snapshot } = useWalk(flow, initialDecisions, connection.run);
  const emit = useWizardEvents();
  const stepId = currentStepId(snapshot);
  const step = flow.steps.find((s) => s.id === stepId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  // On the page the browser opened, focus starts at the top; after an in-app move
  // (a catalogue card, a hand-over) it goes to the step, as after every step change.
  const arrivedInApp = useLocation().key !== "default";
  const firstRender = useRef(!arrivedInApp);

  useEffect(() => {
    if (persist) saveWalk(flow, walk.decisions);
    if (!step) return;
    emit({ type: "step", flowId: flow.id, stepId, stepKind: step.kind });
    if (step.kind === "outcome") emit({ type: "outcome", flowId: flow.id, stepId, outcome: step.result });
    // Focus follows the walk to each new step, so screen readers read its title first.
    if (firstRender.current) firstRender.current = false;
    else headingRef.current?.focus();
  }, [flow, step, stepId, walk, emit, persist]);

  if (!step) return null;
  const send = (event: FlowEvent) => walk.send(event);
  const visited = walk.decisions.length + 1;
  const total = visited + stepsToOutcome(flow, stepId);
  const phase = checkPhase(snapshot);

  return (
    <div className="walk">
      <p className="eyebrow">
        <span className="flow-title">{flow.title}</span>
      </p>
      <div className="progress">
        <progress value={visited} max={total} aria-labelledby={`${headingId}-progress`} />
        <span id={`${headingId}-progress`}>{messages.wizard.progress(visited, total)}</span>
      </div>
      <article className={`step step-${step.kind}`} aria-labelledby={headingId}>
        <WhereBadge where={"where" in step ? step.where : undefined} />
        <h1 id={headingId} ref={headingRef} tabIndex={-1}>
          {step.title}
        </h1>
        {step.kind === "instruction" && (
          <InstructionStep key={stepId} flow={flow} step={step} onNext={() => send({ type: "step.next" })} />
        )}
        {step.kind === "question" && (
          <QuestionStep
            key={stepId}
            flow={flow}
            step={step}
            headingId={headingId}
            onChoose={(choice) => send({ type: "choice.select", choice })}
          />
        )}
        {step.kind === "input" && (
          <InputStep
            key={stepId}
            flow={flow}
            step={step}
            initialValue={snapshot.context.inputs[step.name]}
            onSubmit={(value) => send({ type: "input.submit", value })}
          />
        )}
        {step.kind === "check" && phase && (
          <Suspense fallback={<p className="hint">{messages.loading}</p>}>
            <CheckStep
              key={stepId}
              flow={flow}
              step={step}
              phase={phase}
              context={snapshot.context}
              onRun={() => send({ type: phase === "ready" ? "check.run" : "check.retry" })}
              onCancel={() => send({ type: "check.cancel" })}
              onResolve={(result) => send({ type: "check.resolve", outcome: result.outcome, result })}
              onManual={() => send({ type: "check.manual" })}
            />
          </Suspense>
        )}
        {step.kind === "outcome" && (
          <OutcomeStep
            key={stepId}
            flow={flow}
            step={step}
            flowHref={flowHref}
            onFeedback={(helpful) => emit({ type: "feedback", flowId: flow.id, stepId, helpful })}
          />
        )}
      </article>
      <nav className="walk-controls" aria-label={messages.wizard.controls}>
        <button type="button" onClick={() => walk.back()} disabled={walk.decisions.length === 0}>
          {messages.wizard.back}
        </button>
        <button type="button" onClick={() => walk.restart()} disabled={walk.decisions.length === 0}>
          {messages.wizard.startOver}
        </button>
        {persist && (
          <Link to={`/flows/${flow.id}/article`} className="button link">
            {messages.nav.article}
          </Link>
        )}
      </nav>
      <SharePanel flow={flow} decisions={walk.decisions} currentStep={stepId} allowLink={persist} />
    </div>
  );
}
