/**
 * A 400 to a filtered request is read as "the filter is not supported" only when the same
 * resource, asked once more without the filter, answers a ListResponse. A wrong base path behind
 * a gateway often answers 400 to everything, and discovery answering 200 does not vouch for the
 * path (a proxy or another API version may serve ServiceProviderConfig), so this second request
 * is what tells a wrong Tenant URL from a filter limitation.
 */
import type { RequestFailureCode } from "./catalog.ts";
import { expectList, type Failure } from "./classify.ts";
import type { CheckContext } from "./context.ts";
import type { Exchange } from "./http.ts";
import { type ListResponse, listResponse } from "./scim-bodies.ts";
import { unfilteredUrl } from "./scim-urls.ts";
import type { Evidence } from "./types.ts";

type Result = { list: ListResponse } | { failure: Failure<RequestFailureCode | "bad-filter"> };

/** expectList for a filtered request, asking once without the filter after a 400. The extra request's evidence is pushed. */
export async function expectFilteredList(ctx: CheckContext, ex: Exchange, evidence: Evidence[]): Promise<Result> {
  const r = expectList(ex);
  if (!("failure" in r) || r.failure.outcome !== "bad-filter" || ex.kind !== "response" || ex.status !== 400) {
    return r;
  }
  const asked = new URL(ex.evidence.path, ctx.base.origin);
  const resource = asked.pathname.split("/").filter(Boolean).pop() ?? "resource";
  const plain = await ctx.send(unfilteredUrl(asked.href));
  plain.evidence.note = "Asked once more without the filter, to tell a wrong path from an unsupported filter.";
  evidence.push(plain.evidence);
  const status = plain.kind === "response" ? plain.status : undefined;
  if (status === 400 || status === 404) {
    return {
      failure: {
        outcome: "not-found",
        explanation: `The filtered request got 400, and the same ${resource} request without a filter got ${status} too: there is no SCIM ${resource} list at this path, so the Tenant URL is wrong, not the filter.`,
      },
    };
  }
  const listed = plain.kind === "response" && status === 200 && listResponse(plain.json) !== undefined;
  const after = listed
    ? `without the filter the same ${resource} path answers a SCIM ListResponse, so the path is right and the filter is what the endpoint does not support.`
    : `without the filter the same ${resource} path answered ${status ?? "nothing"}, so whether the path or the filter is wrong stays open.`;
  return { failure: { ...r.failure, explanation: `${r.failure.explanation.replace(/\.$/, "")}; ${after}` } };
}
