/**
 * discovery: GET {base}/ServiceProviderConfig. A 401 or 403 here says nothing
 * about the key (some servers protect the document, some do not), so it counts
 * as "the endpoint exists" with a note, and test-connection judges the key.
 */
import { hasSchema, isObject } from "./body";
import { requestFailure } from "./classify";
import type { CheckImpl } from "./context";
import { SPC_URN, serviceProviderConfig } from "./scim-urls";

export const discovery: CheckImpl = {
  plan: (base) => [{ method: "GET", url: serviceProviderConfig(base), key: "token" }],
  async run(ctx) {
    const ex = await ctx.send(serviceProviderConfig(ctx.base));
    const evidence = [ex.evidence];
    if (ex.kind === "response" && (ex.status === 401 || ex.status === 403)) {
      ex.evidence.note = "Informational: whether ServiceProviderConfig needs a key varies by server.";
      return {
        outcome: "pass",
        explanation: `The endpoint answered ${ex.status} on ServiceProviderConfig: something is there, but this says nothing about the key; test-connection checks it.`,
        evidence,
      };
    }
    const failure = requestFailure(ex, false);
    if (failure) return { ...failure, evidence };
    const json = ex.kind === "response" ? ex.json : undefined;
    if (!isObject(json) || !hasSchema(json, SPC_URN)) {
      return {
        outcome: "not-scim",
        explanation: "200 with JSON, but not a SCIM ServiceProviderConfig (schema missing).",
        evidence,
      };
    }
    return { outcome: "pass", explanation: "ServiceProviderConfig answered 200 with the SCIM schema.", evidence };
  },
};
