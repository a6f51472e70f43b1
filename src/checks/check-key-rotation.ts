/**
 * key-rotation: after "Regenerate API key", the old key must get 401 and the
 * new one 200. Both are always tried, because "old still works" and "new is
 * rejected" call for different fixes.
 */
import type { RequestFailureCode } from "./catalog.ts";
import { keyComparisonPlan, probeWith } from "./check-probes.ts";
import { expectList, type Failure } from "./classify.ts";
import type { CheckImpl } from "./context.ts";
import type { Exchange } from "./http.ts";

type Answer = "accepted" | "rejected" | Failure<RequestFailureCode>;

function answer(ex: Exchange): Answer {
  if (ex.kind === "response" && ex.status === 401) return "rejected";
  const r = expectList(ex, false);
  return "failure" in r ? r.failure : "accepted";
}

export const keyRotation: CheckImpl<"key-rotation"> = {
  plan: (base) => keyComparisonPlan(base, "previous"),
  async run(ctx) {
    const oldEx = await probeWith(ctx, "previous", "Sent with the old (previous) key.");
    const oldAnswer = answer(oldEx);
    if (typeof oldAnswer === "object") return { ...oldAnswer, evidence: [oldEx.evidence] };
    const newEx = await probeWith(ctx, "token", "Sent with the new key.");
    const evidence = [oldEx.evidence, newEx.evidence];
    const newAnswer = answer(newEx);
    if (typeof newAnswer === "object") return { ...newAnswer, evidence };
    const same = ctx.target.previousToken === ctx.target.token ? " The old and the new key you gave are the same." : "";
    if (newAnswer === "rejected" && oldAnswer === "rejected") {
      return {
        outcome: "unauthorized",
        explanation: `Both the old and the new key got 401: neither is the workspace's current key (was it regenerated again?).${same}`,
        evidence,
      };
    }
    if (newAnswer === "rejected") {
      return {
        outcome: "new-key-rejected",
        explanation: "The new key got 401 while the old key still works: the workspace did not switch to the new key.",
        evidence,
      };
    }
    if (oldAnswer === "accepted") {
      return {
        outcome: "old-key-still-valid",
        explanation: `The old key is still accepted next to the new one, so anyone holding it still has access.${same}`,
        evidence,
      };
    }
    return {
      outcome: "pass",
      explanation: "The old key gets 401 and the new key 200: the rotation is complete.",
      evidence,
    };
  },
};
