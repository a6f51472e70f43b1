/**
 * Entra's own probes: "Test connection" (a user by a GUID that cannot exist),
 * the group probe, and the same probe with a made-up key to see that the key is
 * enforced at all.
 */

import type { RequestFailureCode } from "./catalog.ts";
import type { Failure } from "./classify.ts";
import { expectList } from "./classify.ts";
import type { CheckContext, CheckImpl } from "./context.ts";
import type { Exchange } from "./http.ts";
import { groupProbe, type KeyChoice, type RequestSpec, userProbe } from "./scim-urls.ts";

function emptyProbe(ex: Exchange, noun: string): Failure<"pass" | "bad-filter" | RequestFailureCode> {
  const r = expectList(ex);
  if ("failure" in r) return r.failure;
  if (r.list.totalResults !== 0 || r.list.resources.length > 0) {
    return {
      outcome: "bad-filter",
      explanation: `200, but ${r.list.totalResults} ${noun} came back for a random GUID that matches nothing: the endpoint ignored the filter, so Entra's matching cannot work.`,
    };
  }
  return {
    outcome: "pass",
    explanation: "200 with an empty ListResponse (totalResults 0), exactly what Entra expects.",
  };
}

export const testConnection: CheckImpl<"test-connection"> = {
  plan: (base) => [{ method: "GET", url: userProbe(base), key: "token" }],
  async run(ctx) {
    const ex = await ctx.send(userProbe(ctx.base));
    return { ...emptyProbe(ex, "users"), evidence: [ex.evidence] };
  },
};

export const groupsProbe: CheckImpl<"groups-probe"> = {
  plan: (base) => [{ method: "GET", url: groupProbe(base), key: "token" }],
  async run(ctx) {
    const ex = await ctx.send(groupProbe(ctx.base));
    return { ...emptyProbe(ex, "groups"), evidence: [ex.evidence] };
  },
};

/** The user probe with another key first (made-up, or the old one), then with the admin's. */
export function keyComparisonPlan(base: URL, first: KeyChoice): RequestSpec[] {
  return [
    { method: "GET", url: userProbe(base), key: first },
    { method: "GET", url: userProbe(base), key: "token" },
  ];
}

/** Entra's user probe sent with `key`, its evidence saying which key that was. */
export async function probeWith(ctx: CheckContext, key: KeyChoice, note: string): Promise<Exchange> {
  const exchange = await ctx.send(userProbe(ctx.base), key);
  exchange.evidence.note = note;
  return exchange;
}

/**
 * A made-up key must get 401. A 401 alone proves little when every key gets
 * one (a wrong URL behind a gateway does that), so the real key is tried next.
 */
export const authEnforced: CheckImpl<"auth-enforced"> = {
  plan: (base) => keyComparisonPlan(base, "bogus"),
  async run(ctx) {
    const bogus = await probeWith(ctx, "bogus", "Sent with a made-up key.");
    const evidence = [bogus.evidence];
    if (bogus.kind !== "response" || bogus.status !== 401) {
      const r = expectList(bogus, false);
      if ("failure" in r) return { ...r.failure, evidence };
      return {
        outcome: "auth-not-enforced",
        explanation: `${bogus.evidence.status} with a ListResponse to a made-up key: the endpoint does not check the key.`,
        evidence,
      };
    }
    if (!ctx.target.token) {
      return {
        outcome: "pass",
        explanation: "A made-up key got 401 (no key of yours was given to compare).",
        evidence,
      };
    }
    const real = await ctx.send(userProbe(ctx.base), "token");
    evidence.push(real.evidence);
    if (real.kind === "response" && real.status === 401) {
      return {
        outcome: "unauthorized",
        explanation: "Both a made-up key and your key got 401: your key is wrong, so enforcement cannot be judged.",
        evidence,
      };
    }
    const r = expectList(real, false);
    if ("failure" in r) return { ...r.failure, evidence };
    return {
      outcome: "pass",
      explanation: "A made-up key got 401 and your key got 200: the key is enforced.",
      evidence,
    };
  },
};
