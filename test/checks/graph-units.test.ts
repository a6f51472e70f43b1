// @vitest-environment node
/** The Graph checks' pure parts: request URLs, OData literals, job judging and log counting. */
import { graphError, type Job, job } from "../../src/checks/graph-bodies.ts";
import {
  isGuid,
  jobsUrl,
  odataString,
  provisioningLogsUrl,
  servicePrincipalByAppIdUrl,
  servicePrincipalSearchUrl,
} from "../../src/checks/graph-urls.ts";
import { judgeJobs } from "../../src/checks/job-verdict.ts";
import { logSummary } from "../../src/checks/log-summary.ts";
import { GRAPH_ROOT } from "../../src/checks/types.ts";

const root = new URL(GRAPH_ROOT);
const ID = "3f9c2a4e-6b1d-4c8e-9a7f-1d2e3c4b5a61";

it("builds Microsoft's request URLs on the Graph root", () => {
  expect(jobsUrl(root, ID)).toBe(`https://graph.microsoft.com/v1.0/servicePrincipals/${ID}/synchronization/jobs`);
  const logs = new URL(provisioningLogsUrl(root, ID));
  expect(logs.searchParams.get("$filter")).toBe(`servicePrincipal/id eq '${ID}'`);
  const list = new URL(servicePrincipalSearchUrl(root, ""));
  expect([
    list.pathname,
    list.searchParams.get("$filter"),
    list.searchParams.get("$select"),
    list.searchParams.get("$top"),
  ]).toEqual(["/v1.0/servicePrincipals", null, "id,appId,displayName", "20"]);
  expect(new URL(servicePrincipalSearchUrl(root, " it's ")).searchParams.get("$filter")).toBe(
    "startswith(displayName,'it''s')",
  );
  expect(servicePrincipalByAppIdUrl(root, ID)).toContain(`/servicePrincipals(appId='${ID}')?$select=`);
  expect(() => servicePrincipalByAppIdUrl(root, "x') or (1 eq 1")).toThrow();
  // A path segment cannot be escaped from: the id is percent-encoded.
  expect(jobsUrl(root, "../../me")).toContain("/servicePrincipals/..%2F..%2Fme/synchronization/jobs");
});

it("writes OData literals and knows a GUID", () => {
  expect(odataString("O'Brien")).toBe("'O''Brien'");
  expect(isGuid(` ${ID.toUpperCase()} `)).toBe(true);
  expect(isGuid("3f9c2a4e6b1d4c8e9a7f1d2e3c4b5a61")).toBe(false);
});

it("reads Graph's error body and leaves out what is not one", () => {
  expect(graphError({ error: { code: "Request_ResourceNotFound", message: "Gone." } })).toEqual({
    code: "Request_ResourceNotFound",
    message: "Gone.",
  });
  expect(graphError({ error: "nope" })).toBeUndefined();
  expect(graphError({ detail: "a SCIM error" })).toBeUndefined();
});

it("reads a job's fields leniently: wrong types count as absent, Int64 counts as strings", () => {
  const parsed = job({
    id: 7,
    status: { code: "Active", lastExecution: { countEscrowed: "5", state: 3 }, quarantine: null },
  });
  expect(parsed?.id).toBeUndefined();
  expect(parsed?.status?.lastExecution).toMatchObject({ countEscrowed: 5, state: undefined });
  expect(parsed?.status?.quarantine).toBeUndefined();
  expect(job("a string")).toBeUndefined();
});

it("lists at most four other jobs beside the worst", () => {
  const jobs = Array.from({ length: 7 }, (_, i) => ({
    id: `scim.${i}`,
    status: { code: i === 3 ? "Paused" : "Active" },
  }));
  const verdict = judgeJobs(jobs.map((j) => job(j)).filter((j): j is Job => j !== undefined));
  expect(verdict.outcome).toBe("paused");
  expect(verdict.explanation).toContain("7 provisioning jobs");
  expect(verdict.explanation).toContain("and 2 more");
});

it("counts log entries by status and failures by raw code, in the older names too", () => {
  const summary = logSummary([
    { provisioningStatusInfo: { status: "Failure", errorInformation: { errorCode: "B" } } },
    { provisioningStatusInfo: { status: "failure", errorInfo: { errorCode: "A" } } },
    { statusInfo: { status: "failure", errorCode: "A" } },
    { provisioningStatusInfo: { status: "failure", errorInformation: null } },
    { provisioningStatusInfo: { status: "success" } },
    "not an entry",
  ]);
  expect(summary.failures).toBe(4);
  expect(summary.topCodes).toEqual([
    ["A", 2],
    ["(no error code)", 1],
    ["B", 1],
  ]);
  expect(summary.words(1)).toContain("Top error codes: A × 2, (no error code) × 1, B × 1.");
  expect(summary.byStatus.get("unknown")).toBe(1);
});
