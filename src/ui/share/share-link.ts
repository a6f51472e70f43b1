import type { BuiltFlow } from "../../engine/built-flow";
import type { FlowMachine } from "../../engine/compile";
import { personalInputSteps } from "../../engine/graph";
import { type Decision, replay } from "../../engine/session";
import { DECISION_KINDS, decisionSpec } from "../../engine/step-kinds";
import { flowFingerprint } from "./fingerprint";

/**
 * The share link: the wizard route plus `?s=<base64url JSON>` holding the
 * decision list. Personal inputs are left out unless the admin agrees; check
 * evidence never travels. Anything odd is rejected with a reason, never
 * half-applied.
 */
export const SHARE_PARAM = "s";
export const LINK_FORMAT = 1;
/** Far above any real walk (a few hundred bytes), far below what could hurt. */
export const MAX_SHARE_LENGTH = 4096;

type Packed = [step: string, code: string, value?: string];
interface Payload {
  v: number;
  f: string;
  h: string;
  d: Packed[];
}

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
  const payload: Payload = { v: LINK_FORMAT, f: flow.id, h: flowFingerprint(flow), d: packed };
  return toBase64Url(JSON.stringify(payload));
}

export function shareUrl(origin: string, flow: BuiltFlow, decisions: readonly Decision[], includeAnswers: boolean) {
  return `${origin}/flows/${flow.id}?${SHARE_PARAM}=${encodeShare(flow, decisions, includeAnswers)}`;
}

export function decodeShare(flow: BuiltFlow, machine: FlowMachine, param: string): DecodedShare {
  if (param.length > MAX_SHARE_LENGTH) return { ok: false, problem: "too-long" };
  let text: string;
  try {
    text = fromBase64Url(param);
  } catch {
    return { ok: false, problem: "not-base64" };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: "not-json" };
  }
  if (!isPayload(data)) return { ok: false, problem: "wrong-shape" };
  if (data.v !== LINK_FORMAT) return { ok: false, problem: "unsupported-version" };
  if (data.f !== flow.id) return { ok: false, problem: "other-flow", detail: data.f };
  if (data.h !== flowFingerprint(flow)) return { ok: false, problem: "outdated" };
  const decisions = data.d.map(unpack);
  if (decisions.some((d) => d === undefined)) return { ok: false, problem: "wrong-shape" };
  const replayed = replay(machine, decisions as Decision[]);
  if (!replayed.ok) return { ok: false, problem: "does-not-fit", detail: replayed.reason };
  return { ok: true, decisions: decisions as Decision[] };
}

/** Decision kind by its one-letter code in a link (n, c, i, k, m), from the step-kind table. */
const BY_CODE = new Map(Object.values(DECISION_KINDS).map((spec) => [spec.code, spec]));

function unpack([step, code, value]: Packed): Decision | undefined {
  return BY_CODE.get(code)?.fromValue(step, value) as Decision | undefined;
}

const isString = (x: unknown): x is string => typeof x === "string" && x.length > 0 && x.length <= 500;

function isPayload(data: unknown): data is Payload {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return false;
  const { v, f, h, d } = data as Record<string, unknown>;
  if (typeof v !== "number" || !isString(f) || !isString(h) || !Array.isArray(d)) return false;
  return d.every(
    (item) =>
      Array.isArray(item) &&
      (item.length === 2 || item.length === 3) &&
      isString(item[0]) &&
      typeof item[1] === "string" &&
      (item.length === 2 || typeof item[2] === "string"),
  );
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(param: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(param)) throw new Error("not base64url");
  const binary = atob(param.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}
