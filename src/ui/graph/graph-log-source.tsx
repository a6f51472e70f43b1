import { useState } from "react";
import { readProvisioningLogs } from "../../checks/graph-reads.ts";
import { useConnection } from "../connection/connection-context.tsx";
import { graphPanelMessages as t } from "../messages/graph-panel.ts";
import { GraphPanel } from "./graph-panel.tsx";
import { graphRequest, useGraphSession } from "./graph-session.ts";

/**
 * The log reader's way to Entra's recent log without a download: the same
 * Graph session as the Graph checks, read into the same reader. The text goes
 * to the page's reader and nowhere else.
 */
export function GraphLogSource({ onRead }: { onRead: (logText: string) => void }) {
  const { settings, demo } = useConnection();
  const graph = useGraphSession();
  const inDemo = settings.mode === "demo" && demo !== undefined;
  const app = graph.app[inDemo ? "demo" : "endpoint"];
  const [state, setState] = useState<
    { kind: "idle" | "busy" } | { kind: "done"; note: string } | { kind: "failed"; message: string }
  >({
    kind: "idle",
  });
  const read = async () => {
    if (!app) return;
    setState({ kind: "busy" });
    try {
      const { target, fetch } = await graphRequest(settings, demo);
      const logs = await readProvisioningLogs({ ...target, servicePrincipalId: app.id }, { fetch });
      if (!logs.ok) {
        setState({ kind: "failed", message: `${logs.title}: ${logs.explanation} ${logs.advice}` });
        return;
      }
      // Why the reading stopped early, as the reader of the pages words it (the page cap, a page
      // that failed, a next page on another host).
      setState({ kind: "done", note: logs.value.note ?? "" });
      onRead(logs.value.text);
    } catch (error) {
      setState({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div className="graph-log-source">
      <GraphPanel />
      {app && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={read}
            disabled={state.kind === "busy"}
            aria-busy={state.kind === "busy"}
          >
            {state.kind === "busy" ? t.logs.reading : t.logs.read(app.displayName)}
          </button>
        </div>
      )}
      <div role="status">
        {state.kind === "done" && state.note && <p className="hint">{state.note}</p>}
        {state.kind === "failed" && <p className="field-error">{state.message}</p>}
      </div>
    </div>
  );
}
