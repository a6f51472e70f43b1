import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { entryOf, isCheckName, isGraphCheck } from "../../checks/catalog.ts";
import { TEST_USER_PATTERN } from "../../checks/entra-requests.ts";
import { plannedRequests } from "../../checks/run.ts";
import type { CheckResult } from "../../checks/types.ts";
import type { FlowEvent } from "../../engine/compile.ts";
import type { StepOf } from "../../engine/schema.ts";
import type { CheckPhase } from "../../engine/session.ts";
import { useConnection } from "../connection/connection-context.tsx";
import { ConnectionPanel } from "../connection/connection-panel.tsx";
import { blockerOf } from "../connection/readiness.ts";
import { useEmbedded } from "../embedded.tsx";
import { GraphPanel } from "../graph/graph-panel.tsx";
import { useGraphSession } from "../graph/graph-session.ts";
import { checkMessages } from "../messages/check.ts";
import { graphPanelMessages } from "../messages/graph-panel.ts";
import { messages } from "../messages/messages.ts";
import { useRefocus } from "../refocus.ts";
import { RichText } from "../rich-text/rich-text.tsx";
import { CheckResultView } from "./check-result.tsx";
import type { StepViewProps } from "./step-view.ts";
import { Warnings } from "./warnings.tsx";

/** What the check step's view is handed by its wiring (check-step.tsx): plain values, no machine. */
export interface CheckStepBodyProps extends StepViewProps<"check"> {
  phase: CheckPhase;
  inputs: Readonly<Record<string, string>>;
  result: CheckResult | undefined;
  checkError: string | undefined;
  can: { run: boolean; retry: boolean; cancel: boolean };
  /** The title of the step Continue leads to, as the machine routes the result; undefined when it cannot. */
  nextTitle: string | undefined;
  send: (event: FlowEvent) => void;
}

/**
 * The check step as the admin sees it. It loads with the first check step
 * (it brings the SCIM client along), and knows nothing of the machine: so it
 * shares no module with the walk, and the walk stays one chunk.
 */
export function CheckStepBody({
  flow,
  step,
  phase,
  inputs,
  result,
  checkError,
  can,
  nextTitle,
  send,
}: CheckStepBodyProps) {
  const connection = useConnection();
  const graph = useGraphSession();
  const embedded = useEmbedded();
  // Entra's side (the provisioning job and logs) is read through Microsoft Graph, not the SCIM endpoint.
  const readsGraph = isGraphCheck(step.check);
  const actionsRef = useKeepFocus(phase);
  const params = Object.fromEntries(Object.entries(step.params ?? {}).map(([param, input]) => [param, inputs[input]]));
  const blocker = blockerOf(
    connection.settings,
    connection.demo,
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
    graph,
  );
  const inDemo = connection.settings.mode === "demo" && connection.demo !== undefined;
  const baseUrl = readsGraph
    ? inDemo
      ? (connection.demo?.graph.baseUrl ?? "")
      : graph.root
    : inDemo
      ? (connection.demo?.target.baseUrl ?? "")
      : connection.settings.baseUrl;
  const planned = safePlan(
    step.check,
    baseUrl,
    params,
    readsGraph ? graph.app[inDemo ? "demo" : "endpoint"]?.id : undefined,
  );
  // A check that creates and deletes a test user sends nothing until the admin confirms what it will do.
  const writes = isCheckName(step.check) && entryOf(step.check).writes;
  const [pending, setPending] = useState<"check.run" | "check.retry">();
  const confirming = pending !== undefined;
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  /** Runs (or retries) at once, or, for a write check, first asks. */
  const ask = (type: "check.run" | "check.retry") => (writes ? setPending(type) : send({ type }));
  const confirm = () => {
    if (pending) send({ type: pending });
    setPending(undefined);
  };

  return (
    <>
      {readsGraph ? <GraphPanel /> : <ConnectionPanel />}
      {step.body && <RichText source={step.body} index={flow.richText} />}
      <Warnings warnings={step.warnings} index={flow.richText} />
      {planned.length > 0 && (
        <details className="planned" open={phase === "ready"}>
          <summary>{checkMessages.check.willSend}</summary>
          <ul>
            {planned.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed sequence may send one request twice (entra-compat's PATCHes); its position is its identity.
              <li key={`${i} ${r.method} ${r.path}`}>
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
        {can.run && !confirming && (
          <button type="button" className="primary" onClick={() => ask("check.run")} disabled={blocker !== undefined}>
            {checkMessages.check.run}
          </button>
        )}
        {confirming && (can.run || can.retry) && (
          <div className="write-confirm">
            <p>{checkMessages.check.writeConfirm(TEST_USER_PATTERN)}</p>
            <p className="hint">{checkMessages.check.writeConfirmHint}</p>
            <button
              type="button"
              className="primary"
              ref={confirmRef}
              onClick={confirm}
              disabled={blocker !== undefined}
            >
              {checkMessages.check.writeConfirmRun}
            </button>
            <button type="button" onClick={() => setPending(undefined)}>
              {checkMessages.check.writeConfirmCancel}
            </button>
          </div>
        )}
        {can.cancel && (
          <>
            <button type="button" className="primary" disabled aria-busy="true">
              {checkMessages.check.running}
            </button>
            <button type="button" onClick={() => send({ type: "check.cancel" })}>
              {checkMessages.check.cancel}
            </button>
          </>
        )}
        {can.retry && !confirming && (
          <button type="button" onClick={() => ask("check.retry")} disabled={blocker !== undefined}>
            {checkMessages.check.retry}
          </button>
        )}
        {nextTitle && (
          <button type="button" className="primary" onClick={() => send({ type: "check.continue" })}>
            {checkMessages.check.continueWith(nextTitle)}
          </button>
        )}
      </div>
      {blocker && phase !== "done" && <p className="hint">{blocker}</p>}
      <div role="status" aria-live="polite" aria-label={checkMessages.check.resultRegion} className="check-status">
        {result && <CheckResultView result={result} />}
        {result?.check === "provisioning-logs" && result.outcome === "failures" && (
          <p>
            {embedded ? (
              // The app's pages may only be framed by the app: from an embed the reader opens in a tab.
              <a href="/logs?from=graph" target="_blank" rel="noopener">
                {graphPanelMessages.openInReader}
                <span className="visually-hidden"> {messages.opensInNewTab}</span>
              </a>
            ) : (
              <Link to="/logs?from=graph">{graphPanelMessages.openInReader}</Link>
            )}
          </p>
        )}
        {phase === "failed" && (
          <p className="field-error">{checkMessages.check.failed(checkError ?? checkMessages.check.unknownReason)}</p>
        )}
      </div>
      <div className="manual">
        <p className="hint">{checkMessages.check.manualHint}</p>
        <button type="button" onClick={() => send({ type: "check.manual" })}>
          {step.manual.label}
        </button>
      </div>
    </>
  );
}

function safePlan(
  check: string,
  baseUrl: string,
  params: Record<string, string | undefined>,
  servicePrincipalId: string | undefined,
) {
  try {
    return plannedRequests(check, { baseUrl, servicePrincipalId }, params);
  } catch {
    return [];
  }
}

/**
 * The button pressed to run, cancel or retry a check is replaced by the next phase's buttons:
 * focus goes to the phase's main action (Continue, Retry, Cancel or Run).
 */
function useKeepFocus(phase: CheckPhase) {
  return useRefocus<HTMLDivElement>(phase, (actions) => {
    const buttons = [...actions.querySelectorAll<HTMLButtonElement>("button:not(:disabled)")];
    return buttons.find((b) => b.classList.contains("primary")) ?? buttons[0];
  });
}
