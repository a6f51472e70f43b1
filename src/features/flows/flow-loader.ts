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
  }
  return flow;
}

export type FlowState = { loading: true } | { loading: false; flow: BuiltFlow | undefined };

const stateOf = (promise: Tracked<BuiltFlow | undefined>): FlowState =>
  promise.status === "fulfilled" ? { loading: false, flow: promise.value } : { loading: true };

/**
 * The flow for a page: at once when its chunk is already here (the common
 * case: main.tsx preloads it), else after a loading state. Plain state and an
 * effect rather than `use()`, which is fragile under StrictMode double renders.
 */
export function useFlow(id: string | undefined): FlowState {
  const [state, setState] = useState(() => stateOf(loadFlow(id)));
  useEffect(() => {
    let current = true;
    const promise = loadFlow(id);
    setState(stateOf(promise));
    promise.then((flow) => current && setState({ loading: false, flow }));
    return () => {
      current = false;
    };
  }, [id]);
  return state;
}
