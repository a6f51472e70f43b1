/**
 * key-rotation: after "Regenerate API key", the new key must get 200 and the
 * old one 401. The new key goes first (a lockout caused by the old key must not
 * hide the new key's answer); both are always tried, because "old still works"
 * and "new is rejected" call for different fixes. When both work, a made-up key
 * is sent once: if it works too, the endpoint checks no key at all, and
 * regenerating again would not help.
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
    // A usage mistake, told before anything is sent: comparing a key with itself proves nothing.
    if ((ctx.target.previousToken ?? "").trim() === ctx.target.token.trim()) {
      return {
        outcome: "same-key",
        explanation: "The old and the new key you gave are the same value, so nothing was sent.",
        evidence: [],
      };
    }
    const newEx = await probeWith(ctx, "token", "Sent with the new key.");
    const newAnswer = answer(newEx);
    if (typeof newAnswer === "object") return { ...newAnswer, evidence: [newEx.evidence] };
    const oldEx = await probeWith(ctx, "previous", "Sent with the old (previous) key.");
    const evidence = [newEx.evidence, oldEx.evidence];
    const oldAnswer = answer(oldEx);
    if (typeof oldAnswer === "object") return { ...oldAnswer, evidence };
    if (newAnswer === "rejected" && oldAnswer === "rejected") {
      return {
        outcome: "unauthorized",
        explanation:
          "Both the new and the old key got 401: neither is the workspace's current key (was it regenerated again?).",
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
      const bogusEx = await probeWith(ctx, "bogus", "Sent with a made-up key, because both keys worked.");
      evidence.push(bogusEx.evidence);
      const bogusAnswer = answer(bogusEx);
      if (typeof bogusAnswer === "object") return { ...bogusAnswer, evidence };
      if (bogusAnswer === "accepted") {
        return {
          outcome: "auth-not-enforced",
          explanation:
            "The new key, the old key and a made-up key all got 200: the endpoint does not check keys at all.",
          evidence,
        };
      }
      return {
        outcome: "old-key-still-valid",
        explanation:
          "The old key is still accepted next to the new one (a made-up key is refused), so anyone holding the old key still has access.",
        evidence,
      };
    }
    return {
      outcome: "pass",
      explanation: "The new key gets 200 and the old key 401: the rotation is complete.",
      evidence,
    };
  },
};
