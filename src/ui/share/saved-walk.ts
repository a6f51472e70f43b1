import type { BuiltFlow } from "../../engine/built-flow.ts";
import type { FlowMachine } from "../../engine/compile.ts";
import { type Decision, replay } from "../../engine/session.ts";
import { FlowLoadError } from "../flows/flow-load-error.ts";
import { onForgetFailed, settled, type Tracked, thenTracked, tracked } from "../tracked-promise.ts";
import { flowFingerprint } from "./fingerprint.ts";
import { savedWalkKey as key } from "./walk-keys.ts";

/**
 * Reload keeps progress: the decision list, per flow, in sessionStorage (this
 * tab only). Decisions hold choices, inputs and check outcomes; a token is
 * never part of them. A saved list that no longer fits is dropped.
 */
export function saveWalk(flow: BuiltFlow, decisions: readonly Decision[]): void {
  try {
    if (decisions.length === 0) sessionStorage.removeItem(key(flow.id));
    else sessionStorage.setItem(key(flow.id), JSON.stringify({ h: flowFingerprint(flow), decisions }));
  } catch {
    // Storage may be full or disabled (private mode): progress then lasts until reload.
  }
}

type SchemaModule = typeof import("./saved-walk-schema.ts");
let schemaModule: SchemaModule | undefined;
let schemaLoading: Tracked<SchemaModule> | undefined;
// A schema chunk that did not arrive stays cached until the page has said so (see flow-loader.ts).
onForgetFailed(() => {
  if (schemaLoading?.status === "rejected") schemaLoading = undefined;
});

/**
 * The walk saved in this tab for `flow`, for `readTracked()`. Nothing saved (the
 * common case) settles at once and loads no schema; a saved value waits for
 * the schema module (zod, a chunk of its own) the first time, and at once
 * after that. Whatever does not validate, fit the flow or replay is dropped.
 */
export function loadWalk(flow: BuiltFlow, machine: FlowMachine): Tracked<Decision[]> {
  let raw: string | null;
  try {
    raw = sessionStorage.getItem(key(flow.id));
  } catch {
    return settled([]); // unreadable storage is the same as none
  }
  if (!raw) return settled([]);
  const saved = raw;
  const check = (m: SchemaModule): Decision[] => {
    const decisions = m.readSavedWalk(saved, flowFingerprint(flow));
    if (decisions && replay(machine, decisions).ok) return decisions;
    saveWalk(flow, []);
    return [];
  };
  if (schemaModule) return settled(check(schemaModule));
  // A schema chunk that does not arrive is the guide's page failing to load (Try again), never an
  // empty walk: that would overwrite the walk saved in this tab.
  schemaLoading ??= tracked(
    import("./saved-walk-schema.ts").then(
      (m) => (schemaModule = m),
      () => Promise.reject(new FlowLoadError(flow.id)),
    ),
  );
  schemaLoading.catch(() => {}); // the page reports it
  return thenTracked(schemaLoading, check);
}
