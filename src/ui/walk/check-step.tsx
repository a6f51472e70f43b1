import { useEffect, useRef } from "react";
import { plannedRequests } from "../../checks/run";
import type { CheckResult } from "../../checks/types";
import type { BuiltFlow } from "../../engine/built-flow";
import type { FlowContext } from "../../engine/compile";
import type { StepOf } from "../../engine/schema";
import type { CheckPhase } from "../../engine/session";
import { useConnection } from "../connection/connection-context";
import { ConnectionPanel } from "../connection/connection-panel";
import { messages } from "../messages";
import { RichText } from "../rich-text/rich-text";
import { CheckResultView } from "./check-result";
import { Warnings } from "./warnings";

interface Props {
  flow: BuiltFlow;
  step: StepOf<"check">;
  phase: CheckPhase;
  context: FlowContext;
  onRun: () => void;
  onCancel: () => void;
  onResolve: (result: CheckResult) => void;
  onManual: () => void;
}

export function CheckStep({ flow, step, phase, context, ...on }: Props) {
  const connection = useConnection();
  const actionsRef = useKeepFocus(phase);
  const params = Object.fromEntries(
    Object.entries(step.params ?? {}).map(([param, input]) => [param, context.inputs[input]]),
  );
  const blocker = connection.blockerFor(
    step.check,
    Object.fromEntries(
      Object.entries(step.params ?? {}).map(([param, input]) => [
        param,
        {
          label: flow.steps.find((s): s is StepOf<"input"> => s.kind === "input" && s.name === input)?.label ?? input,
          value: context.inputs[input],
        },
      ]),
    ),
  );
  const baseUrl =
    connection.settings.mode === "demo" ? (connection.demo?.target.baseUrl ?? "") : connection.settings.baseUrl;
  const planned = safePlan(step.check, baseUrl, params);
  const result = phase === "done" ? (context.checks[step.id] as CheckResult | undefined) : undefined;
  const nextTitle = result
    ? flow.steps.find((s) => s.id === (step.outcomes[result.outcome] ?? step.otherwise))?.title
    : undefined;

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
        {phase === "ready" && (
          <button type="button" className="primary" onClick={on.onRun} disabled={blocker !== undefined}>
            {messages.check.run}
          </button>
        )}
        {phase === "running" && (
          <>
            <button type="button" className="primary" disabled aria-busy="true">
              {messages.check.running}
            </button>
            <button type="button" onClick={on.onCancel}>
              {messages.check.cancel}
            </button>
          </>
        )}
        {(phase === "done" || phase === "failed") && (
          <button type="button" onClick={on.onRun} disabled={blocker !== undefined}>
            {messages.check.retry}
          </button>
        )}
        {result && nextTitle && (
          <button type="button" className="primary" onClick={() => on.onResolve(result)}>
            {messages.check.continueWith(nextTitle)}
          </button>
        )}
      </div>
      {blocker && phase !== "done" && <p className="hint">{blocker}</p>}
      <div role="status" aria-live="polite" aria-label={messages.check.resultRegion} className="check-status">
        {result && <CheckResultView result={result} />}
        {phase === "failed" && (
          <p className="field-error">{messages.check.failed(context.checkError ?? messages.check.unknownReason)}</p>
        )}
      </div>
      <div className="manual">
        <p className="hint">{messages.check.manualHint}</p>
        <button type="button" onClick={on.onManual}>
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
