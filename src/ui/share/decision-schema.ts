import * as z from "zod/mini";
import type { Decision } from "../../engine/session.ts";

/**
 * A walk's decisions as they come back from this tab's storage (the saved
 * walk; a share link travels packed, see share-payload.ts): zod/mini, because
 * even this small schema is loaded only when there is something to read.
 */
const step = z.string();

/** What a check decision carries: its outcome, and whatever else the caller's `result` schema asks for. */
export function decisionSchema<R extends z.ZodMiniType<{ outcome: string }>>(result: R) {
  return z.discriminatedUnion("kind", [
    z.object({ step, kind: z.literal("next") }),
    z.object({ step, kind: z.literal("choice"), choice: z.string() }),
    /** `value` is absent when it was personal and left out of a shared link. */
    z.object({ step, kind: z.literal("input"), value: z.optional(z.string()) }),
    z.object({ step, kind: z.literal("check"), outcome: z.string(), result: z.optional(result) }),
    z.object({ step, kind: z.literal("manual") }),
  ]);
}

/** A check result as the machine keeps it: an outcome, the rest passed through. */
const CheckResultLikeSchema = z.looseObject({ outcome: z.string() });
const DecisionSchema = decisionSchema(CheckResultLikeSchema);

// What the schema accepts is an engine Decision: this fails to compile when the two part.
type Fits<T extends Decision> = T;
export type ParsedDecision = Fits<z.infer<typeof DecisionSchema>>;
