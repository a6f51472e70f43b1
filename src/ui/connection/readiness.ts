import { type CheckEntry, entryOf, isCheckName } from "../../checks/catalog.ts";
import { checkGraphRoot } from "../../checks/graph-root.ts";
import type { GraphSession } from "../graph/graph-session.ts";
import { checkMessages } from "../messages/check.ts";
import { graphPanelMessages } from "../messages/graph-panel.ts";
import type { ConnectionSettings, DemoTenantAccess } from "./connection-context.tsx";

/**
 * Why a check cannot run now, as one sentence, derived from its catalogue
 * entry (what it needs), or undefined when it can. It loads with the check
 * step that asks.
 */

/** A check's parameters as the wizard supplies them: by parameter name, the input's label and value. */
export type CheckParamInputs = Readonly<Record<string, { label: string; value: string | undefined }>>;

/** What a check needs, from its catalogue entry; a name the catalogue does not know is held to the usual needs. */
function needsOf(check: string): Pick<CheckEntry, "needs" | "params" | "system"> {
  return isCheckName(check)
    ? entryOf(check)
    : { needs: { token: true, previousToken: false }, params: {}, system: "scim" };
}

export function blockerOf(
  s: ConnectionSettings,
  demo: DemoTenantAccess | undefined,
  check: string,
  inputs: CheckParamInputs,
  graph: GraphSession,
): string | undefined {
  const { needs, params, system } = needsOf(check);
  // Inputs only go missing when a shared link left a personal answer out: say so first, whatever the connection.
  const missing = Object.keys(params).filter((p) => !inputs[p]?.value);
  if (missing.length > 0)
    return checkMessages.readiness.missingInputs(missing.map((p) => inputs[p]?.label ?? params[p].label));
  if (system === "graph") return graphBlocker(s, demo, graph);
  const blockers = checkMessages.readiness.blockers;
  if (s.mode === "demo") return demo ? undefined : blockers.demoOff;
  if (!s.baseUrl.trim()) return blockers.noBaseUrl;
  if (needs.token && !s.token) return blockers.noToken;
  if (needs.previousToken && !s.previousToken) return blockers.noPreviousToken;
  return undefined;
}

/** A Graph check needs a token (the demo's, or the admin's from a sign-in or a paste) and the application. */
function graphBlocker(s: ConnectionSettings, demo: DemoTenantAccess | undefined, graph: GraphSession) {
  const blockers = graphPanelMessages.readiness;
  if (s.mode === "demo") {
    if (!demo) return blockers.demoOff;
    return graph.app.demo ? undefined : blockers.noApp;
  }
  if (!graph.source) return blockers.noToken;
  if (!checkGraphRoot(graph.root).ok) return blockers.badRoot;
  return graph.app.endpoint ? undefined : blockers.noApp;
}
