import { mapLoaders } from "virtual:map-loaders";
import type { FlowMapLayout } from "../../engine/flow-map.ts";
import { FlowLoadError } from "../flows/flow-load-error.ts";
import { onForgetFailed, readTracked, settled, type Tracked, tracked } from "../tracked-promise.ts";

/** Each flow's map coordinates, one chunk per flow, fetched when a map is first shown (as flows are). */
const loaded = new Map<string, Tracked<FlowMapLayout | undefined>>();
const noMap = settled(undefined);

export function loadMap(flowId: string): Tracked<FlowMapLayout | undefined> {
  if (!Object.hasOwn(mapLoaders, flowId)) return noMap;
  let map = loaded.get(flowId);
  if (!map) {
    map = tracked(
      mapLoaders[flowId]().then(
        (m) => m.layout,
        () => Promise.reject(new FlowLoadError(flowId)),
      ),
    );
    map.catch(() => {}); // MapFigure's own error boundary reports it
    loaded.set(flowId, map);
  }
  return map;
}

onForgetFailed(() => {
  for (const [id, map] of loaded) if (map.status === "rejected") loaded.delete(id);
});

export const useMapLayout = (flowId: string) => readTracked(loadMap(flowId));
