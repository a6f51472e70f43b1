import { flows } from "virtual:flows";
import type { BuiltFlow } from "../../engine/built-flow";

/** Every flow, whole, at once: for the search index (a lazy chunk) and for tests. Pages load one flow each (flow-loader.ts). */
const byId = new Map(flows.map((flow) => [flow.id, flow]));

export const allFlows: readonly BuiltFlow[] = flows;

export function findFlow(id: string | undefined): BuiltFlow | undefined {
  return id === undefined ? undefined : byId.get(id);
}
