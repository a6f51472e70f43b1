import { loaders } from "virtual:flow-loaders";
import { summaries } from "virtual:flow-summaries";
import { useEffect, useState } from "react";
import type { BuiltFlow, FlowSummary } from "../../engine/built-flow";

/**
 * What the app needs of the flows: every summary at once (small), and each
 * whole flow as its own chunk, fetched when a page needs it.
 */
type Tracked<T> = Promise<T> & { status?: "pending" | "fulfilled" | "rejected"; value?: T; reason?: unknown };

/** Marks a promise with its outcome, so a flow that has loaded renders at once. */
function tracked<T>(promise: Promise<T>): Tracked<T> {
  const t = promise as Tracked<T>;
  t.status = "pending";
  t.then(
    (value) => Object.assign(t, { status: "fulfilled", value }),
    (reason) => Object.assign(t, { status: "rejected", reason }),
  );
  return t;
}

const loaded = new Map<string, Tracked<BuiltFlow | undefined>>();
const noFlow: Tracked<undefined> = Object.assign(Promise.resolve(undefined), {
  status: "fulfilled" as const,
  value: undefined,
});

export const flowSummaries: readonly FlowSummary[] = summaries;

export function findSummary(id: string | undefined): FlowSummary | undefined {
  return summaries.find((s) => s.id === id);
}

/** Starts (once) fetching a flow; unknown ids resolve to undefined. */
export function loadFlow(id: string | undefined): Tracked<BuiltFlow | undefined> {
  const load = id !== undefined && Object.hasOwn(loaders, id) ? loaders[id] : undefined;
  if (!load || id === undefined) return noFlow;
  let flow = loaded.get(id);
  if (!flow) {
    flow = tracked(load().then((m) => m.flow));
    loaded.set(id, flow);
    // A failed fetch is not cached: the next visit (or a retry) asks again.
    flow.catch(() => loaded.delete(id));
  }
  return flow;
}

export type FlowState =
  | { loading: true }
  | { loading: false; failed: true }
  | { loading: false; failed?: false; flow: BuiltFlow | undefined };

const stateOf = (promise: Tracked<BuiltFlow | undefined>): FlowState => {
  if (promise.status === "fulfilled") return { loading: false, flow: promise.value };
  if (promise.status === "rejected") return { loading: false, failed: true };
  return { loading: true };
};

/**
 * The flow for a page: at once when its chunk is already here (the common
 * case: preload.ts asks for it early), else after a loading state; `failed`
 * when its chunk could not be fetched (offline, or a redeploy renamed it).
 * Plain state and an effect rather than `use()`, which is fragile under
 * StrictMode double renders. The state carries its id, so a change of id
 * never shows the previous flow for a render.
 */
export function useFlow(id: string | undefined): FlowState {
  const [state, setState] = useState(() => ({ id, value: stateOf(loadFlow(id)) }));
  useEffect(() => {
    let current = true;
    const promise = loadFlow(id);
    setState({ id, value: stateOf(promise) });
    promise.then(
      (flow) => current && setState({ id, value: { loading: false, flow } }),
      () => current && setState({ id, value: { loading: false, failed: true } }),
    );
    return () => {
      current = false;
    };
  }, [id]);
  return state.id === id ? state.value : stateOf(loadFlow(id));
}
