import { loaders } from "virtual:flow-loaders";
import { summaries } from "virtual:flow-summaries";
import type { BuiltFlow, FlowSummary } from "../../engine/built-flow.ts";
import { onForgetFailed, readTracked, settled, type Tracked, tracked } from "../tracked-promise.ts";
import { FlowLoadError } from "./flow-load-error.ts";

/*
 * What the app needs of the flows: every summary at once (small), and each
 * whole flow as its own chunk, fetched when a page needs it and read with
 * `use()` under the page's Suspense boundary.
 */

const loaded = new Map<string, Tracked<BuiltFlow | undefined>>();
const noFlow = settled(undefined);

export const flowSummaries: readonly FlowSummary[] = summaries;

export function findSummary(id: string | undefined): FlowSummary | undefined {
  return summaries.find((s) => s.id === id);
}

/**
 * Starts (once) fetching a flow; unknown ids resolve to undefined. One promise
 * per id, so StrictMode's second render and a remount read the same one.
 */
export function loadFlow(id: string | undefined): Tracked<BuiltFlow | undefined> {
  const load = id !== undefined && Object.hasOwn(loaders, id) ? loaders[id] : undefined;
  if (!load || id === undefined) return noFlow;
  let flow = loaded.get(id);
  if (!flow) {
    flow = tracked(
      load().then(
        (m) => m.flow,
        () => Promise.reject(new FlowLoadError(id)),
      ),
    );
    flow.catch(() => {}); // the page reports it; not an unhandled rejection
    loaded.set(id, flow);
  }
  return flow;
}

/*
 * A failed fetch stays cached until the page has shown it: dropped at once, the
 * re-render after the rejection would start a new fetch and suspend again
 * instead of showing the failure. FlowLoadStatus drops it once shown.
 */
onForgetFailed(() => {
  for (const [id, flow] of loaded) if (flow.status === "rejected") loaded.delete(id);
});

/**
 * The flow for a page: at once when its chunk is already here (the common
 * case: preload.ts asks for it early), else the nearest Suspense boundary
 * shows while it loads; undefined for an unknown id. A chunk that cannot be
 * fetched throws a FlowLoadError to the boundary around the page
 * (`FlowLoadBoundary`), which offers to try again.
 */
export function useFlow(id: string | undefined): BuiltFlow | undefined {
  return readTracked(loadFlow(id));
}
