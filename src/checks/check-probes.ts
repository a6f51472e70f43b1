/**
 * Entra's own probes: "Test connection" (a user by a GUID that cannot exist),
 * the group probe, and the same probe with a made-up key to see that the key is
 * enforced at all.
 */

import type { RequestFailureCode } from "./catalog.ts";
import type { Failure } from "./classify.ts";
import { expectList } from "./classify.ts";
import type { CheckContext, CheckImpl } from "./context.ts";
import { expectFilteredList } from "./filter-or-path.ts";
import type { Exchange } from "./http.ts";
import { groupProbe, type KeyChoice, type RequestSpec, userProbe } from "./scim-urls.ts";
import type { Evidence } from "./types.ts";

async function emptyProbe(
  ctx: CheckContext,
  ex: Exchange,
  noun: string,
): Promise<{ verdict: Failure<"pass" | "bad-filter" | RequestFailureCode>; evidence: Evidence[] }> {
  const evidence = [ex.evidence];
  const r = await expectFilteredList(ctx, ex, evidence);
  if ("failure" in r) return { verdict: r.failure, evidence };
  if (r.list.totalResults !== 0 || r.list.resources.length > 0) {
    return {
      verdict: {
        outcome: "bad-filter",
        explanation: `200, but ${r.list.totalResults} ${noun} came back for a random GUID that matches nothing: the endpoint ignored the filter, so Entra's matching cannot work.`,
      },
      evidence,
    };
  }
  return {
    verdict: {
      outcome: "pass",
      explanation: "200 with an empty ListResponse (totalResults 0), exactly what Entra expects.",
    },
    evidence,
  };
}

export const testConnection: CheckImpl<"test-connection"> = {
  plan: (base) => [{ method: "GET", url: userProbe(base), key: "token" }],
  async run(ctx) {
    const { verdict, evidence } = await emptyProbe(ctx, await ctx.send(userProbe(ctx.base)), "users");
    return { ...verdict, evidence };
  },
};

export const groupsProbe: CheckImpl<"groups-probe"> = {
  plan: (base) => [{ method: "GET", url: groupProbe(base), key: "token" }],
  async run(ctx) {
    const { verdict, evidence } = await emptyProbe(ctx, await ctx.send(groupProbe(ctx.base)), "groups");
    return { ...verdict, evidence };
  },
};

/** The user probe with the admin's key first, then with another key (made-up, or the old one). */
export function keyComparisonPlan(base: URL, other: KeyChoice): RequestSpec[] {
  return [
    { method: "GET", url: userProbe(base), key: "token" },
    { method: "GET", url: userProbe(base), key: other },
  ];
}

/**
 * Entra's user probe sent with `key`, its evidence saying which key that was. The label goes
 * before any note the exchange already has (a timeout's, a redirect's), never over it.
 */
export async function probeWith(ctx: CheckContext, key: KeyChoice, label: string): Promise<Exchange> {
  const exchange = await ctx.send(userProbe(ctx.base), key);
  const own = exchange.evidence.note;
  exchange.evidence.note = own ? `${label} ${own}` : label;
  return exchange;
}

/**
 * Your key first: only when it is accepted is a made-up key sent, once. A 401 for your key
 * already says what to fix, and every extra rejected key may count towards a lockout. A made-up
 * key must then get 401.
 */
export const authEnforced: CheckImpl<"auth-enforced"> = {
  plan: (base) => keyComparisonPlan(base, "bogus"),
  async run(ctx) {
    const real = await probeWith(ctx, "token", "Sent with your key.");
    const evidence = [real.evidence];
    const mine = expectList(real, false);
    if ("failure" in mine) {
      const why = mine.failure.outcome === "unauthorized" ? " The made-up key was not sent." : "";
      return { ...mine.failure, explanation: `${mine.failure.explanation}${why}`, evidence };
    }
    const bogus = await probeWith(ctx, "bogus", "Sent with a made-up key.");
    evidence.push(bogus.evidence);
    if (bogus.kind === "response" && bogus.status === 401) {
      return {
        outcome: "pass",
        explanation: "Your key got 200 and a made-up key got 401: the key is enforced.",
        evidence,
      };
    }
    const r = expectList(bogus, false);
    if ("failure" in r) return { ...r.failure, evidence };
    return {
      outcome: "auth-not-enforced",
      explanation: `${bogus.evidence.status} with a ListResponse to a made-up key: the endpoint does not check the key.`,
      evidence,
    };
  },
};
