// Types for `import { flows } from "virtual:flows"` (tsconfig "paths"); the flows plugin
// (src/build/flows-plugin.ts) produces the module itself at build time.
import type { BuiltFlow } from "../../engine/built-flow.ts";

export declare const flows: BuiltFlow[];
