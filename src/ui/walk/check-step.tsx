import { useEffect, useRef } from "react";
import { plannedRequests } from "../../checks/run";
import type { CheckResult } from "../../checks/types";
import type { StepOf } from "../../engine/schema";
import { type CheckPhase, checkPhase, peekStep } from "../../engine/session";
import { useConnection } from "../connection/connection-context";
import { ConnectionPanel } from "../connection/connection-panel";
import { machineFor } from "../flows/flow-machines";
import { messages } from "../messages";
import { RichText } from "../rich-text/rich-text";
import { CheckResultView } from "./check-result";
import type { StepViewProps } from "./step-view";
import { useWalk, useWalkActor } from "./walk-actor";
import { Warnings } from "./warnings";

export function CheckStep({ flow, step }: StepViewProps<"check">) {
  const connection = useConnection();
  const actor = useWalkActor();
  const phase = useWalk((s) => checkPhase(s)) ?? "ready";
  const inputs = useWalk((s) => s.context.inputs);
  const result = useWalk((s) => (checkPhase(s) === "done" ? (s.context.checks[step.id] as CheckResult) : undefined));
  const checkError = useWalk((s) => s.context.checkError);
  const can = {
    run: useWalk((s) => s.can({ type: "check.run" })),
    retry: useWalk((s) => s.can({ type: "check.retry" })),
    cancel: useWalk((s) => s.hasTag("checking")),
  };
  // The machine routes the result: ask it where Continue leads rather than working it out here.
  const nextStep = useWalk((s) => peekStep(machineFor(flow), s, { type: "check.continue" }));
  const nextTitle = flow.steps.find((s) => s.id === nextStep)?.title;
  const actionsRef = useKeepFocus(phase);
  const params = Object.fromEntries(Object.entries(step.params ?? {}).map(([param, input]) => [param, inputs[input]]));
  const blocker = connection.blockerFor(
    step.check,
    Object.fromEntries(
      Object.entries(step.params ?? {}).map(([param, input]) => [
        param,
        {
          label: flow.steps.find((s): s is StepOf<"input"> => s.kind === "input" && s.name === input)?.label ?? input,
          value: inputs[input],
        },
      ]),
    ),
  );
  const baseUrl =
    connection.settings.mode === "demo" ? (connection.demo?.target.baseUrl ?? "") : connection.settings.baseUrl;
  const planned = safePlan(step.check, baseUrl, params);

  return (
    <>
      <ConnectionPanel />
      {step.body && <RichText source={step.body} index={flow.richText} />}
      <Warnings warnings={step.warnings} index={flow.richText} />
      {planned.length > 0 && (
        <details className="planned" open={phase === "ready"}>
          <summary>{messages.check.willSend}</summary>
          <ul>
            {planned.map((r) => (
              <li key={`${r.method} ${r.path}`}>
                <code>
                  {r.method} {r.path}
                </code>{" "}
                <small>Authorization: {r.authorization}</small>
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="actions" ref={actionsRef}>
        {can.run && (
          <button
            type="button"
            className="primary"
            onClick={() => actor.send({ type: "check.run" })}
            disabled={blocker !== undefined}
          >
            {messages.check.run}
          </button>
        )}
        {can.cancel && (
          <>
            <button type="button" className="primary" disabled aria-busy="true">
              {messages.check.running}
            </button>
            <button type="button" onClick={() => actor.send({ type: "check.cancel" })}>
              {messages.check.cancel}
            </button>
          </>
        )}
        {can.retry && (
          <button type="button" onClick={() => actor.send({ type: "check.retry" })} disabled={blocker !== undefined}>
            {messages.check.retry}
          </button>
        )}
        {nextTitle && (
          <button type="button" className="primary" onClick={() => actor.send({ type: "check.continue" })}>
            {messages.check.continueWith(nextTitle)}
          </button>
        )}
      </div>
      {blocker && phase !== "done" && <p className="hint">{blocker}</p>}
      <div role="status" aria-live="polite" aria-label={messages.check.resultRegion} className="check-status">
        {result && <CheckResultView result={result} />}
        {phase === "failed" && (
          <p className="field-error">{messages.check.failed(checkError ?? messages.check.unknownReason)}</p>
        )}
      </div>
      <div className="manual">
        <p className="hint">{messages.check.manualHint}</p>
        <button type="button" onClick={() => actor.send({ type: "check.manual" })}>
          {step.manual.label}
        </button>
      </div>
    </>
  );
}

function safePlan(check: string, baseUrl: string, params: Record<string, string | undefined>) {
  try {
    return plannedRequests(check, { baseUrl }, params);
  } catch {
    return [];
  }
}

/**
 * The button pressed to run, cancel or retry a check is replaced by the next
 * phase's buttons; keyboard focus would fall to the page. Move it to the
 * phase's main action (Continue, Retry, Cancel or Run) instead, but only when
 * focus was lost that way, never away from where the admin is.
 */
function useKeepFocus(phase: CheckPhase) {
  const ref = useRef<HTMLDivElement>(null);
  const previous = useRef(phase);
  useEffect(() => {
    if (previous.current === phase) return;
    previous.current = phase;
    const active = document.activeElement;
    if (active && active !== document.body && !ref.current?.contains(active)) return;
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>("button:not(:disabled)") ?? [])];
    (buttons.find((b) => b.classList.contains("primary")) ?? buttons[0])?.focus();
  }, [phase]);
  return ref;
}
