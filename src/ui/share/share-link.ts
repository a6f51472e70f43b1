import type { BuiltFlow } from "../../engine/built-flow";
import type { FlowMachine } from "../../engine/compile";
import { personalInputSteps } from "../../engine/graph";
import type { Decision } from "../../engine/session";
import { decisionSpec } from "../../engine/step-kinds";
import { settled, type Tracked, tracked } from "../tracked-promise";
import { flowFingerprint } from "./fingerprint";

/**
 * The share link: the wizard route plus `?s=<base64url JSON>` holding the
 * decision list. Personal inputs are left out unless the admin agrees; check
 * evidence never travels. Reading one back (share-payload.ts) rejects anything
 * odd with a reason, never half-applied.
 */
export const SHARE_PARAM = "s";
export const LINK_FORMAT = 1;
/** Far above any real walk (a few hundred bytes), far below what could hurt. */
export const MAX_SHARE_LENGTH = 4096;

/** A decision as it travels: `[step, code, value?]`, the code and value from the step-kind table. */
export type Packed = [step: string, code: string, value?: string];

export type ShareLinkProblem =
  | "too-long"
  | "not-base64"
  | "not-json"
  | "wrong-shape"
  | "unsupported-version"
  | "other-flow"
  | "outdated"
  | "does-not-fit";

export type DecodedShare =
  | { ok: true; decisions: Decision[] }
  | { ok: false; problem: ShareLinkProblem; detail?: string };

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

type PayloadModule = typeof import("./share-payload");
let payloadModule: PayloadModule | undefined;
let payloadLoading: Promise<PayloadModule> | undefined;

/**
 * Reads a link's `?s=` for `readTracked()`. The reader (and its zod schema) is
 * a chunk of its own, fetched only when a page opens with a link; once here
 * it answers at once. A reader that does not arrive is a link that cannot be
 * opened, with the next link trying again.
 */
export function openShareLink(flow: BuiltFlow, machine: FlowMachine, param: string): Tracked<DecodedShare> {
  if (payloadModule) return settled(payloadModule.decodeShare(flow, machine, param));
  payloadLoading ??= import("./share-payload").then((m) => (payloadModule = m));
  return tracked(
    payloadLoading.then(
      (m) => m.decodeShare(flow, machine, param),
      (): DecodedShare => {
        payloadLoading = undefined;
        return { ok: false, problem: "not-json" };
      },
    ),
  );
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
