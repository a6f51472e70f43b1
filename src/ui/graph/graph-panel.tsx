import { useId, useState } from "react";
import { checkGraphRoot } from "../../checks/graph-root.ts";
import { useConnection } from "../connection/connection-context.tsx";
import { checkMessages } from "../messages/check.ts";
import { graphPanelMessages as t } from "../messages/graph-panel.ts";
import { GraphAppPicker } from "./graph-app-picker.tsx";
import { forgetGraph, updateGraphSession, useGraphSession } from "./graph-session.ts";
import { GraphSignIn } from "./graph-sign-in-form.tsx";

/**
 * Where Graph checks go: the demo tenant's simulated Graph, or the admin's own
 * tenant through a Microsoft sign-in (or a pasted token). The mode is the
 * connection's: the demo simulates both sides, the admin's own systems are both real.
 */
export function GraphPanel() {
  const { settings, update, demo } = useConnection();
  const graph = useGraphSession();
  const id = useId();
  const [notice, setNotice] = useState("");
  const mode = demo && settings.mode === "demo" ? "demo" : "endpoint";
  const app = graph.app[mode];
  // Open while something is missing; from then on the admin decides.
  const [open, setOpen] = useState(mode === "endpoint" ? !graph.source || !app : !app);
  const rootCheck = checkGraphRoot(graph.root);
  return (
    <details className="connection graph-connection" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t.heading}: {mode === "demo" ? <span className="badge simulation">{t.demoBadge}</span> : null}{" "}
        {app?.displayName ?? ""}
      </summary>
      {demo && (
        <fieldset>
          <legend>{checkMessages.connection.mode}</legend>
          <label className="check-label">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === "demo"}
              onChange={() => update({ mode: "demo" })}
            />
            {checkMessages.connection.demo}
          </label>
          <label className="check-label">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === "endpoint"}
              onChange={() => update({ mode: "endpoint" })}
            />
            {t.ownTenant}
          </label>
        </fieldset>
      )}
      {mode === "demo" ? (
        <p className="hint">{t.demoIntro}</p>
      ) : (
        <>
          <p className="hint">{t.intro}</p>
          {graph.source ? (
            <div className="actions">
              <p>{graph.source.kind === "microsoft" ? t.signedIn(graph.source.account) : t.pastedToken}</p>
              <button
                type="button"
                onClick={async () => {
                  await forgetGraph();
                  setNotice(t.forgotten);
                }}
              >
                {graph.source.kind === "microsoft" ? t.signOut : t.forgetToken}
              </button>
            </div>
          ) : (
            <GraphSignIn />
          )}
          <details className="graph-root">
            <summary>{t.rootSummary}</summary>
            <label htmlFor={`${id}-root`}>{t.rootLabel}</label>
            <input
              id={`${id}-root`}
              type="url"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              value={graph.root}
              aria-describedby={`${id}-root-hint`}
              aria-invalid={!rootCheck.ok}
              onChange={(e) => updateGraphSession({ root: e.target.value })}
            />
            <p id={`${id}-root-hint`} className={rootCheck.ok ? "hint" : "field-error"}>
              {rootCheck.ok ? t.rootHint : t.rootProblem(rootCheck.problem)}
            </p>
          </details>
          <p role="status">{notice}</p>
        </>
      )}
      {(mode === "demo" || (graph.source && rootCheck.ok)) && <GraphAppPicker mode={mode} />}
    </details>
  );
}
