import * as z from "zod/mini";
import type { Packed, ShareLinkProblem } from "./share-format.ts";

/**
 * Reading a share link's payload: base64url, JSON, then its zod schema,
 * discriminated on the version `v` (an older version would get a member of its
 * own and a step up to the current one). A chunk of its own, loaded only when
 * a page opens with a link; it imports nothing of the walk (types aside), so
 * the walk stays one chunk.
 */
const text = z.string().check(z.minLength(1), z.maxLength(500));
const packed = z.union([z.tuple([text, z.string()]), z.tuple([text, z.string(), z.string()])]);
const fields = { f: text, h: text, d: z.array(packed) };

/** Any version: what every link has, so a well-formed link of another version is told apart from junk. */
const Envelope = z.object({ v: z.number(), ...fields });
/** Version 1 is what `encodeShare` writes (LINK_FORMAT); the round-trip tests hold the two together. */
const Payload = z.discriminatedUnion("v", [z.object({ v: z.literal(1), ...fields })]);

export type ReadPayload =
  | { ok: true; flowId: string; fingerprint: string; decisions: Packed[] }
  | {
      ok: false;
      problem: Extract<ShareLinkProblem, "not-base64" | "not-json" | "wrong-shape" | "unsupported-version">;
    };

/** The payload of a link's `?s=`, as written by `encodeShare`; what it means for a flow is share-link.ts's to judge. */
export function readSharePayload(param: string): ReadPayload {
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
  return { ok: true, flowId: payload.data.f, fingerprint: payload.data.h, decisions: payload.data.d as Packed[] };
}

function fromBase64Url(param: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(param)) throw new Error("not base64url");
  const binary = atob(param.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}
