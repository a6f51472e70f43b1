import { flows } from "virtual:flows";
import type { BuiltFlow } from "../../engine/built-flow";

/** The flows built into the app. No XState here: the catalogue needs only the data. */
const byId = new Map(flows.map((flow) => [flow.id, flow]));

export const allFlows: readonly BuiltFlow[] = flows;

export function findFlow(id: string | undefined): BuiltFlow | undefined {
  return id === undefined ? undefined : byId.get(id);
}

export function stepOf(flow: BuiltFlow, stepId: string) {
  return flow.steps.find((s) => s.id === stepId);
}
