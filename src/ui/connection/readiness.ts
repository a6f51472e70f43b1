import { type CheckEntry, entryOf, isCheckName } from "../../checks/catalog.ts";
import { checkMessages } from "../messages/check.ts";
import type { ConnectionSettings, DemoTenantAccess } from "./connection-context.tsx";

/**
 * Why a check cannot run now, as one sentence, derived from its catalogue
 * entry (what it needs), or undefined when it can. It loads with the check
 * step that asks.
 */

/** A check's parameters as the wizard supplies them: by parameter name, the input's label and value. */
export type CheckParamInputs = Readonly<Record<string, { label: string; value: string | undefined }>>;

/** What a check needs, from its catalogue entry; a name the catalogue does not know is held to the usual needs. */
function needsOf(check: string): Pick<CheckEntry, "needs" | "params"> {
  return isCheckName(check) ? entryOf(check) : { needs: { token: true, previousToken: false }, params: {} };
}

export function blockerOf(
  s: ConnectionSettings,
  demo: DemoTenantAccess | undefined,
  check: string,
  inputs: CheckParamInputs,
): string | undefined {
  const { needs, params } = needsOf(check);
  // Inputs only go missing when a shared link left a personal answer out: say so first, whatever the connection.
  const missing = Object.keys(params).filter((p) => !inputs[p]?.value);
  if (missing.length > 0)
    return checkMessages.readiness.missingInputs(missing.map((p) => inputs[p]?.label ?? params[p].label));
  const blockers = checkMessages.readiness.blockers;
  if (s.mode === "demo") return demo ? undefined : blockers.demoOff;
  if (!s.baseUrl.trim()) return blockers.noBaseUrl;
  if (needs.token && !s.token) return blockers.noToken;
  if (needs.previousToken && !s.previousToken) return blockers.noPreviousToken;
  return undefined;
}
