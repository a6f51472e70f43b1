// Types for `import { summaries } from "virtual:flow-summaries"` (see src/build/flows-plugin.ts).
import type { FlowSummary } from "../../engine/built-flow.ts";

export declare const summaries: FlowSummary[];
