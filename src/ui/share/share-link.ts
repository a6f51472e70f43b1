import { createElement } from "react";
import type { BuiltFlow } from "../../engine/built-flow.ts";
import type { FlowMachine } from "../../engine/compile.ts";
import { personalInputSteps } from "../../engine/graph.ts";
import { type Decision, replay } from "../../engine/session.ts";
import { DECISION_KINDS, decisionSpec } from "../../engine/step-kinds.ts";
import { FlowLoadError } from "../flows/flow-load-error.ts";
import { onForgetFailed, settled, type Tracked, thenTracked, tracked } from "../tracked-promise.ts";
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
let reader: PayloadReader | undefined;
let readerLoading: Tracked<PayloadReader> | undefined;
// A reader that did not arrive stays cached until the page has said so (see flow-loader.ts).
onForgetFailed(() => {
  if (readerLoading?.status === "rejected") readerLoading = undefined;
});
type BadLinkPage = typeof import("./bad-link.tsx").BadLink;
let badLinkPage: BadLinkPage | undefined;

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

/** The page for a link `openShareLink` refused: loaded with the link's reader, so it is here by then. */
export function BadLinkView(props: Parameters<BadLinkPage>[0]) {
  if (!badLinkPage) throw new Error("BadLinkView before openShareLink settled");
  return createElement(badLinkPage, props);
}

/**
 * `decodeShare` for `readTracked()`. The payload reader (and its zod schema) is
 * a chunk of its own, fetched only when a page opens with a link; once here it
 * answers at once. A reader that does not arrive is the guide's page failing
 * to load (Try again), never a verdict on the link.
 */
export function openShareLink(flow: BuiltFlow, machine: FlowMachine, param: string): Tracked<DecodedShare> {
  if (reader) return settled(decodeShare(flow, machine, param, reader));
  // The page for a link that cannot be opened comes along, so that it never has to wait itself.
  readerLoading ??= tracked(
    Promise.all([import("./share-payload.ts"), import("./bad-link.tsx")]).then(
      ([payload, page]) => {
        badLinkPage = page.BadLink;
        reader = payload.readSharePayload;
        return reader;
      },
      () => Promise.reject(new FlowLoadError(flow.id)),
    ),
  );
  readerLoading.catch(() => {}); // the page reports it
  return thenTracked(readerLoading, (read) => decodeShare(flow, machine, param, read));
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
