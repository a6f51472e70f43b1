/**
 * The Graph checks (issue 14): what Entra itself records about one enterprise application.
 * job-status reads its provisioning jobs, provisioning-logs its recent log entries. Both only
 * read (GET), with the Graph token, on the Graph root the target names.
 */
import type { CheckImpl } from "./context.ts";
import { collection, type Job, job } from "./graph-bodies.ts";
import { graphFailure, NOT_AN_OBJECT_ID, unexpectedShape } from "./graph-classify.ts";
import { readLogPages } from "./graph-reads.ts";
import { isGuid, jobsUrl, provisioningLogsUrl } from "./graph-urls.ts";
import { judgeJobs } from "./job-verdict.ts";
import { logSummary } from "./log-summary.ts";

/** How a plan shows a service principal that is not given yet. */
const PLACEHOLDER = "<servicePrincipalId>";

export const jobStatus: CheckImpl<"job-status"> = {
  plan: (root, _params, target) => [
    { method: "GET", url: jobsUrl(root, target.servicePrincipalId?.trim() || PLACEHOLDER), key: "token" },
  ],
  async run(ctx) {
    const id = ctx.target.servicePrincipalId ?? "";
    if (!isGuid(id)) return { ...NOT_AN_OBJECT_ID, evidence: [] };
    const ex = await ctx.send(jobsUrl(ctx.base, id));
    const evidence = [ex.evidence];
    const failure = graphFailure(ex, "jobs");
    if (failure) return { ...failure, evidence };
    const list = ex.kind === "response" ? collection(ex.json) : undefined;
    if (!list) return { ...unexpectedShape("a list of synchronization jobs (no value array)"), evidence };
    if (list.value.length === 0) {
      return {
        outcome: "no-job",
        explanation:
          "200 with an empty list: this enterprise application has no synchronization (provisioning) job, so Entra provisions nothing from it.",
        evidence,
      };
    }
    const jobs = list.value.map(job).filter((j): j is Job => j !== undefined);
    if (jobs.length === 0) return { ...unexpectedShape("synchronization jobs (the list holds no objects)"), evidence };
    return { ...judgeJobs(jobs), evidence };
  },
};

export const provisioningLogs: CheckImpl<"provisioning-logs"> = {
  // Only the first page is known in advance; the next ones are Graph's @odata.nextLink.
  plan: (root, _params, target) => [
    { method: "GET", url: provisioningLogsUrl(root, target.servicePrincipalId?.trim() || PLACEHOLDER), key: "token" },
  ],
  async run(ctx) {
    const id = ctx.target.servicePrincipalId ?? "";
    if (!isGuid(id)) return { ...NOT_AN_OBJECT_ID, evidence: [] };
    const read = await readLogPages((url) => ctx.send(url), ctx.base, id);
    if (!read.ok) return { ...read.failure, evidence: read.evidence };
    const summary = logSummary(read.items);
    const { pages } = read;
    const cut = pages.note ? ` ${pages.note}` : "";
    // No failure among what was read proves nothing when nothing was read, or when the reading
    // stopped at a page it could not read or follow: those are not a pass.
    const unread = pages.cutReason === "page-failed" || pages.cutReason === "other-origin";
    const outcome =
      summary.failures > 0 ? "failures" : pages.entries === 0 ? "no-entries" : unread ? "incomplete" : "no-failures";
    return { outcome, explanation: `${summary.words(pages.pages)}${cut}`, evidence: read.evidence };
  },
};
