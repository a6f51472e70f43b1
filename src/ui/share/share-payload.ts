import * as z from "zod/mini";
import type { BuiltFlow } from "../../engine/built-flow";
import type { FlowMachine } from "../../engine/compile";
import { type Decision, replay } from "../../engine/session";
import { DECISION_KINDS } from "../../engine/step-kinds";
import { flowFingerprint } from "./fingerprint";
import { type DecodedShare, LINK_FORMAT, MAX_SHARE_LENGTH, type Packed } from "./share-link";

/**
 * Reading a share link back: base64url, JSON, then the payload's zod schema,
 * discriminated on its version `v` (each older version would get its own
 * member and a step up to the current one). Loaded only when a page opens
 * with a link (share-link.ts `openShareLink`).
 */
const text = z.string().check(z.minLength(1), z.maxLength(500));
const packed = z.union([z.tuple([text, z.string()]), z.tuple([text, z.string(), z.string()])]);
const fields = { f: text, h: text, d: z.array(packed) };

/** Any version: what every link has, so a well-formed link of another version is told apart from junk. */
const Envelope = z.object({ v: z.number(), ...fields });
const Payload = z.discriminatedUnion("v", [z.object({ v: z.literal(LINK_FORMAT), ...fields })]);

/** Decision kind by its one-letter code in a link (n, c, i, k, m), from the step-kind table. */
const BY_CODE = new Map(Object.values(DECISION_KINDS).map((spec) => [spec.code, spec]));

function unpack([step, code, value]: Packed): Decision | undefined {
  return BY_CODE.get(code)?.fromValue(step, value) as Decision | undefined;
}

export function decodeShare(flow: BuiltFlow, machine: FlowMachine, param: string): DecodedShare {
  if (param.length > MAX_SHARE_LENGTH) return { ok: false, problem: "too-long" };
  let json: string;
  try {
    json = fromBase64Url(param);
  } catch {
    return { ok: false, problem: "not-base64" };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, problem: "not-json" };
  }
  if (!Envelope.safeParse(data).success) return { ok: false, problem: "wrong-shape" };
  const payload = Payload.safeParse(data);
  if (!payload.success) return { ok: false, problem: "unsupported-version" };
  const { f, h, d } = payload.data;
  if (f !== flow.id) return { ok: false, problem: "other-flow", detail: f };
  if (h !== flowFingerprint(flow)) return { ok: false, problem: "outdated" };
  const decisions = d.map((p) => unpack(p as Packed));
  if (decisions.some((decision) => decision === undefined)) return { ok: false, problem: "wrong-shape" };
  const replayed = replay(machine, decisions as Decision[]);
  if (!replayed.ok) return { ok: false, problem: "does-not-fit", detail: replayed.reason };
  return { ok: true, decisions: decisions as Decision[] };
}
function fromBase64Url(param: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(param)) throw new Error("not base64url");
  const binary = atob(param.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}
