/**
 * discovery: GET {base}/ServiceProviderConfig. A 401 or 403 here says nothing
 * about the key (some servers protect the document, some do not), so it counts
 * as "the endpoint exists" with a note, and test-connection judges the key.
 */
import { requestFailure } from "./classify.ts";
import type { CheckImpl } from "./context.ts";
import { ServiceProviderConfigBody } from "./scim-bodies.ts";
import { serviceProviderConfig } from "./scim-urls.ts";

export const discovery: CheckImpl<"discovery"> = {
  plan: (base) => [{ method: "GET", url: serviceProviderConfig(base), key: "token" }],
  async run(ctx) {
    const ex = await ctx.send(serviceProviderConfig(ctx.base));
    const evidence = [ex.evidence];
    const failure = requestFailure(ex, false);
    if (failure?.outcome === "unauthorized" || failure?.outcome === "forbidden") {
      ex.evidence.note = "Informational: whether ServiceProviderConfig needs a key varies by server.";
      return {
        outcome: "pass",
        explanation: `The endpoint answered ${ex.evidence.status} on ServiceProviderConfig: something is there, but this says nothing about the key; test-connection checks it.`,
        evidence,
      };
    }
    if (failure) return { ...failure, evidence };
    const json = ex.kind === "response" ? ex.json : undefined;
    if (!ServiceProviderConfigBody.safeParse(json).success) {
      return {
        outcome: "not-scim",
        explanation: "200 with JSON, but not a SCIM ServiceProviderConfig (schema missing).",
        evidence,
      };
    }
    return {
      outcome: "pass",
      explanation:
        "ServiceProviderConfig answered 200 with the SCIM schema: a SCIM service answers here. This does not prove that /Users and /Groups are at this path (a gateway or another API version may serve the document); test-connection checks that.",
      evidence,
    };
  },
};
