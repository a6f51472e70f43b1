import { flows } from "virtual:flows";
import type { BuiltFlow } from "../../engine/built-flow.ts";

/** Every flow, whole, at once: for the search index (a lazy chunk) and for tests. Pages load one flow each (flow-loader.ts). */
export const allFlows: readonly BuiltFlow[] = flows;
