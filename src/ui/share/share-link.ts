import type { BuiltFlow } from "../../engine/built-flow.ts";
import type { FlowMachine } from "../../engine/compile.ts";
import { personalInputSteps } from "../../engine/graph.ts";
import { type Decision, replay } from "../../engine/session.ts";
import { DECISION_KINDS, decisionSpec } from "../../engine/step-kinds.ts";
import { flowFingerprint } from "./fingerprint.ts";
import type { DecodedShare, Packed } from "./share-format.ts";
import { SHARE_PARAM } from "./walk-keys.ts";

/**
 * The share link: the wizard route plus `?s=<base64url JSON>` holding the
 * decision list. Personal inputs are left out unless the admin agrees; check
 * evidence never travels. Reading one back rejects anything odd with a reason,
 * never half-applied.
 */
export { SHARE_PARAM };
export const LINK_FORMAT = 1;
/** Far above any real walk (a few hundred bytes), far below what could hurt. */
export const MAX_SHARE_LENGTH = 4096;

export function encodeShare(flow: BuiltFlow, decisions: readonly Decision[], includeAnswers: boolean): string {
  const personal = personalInputSteps(flow);
  const pack = (d: Decision): Packed => {
    const spec = decisionSpec(d.kind);
    const value = d.kind === "input" && personal.has(d.step) && !includeAnswers ? undefined : spec.value(d);
    return value === undefined ? [d.step, spec.code] : [d.step, spec.code, value];
  };
  const packed = decisions.map(pack);
  const payload = { v: LINK_FORMAT, f: flow.id, h: flowFingerprint(flow), d: packed };
  return toBase64Url(JSON.stringify(payload));
}

export function shareUrl(origin: string, flow: BuiltFlow, decisions: readonly Decision[], includeAnswers: boolean) {
  return `${origin}/flows/${flow.id}?${SHARE_PARAM}=${encodeShare(flow, decisions, includeAnswers)}`;
}

export type PayloadReader = typeof import("./share-payload.ts").readSharePayload;

/**
 * A link's `?s=` as a walk of `flow`, all or nothing: the payload read by
 * `read` (share-payload.ts), then its flow, its fingerprint, each decision by
 * its code (the step-kind table) and a replay through the machine.
 */
export function decodeShare(flow: BuiltFlow, machine: FlowMachine, param: string, read: PayloadReader): DecodedShare {
  if (param.length > MAX_SHARE_LENGTH) return { ok: false, problem: "too-long" };
  const payload = read(param);
  if (!payload.ok) return payload;
  if (payload.flowId !== flow.id) return { ok: false, problem: "other-flow", detail: payload.flowId };
  if (payload.fingerprint !== flowFingerprint(flow)) return { ok: false, problem: "outdated" };
  const decisions = unpackDecisions(payload.decisions);
  if (!decisions) return { ok: false, problem: "wrong-shape" };
  const replayed = replay(machine, decisions);
  if (!replayed.ok) return { ok: false, problem: "does-not-fit", detail: replayed.reason };
  return { ok: true, decisions };
}

/** Decision kind by its one-letter code in a link (n, c, i, k, m), from the step-kind table. */
const BY_CODE = new Map(Object.values(DECISION_KINDS).map((spec) => [spec.code, spec]));

/** A link's packed decisions, each by its code; undefined when any does not fit its kind. */
export function unpackDecisions(packed: readonly Packed[]): Decision[] | undefined {
  const decisions = packed.map(
    ([step, code, value]) => BY_CODE.get(code)?.fromValue(step, value) as Decision | undefined,
  );
  return decisions.some((d) => d === undefined) ? undefined : (decisions as Decision[]);
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
