import { useEffect, useId, useRef, useState } from "react";
import { checkGraphRoot } from "../../checks/graph-root.ts";
import { useConnection } from "../connection/connection-context.tsx";
import { ModeChoice } from "../connection/mode-choice.tsx";
import { graphPanelMessages as t } from "../messages/graph-panel.ts";
import { useRefocus } from "../refocus.ts";
import { GraphAppPicker } from "./graph-app-picker.tsx";
import { forgetGraph, updateGraphSession, useGraphSession } from "./graph-session.ts";
import { GraphSignIn } from "./graph-sign-in-form.tsx";

/**
 * Where Graph checks go: the demo tenant's simulated Graph, or the admin's own
 * tenant through a Microsoft sign-in (or a pasted token). The mode is the
 * connection's: the demo simulates both sides, the admin's own systems are both real.
 */
export function GraphPanel() {
  const { settings, demo } = useConnection();
  const graph = useGraphSession();
  const id = useId();
  const [notice, setNotice] = useState("");
  // Said once when the token source changes: signed in, a token taken, or signed out.
  const source = graph.source;
  const had = useRef(source);
  useEffect(() => {
    if (had.current === source) return;
    setNotice(!source ? t.forgotten : source.kind === "microsoft" ? t.signedIn(source.account) : t.pastedToken);
    had.current = source;
  }, [source]);
  const mode = demo && settings.mode === "demo" ? "demo" : "endpoint";
  const app = graph.app[mode];
  // Open while something is missing; from then on the admin decides.
  const [open, setOpen] = useState(mode === "endpoint" ? !graph.source || !app : !app);
  const rootCheck = checkGraphRoot(graph.root);
  const signedIn = graph.source?.kind === "microsoft";
  // Sign-in, sign-out or a pasted token replaces the button pressed: focus goes on to what is next.
  const ref = useRefocus<HTMLDetailsElement>(graph.source?.kind);
  return (
    <details
      ref={ref}
      className="connection graph-connection"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        {t.heading}: {mode === "demo" ? <span className="badge simulation">{t.demoBadge}</span> : null}{" "}
        {app?.displayName ?? ""}
      </summary>
      <ModeChoice mode={mode} ownLabel={t.ownTenant} />
      {mode === "demo" ? (
        <p className="hint">{t.demoIntro}</p>
      ) : (
        <>
          <p className="hint">{t.intro}</p>
          {graph.source ? (
            <div className="actions">
              <p>{graph.source.kind === "microsoft" ? t.signedIn(graph.source.account) : t.pastedToken}</p>
              <button type="button" onClick={() => forgetGraph()}>
                {graph.source.kind === "microsoft" ? t.signOut : t.forgetToken}
              </button>
            </div>
          ) : (
            <GraphSignIn />
          )}
          {signedIn ? (
            <p className="hint">{t.signedInRoot}</p>
          ) : (
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
          )}
        </>
      )}
      <p role="status" className="visually-hidden">
        {notice}
      </p>
      {/* Keyed by mode: a list found in the demo never offers its applications for the admin's tenant. */}
      {(mode === "demo" || (graph.source && (signedIn || rootCheck.ok))) && <GraphAppPicker key={mode} mode={mode} />}
    </details>
  );
}
