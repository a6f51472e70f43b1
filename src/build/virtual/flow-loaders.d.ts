// Types for `import { loaders } from "virtual:flow-loaders"` (see src/build/flows-plugin.ts):
// one lazy chunk per flow, so a wizard page downloads only its own flow.
import type { BuiltFlow } from "../../engine/built-flow.ts";

export declare const loaders: Record<string, () => Promise<{ flow: BuiltFlow }>>;
