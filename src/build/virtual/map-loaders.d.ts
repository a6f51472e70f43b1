// Types for `import { mapLoaders } from "virtual:map-loaders"` (see src/build/flow-maps-plugin.ts):
// one lazy chunk of map coordinates per flow, loaded only when a map is shown.
import type { FlowMapLayout } from "../../engine/flow-map.ts";

export declare const mapLoaders: Record<string, () => Promise<{ layout: FlowMapLayout }>>;
