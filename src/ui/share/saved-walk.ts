import type { BuiltFlow } from "../../engine/built-flow";
import type { FlowMachine } from "../../engine/compile";
import { type Decision, replay } from "../../engine/session";
import { flowFingerprint } from "./fingerprint";

/**
 * Reload keeps progress: the decision list, per flow, in sessionStorage (this
 * tab only). Decisions hold choices, inputs and check outcomes; a token is
 * never part of them. A saved list that no longer fits is dropped.
 */
const key = (flowId: string) => `scim-troubleshooter:walk:${flowId}`;

export function saveWalk(flow: BuiltFlow, decisions: readonly Decision[]): void {
  try {
    if (decisions.length === 0) sessionStorage.removeItem(key(flow.id));
    else sessionStorage.setItem(key(flow.id), JSON.stringify({ h: flowFingerprint(flow), decisions }));
  } catch {
    // Storage may be full or disabled (private mode): progress then lasts until reload.
  }
}

export function loadWalk(flow: BuiltFlow, machine: FlowMachine): Decision[] {
  try {
    const raw = sessionStorage.getItem(key(flow.id));
    if (!raw) return [];
    const saved = JSON.parse(raw) as { h?: unknown; decisions?: unknown };
    if (saved.h === flowFingerprint(flow) && Array.isArray(saved.decisions)) {
      const decisions = saved.decisions as Decision[];
      if (replay(machine, decisions).ok) return decisions;
    }
    sessionStorage.removeItem(key(flow.id));
  } catch {
    // Unreadable storage is the same as none.
  }
  return [];
}
