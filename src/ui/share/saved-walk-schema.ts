import * as z from "zod/mini";
import type { Decision } from "../../engine/session.ts";
import { decisionSchema } from "./decision-schema.ts";

/**
 * The saved walk, `{ h, decisions }` (see saved-walk.ts), with the check
 * results in full: the restored step renders them (title, advice, evidence),
 * so a tampered one must not reach the page.
 */
const Evidence = z.looseObject({
  method: z.string(),
  path: z.string(),
  authorization: z.enum(["Bearer ••••", "none"]),
  status: z.optional(z.number()),
  elapsedMs: z.number(),
  contentType: z.optional(z.string()),
  scimType: z.optional(z.string()),
  detail: z.optional(z.string()),
  bodySummary: z.optional(z.string()),
  note: z.optional(z.string()),
});

/** A check result in full, as the walk kept it (also in a summary's walk record, see walk-record.ts). */
export const CheckResultSchema = z.looseObject({
  check: z.string(),
  outcome: z.string(),
  passed: z.boolean(),
  title: z.string(),
  explanation: z.string(),
  advice: z.string(),
  evidence: z.array(Evidence),
});

export const SavedWalkSchema = z.object({
  /** The flow's fingerprint when the walk was saved. */
  h: z.string(),
  decisions: z.array(decisionSchema(CheckResultSchema)),
});

/** The saved decisions when `raw` is a saved walk of a flow with fingerprint `fingerprint`. */
export function readSavedWalk(raw: string, fingerprint: string): Decision[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = SavedWalkSchema.safeParse(data);
  return parsed.success && parsed.data.h === fingerprint ? parsed.data.decisions : undefined;
}
