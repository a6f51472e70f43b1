import * as z from "zod/mini";
import type { Decision } from "../../engine/session.ts";
import { decisionSchema } from "./decision-schema.ts";
import { fnv1a } from "./fingerprint.ts";
import { CheckResultSchema } from "./saved-walk-schema.ts";
import type { ShareLinkProblem } from "./share-format.ts";
import { MAX_SHARE_LENGTH, SHARE_PARAM, unpackDecisions } from "./share-link.ts";
import { readSharePayload } from "./share-payload.ts";
import { RECORD_FENCE, RECORD_FORMAT } from "./walk-record.ts";

/**
 * What support pastes into /review: a share link, or a summary with its walk
 * record (walk-record.ts). Read all or nothing, within a size cap, each refusal
 * with its reason; what the walk means for its flow is review-walk.ts's to judge.
 */
export type PastedProblem =
  | ShareLinkProblem
  | "empty"
  | "too-big"
  | "not-recognised"
  | "no-record"
  | "changed"
  | "record-unreadable";

export interface PastedWalk {
  source: "link" | "summary";
  flowId: string;
  fingerprint: string;
  decisions: Decision[];
  /** When each decision was made (ms since 1970), null when unknown: a link carries no times. */
  times: (number | null)[];
}

export type ReadPasted = { ok: true; walk: PastedWalk } | { ok: false; problem: PastedProblem; detail?: string };

/** A summary is a few KB; its evidence can make it a few dozen. Far above that is not one. */
export const MAX_PASTED_LENGTH = 256 * 1024;

const Record = z.object({
  f: z.string().check(z.minLength(1), z.maxLength(200)),
  h: z.string().check(z.minLength(1), z.maxLength(200)),
  d: z.array(decisionSchema(CheckResultSchema)).check(z.maxLength(1000)),
  // A time JavaScript can show: whole milliseconds within Date's range.
  t: z.array(z.nullable(z.int().check(z.gte(0), z.lte(8.64e15)))),
});

/** The record ends the summary: the one block at its very end, so that no text above it can pose as one. */
const FENCE = new RegExp("(?:^|\\n)```" + `${RECORD_FENCE} (\\d+) ([a-z0-9]+)\\n([^\\n]*)\\n` + "```\\s*$");

export function readPasted(pasted: string): ReadPasted {
  const text = pasted.trim();
  if (!text) return { ok: false, problem: "empty" };
  if (text.length > MAX_PASTED_LENGTH) return { ok: false, problem: "too-big" };
  if (text.includes("```" + RECORD_FENCE)) return readSummary(text);
  return readLink(text);
}

function readLink(text: string): ReadPasted {
  let url: URL;
  try {
    url = new URL(text, "https://review.invalid");
  } catch {
    return { ok: false, problem: "not-recognised" };
  }
  const param = url.searchParams.get(SHARE_PARAM);
  const flowInPath = /^\/(?:flows|embed)\/([a-z0-9-]+)\/?$/.exec(url.pathname)?.[1];
  // A summary's first line is its "# " heading: one without its record was cut short.
  if (param === null) return { ok: false, problem: text.startsWith("# ") ? "no-record" : "not-recognised" };
  if (param.length > MAX_SHARE_LENGTH) return { ok: false, problem: "too-long" };
  const payload = readSharePayload(param);
  if (!payload.ok) return payload;
  if (flowInPath && flowInPath !== payload.flowId) return { ok: false, problem: "other-flow", detail: payload.flowId };
  const decisions = unpackDecisions(payload.decisions);
  if (!decisions) return { ok: false, problem: "wrong-shape" };
  const walk = { source: "link" as const, flowId: payload.flowId, fingerprint: payload.fingerprint, decisions };
  return { ok: true, walk: { ...walk, times: decisions.map(() => null) } };
}

function readSummary(text: string): ReadPasted {
  if (text.split("```" + RECORD_FENCE).length > 2) return { ok: false, problem: "changed" };
  const block = FENCE.exec(text.replace(/\r\n/g, "\n"));
  if (!block) return { ok: false, problem: "record-unreadable" };
  const [, format, sum, json] = block;
  if (Number(format) !== RECORD_FORMAT) return { ok: false, problem: "unsupported-version" };
  if (fnv1a(json) !== sum) return { ok: false, problem: "changed" };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, problem: "record-unreadable" };
  }
  const record = Record.safeParse(data);
  if (!record.success || record.data.t.length !== record.data.d.length) return { ok: false, problem: "wrong-shape" };
  const { f, h, d, t } = record.data;
  return { ok: true, walk: { source: "summary", flowId: f, fingerprint: h, decisions: d, times: t } };
}
