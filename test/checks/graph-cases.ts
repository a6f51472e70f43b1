/**
 * Every outcome of the Graph checks as data (issue 14), as msw-cases.ts holds the SCIM checks':
 * the MSW suite runs every case, the loopback HTTP suite those without MSW handlers, and a
 * coverage test holds the table to the catalogue. Job states come from the demo's applications,
 * or from an application a case adds to the demo's Graph with jobs of its own.
 */
import { type HttpHandler, HttpResponse, http } from "msw";
import { expect } from "vitest";
import type { CheckOptions, CheckResult } from "../../src/checks/types.ts";
import { DEMO_APP_WITHOUT_JOB, DEMO_GRAPH_ROOT, DEMO_SERVICE_PRINCIPALS } from "../../src/demo/constants.ts";
import type { DemoGraphFault } from "../../src/demo/graph-faults.ts";
import type { DemoGraph } from "../../src/demo/graph-simulator.ts";

export interface GraphCase {
  name: string;
  check: "job-status" | "provisioning-logs";
  outcome: string;
  servicePrincipalId: string;
  graphFaults?: DemoGraphFault[];
  /** Shapes the demo's Graph before the case (both transports). */
  setup?: (graph: DemoGraph) => void;
  /** MSW overrides: such a case runs in the MSW suite only. */
  handlers?: HttpHandler[];
  options?: Partial<CheckOptions>;
  verify?: (result: CheckResult) => void;
}

const [ACTIVE, QUARANTINED, ESCROW, PAUSED] = DEMO_SERVICE_PRINCIPALS;
/** An application a case adds, with the jobs it needs. */
export const CUSTOM_APP = "11111111-2222-4333-8444-555555555555";
const UNKNOWN_APP = "99999999-8888-4777-8666-555555555555";

const withJobs =
  (...jobs: unknown[]) =>
  (graph: DemoGraph) => {
    graph.apps.push({ id: CUSTOM_APP, appId: "22222222-3333-4444-8555-666666666666", displayName: "Test app", jobs });
  };
const job = (status: Record<string, unknown>, id = "scim.test") => ({ id, templateId: "scim", status });
const quarantine = (reason: unknown) =>
  job({ code: "Quarantine", quarantine: { reason, currentBegan: "2025-02-01T00:00:00Z" } });
const says =
  (...parts: string[]) =>
  (result: CheckResult) => {
    for (const part of parts) expect(result.explanation).toContain(part);
  };

/** `n` failed log entries of the custom application, newest first. */
const failedEntries = (n: number) => (graph: DemoGraph) => {
  for (let i = 0; i < n; i++) {
    graph.logs.push({
      id: `t-${i}`,
      servicePrincipal: { id: CUSTOM_APP, displayName: "Test app" },
      provisioningAction: "create",
      provisioningStatusInfo: { status: "failure", errorInformation: { errorCode: "ContosoEntryConflict" } },
    });
  }
};

const GRAPH_ALL = `${DEMO_GRAPH_ROOT}/*`;
const LOGS = `${DEMO_GRAPH_ROOT}/auditLogs/provisioning`;

const JOB_CASES: GraphCase[] = [
  {
    name: "the demo's active application",
    check: "job-status",
    outcome: "active",
    servicePrincipalId: ACTIVE.id,
    verify: says("status Active", "last run Succeeded, ended 2025-01-15T09:01:40Z", "0 entries in escrow"),
  },
  {
    name: "the demo's application in quarantine for its credentials",
    check: "job-status",
    outcome: "quarantine-credentials",
    servicePrincipalId: QUARANTINED.id,
    verify: (r) => {
      says(
        "status Quarantine",
        "quarantine reason EncounteredQuarantineException (invalid credentials",
        "in quarantine since 2025-01-13T10:40:00Z",
        "next attempt 2025-01-16T06:00:00Z",
        "last run Failed, ended 2025-01-15T06:00:09Z",
        "6 successive complete failures",
      )(r);
      expect(r.advice).toMatch(/Regenerate the API key.*Secret token.*Restart provisioning/);
    },
  },
  {
    name: "the demo's application over the escrow threshold",
    check: "job-status",
    outcome: "quarantine-escrow",
    servicePrincipalId: ESCROW.id,
    verify: (r) => {
      says("EncounteredEscrowProportionThreshold", "more than 40%", "6120 entries in escrow", "EntryLevelErrors")(r);
      expect(r.advice).toContain("/logs");
    },
  },
  {
    name: "the demo's paused application",
    check: "job-status",
    outcome: "paused",
    servicePrincipalId: PAUSED.id,
    verify: (r) => expect(r.advice).toContain("Start provisioning"),
  },
  {
    name: "an application with no job",
    check: "job-status",
    outcome: "no-job",
    servicePrincipalId: DEMO_APP_WITHOUT_JOB.id,
  },
  {
    name: "NotRun",
    check: "job-status",
    outcome: "not-run",
    servicePrincipalId: CUSTOM_APP,
    setup: withJobs(job({ code: "NotRun" })),
  },
  {
    name: "notconfigured, in another case",
    check: "job-status",
    outcome: "not-configured",
    servicePrincipalId: CUSTOM_APP,
    setup: withJobs(job({ code: "notconfigured" })),
  },
  {
    name: "Active whose last run had entry-level errors",
    check: "job-status",
    outcome: "active-with-errors",
    servicePrincipalId: CUSTOM_APP,
    setup: withJobs(job({ code: "Active", lastExecution: { state: "entryLevelErrors", countEscrowed: "12" } })),
    verify: says("12 entries in escrow"),
  },
  {
    name: "Active with escrowed entries after a run that succeeded",
    check: "job-status",
    outcome: "active-with-errors",
    servicePrincipalId: CUSTOM_APP,
    setup: withJobs(job({ code: "Active", lastExecution: { state: "Succeeded", countEscrowed: 3 } })),
  },
  {
    name: "reason spelled in capitals",
    check: "job-status",
    outcome: "quarantine-credentials",
    servicePrincipalId: CUSTOM_APP,
    setup: withJobs(job({ code: "QUARANTINE", quarantine: { reason: "ENCOUNTEREDQUARANTINEEXCEPTION" } })),
  },
  ...["EncounteredBaseEscrowThreshold", "encounteredtotalescrowthreshold"].map(
    (reason): GraphCase => ({
      name: `reason ${reason}`,
      check: "job-status",
      outcome: "quarantine-escrow",
      servicePrincipalId: CUSTOM_APP,
      setup: withJobs(quarantine(reason)),
    }),
  ),
  ...["QuarantineOnDemand", "QuarantinedOnDemand"].map(
    (reason): GraphCase => ({
      name: `reason ${reason} (both documented spellings)`,
      check: "job-status",
      outcome: "quarantine-other",
      servicePrincipalId: CUSTOM_APP,
      setup: withJobs(quarantine(reason)),
      verify: says(reason, "Microsoft set the quarantine"),
    }),
  ),
  ...["unknownFutureValue", "SomeReasonFrom2030", undefined, 42].map(
    (reason): GraphCase => ({
      name: `reason ${String(reason)} (unknown or missing)`,
      check: "job-status",
      outcome: "quarantine-other",
      servicePrincipalId: CUSTOM_APP,
      setup: withJobs(quarantine(reason)),
      verify: says(`quarantine reason ${typeof reason === "string" ? reason : "not given"}`),
    }),
  ),
  ...["unknownFutureValue", "Hibernating"].map(
    (code): GraphCase => ({
      name: `status code ${code}`,
      check: "job-status",
      outcome: "unknown-status",
      servicePrincipalId: CUSTOM_APP,
      setup: withJobs(job({ code })),
      verify: says(`status ${code}`),
    }),
  ),
  {
    name: "several jobs: the worst is reported, and how many there are",
    check: "job-status",
    outcome: "quarantine-credentials",
    servicePrincipalId: CUSTOM_APP,
    setup: withJobs(
      job({ code: "Active", lastExecution: { state: "Succeeded" } }, "scim.first"),
      job({ code: "Quarantine", quarantine: { reason: "EncounteredQuarantineException" } }, "scim.second"),
      job({ code: "Paused" }, "scim.third"),
    ),
    verify: says("3 provisioning jobs", "Job scim.second", "scim.first: active", "scim.third: paused"),
  },
  {
    name: "a job list of no objects",
    check: "job-status",
    outcome: "bad-response",
    servicePrincipalId: CUSTOM_APP,
    setup: withJobs(1, "two"),
  },
  {
    name: "an unknown Object ID",
    check: "job-status",
    outcome: "not-found",
    servicePrincipalId: UNKNOWN_APP,
    verify: (r) => expect(r.evidence[0].detail).toMatch(/^Request_ResourceNotFound: /),
  },
];

const LOG_CASES: GraphCase[] = [
  {
    name: "the active application's log",
    check: "provisioning-logs",
    outcome: "no-failures",
    servicePrincipalId: ACTIVE.id,
    verify: says("Read 5 provisioning-log entries", "(1 page)", "none failed", "3 success", "1 warning", "1 skipped"),
  },
  {
    name: "an application with no log entries",
    check: "provisioning-logs",
    outcome: "no-entries",
    servicePrincipalId: DEMO_APP_WITHOUT_JOB.id,
    verify: says("Read 0 provisioning-log entries", "30 days"),
  },
  {
    name: "two pages with every kind of entry, top codes first",
    check: "provisioning-logs",
    outcome: "failures",
    servicePrincipalId: ESCROW.id,
    verify: (r) => {
      says(
        "Read 127 provisioning-log entries",
        "(2 pages)",
        "95 failed",
        "Top error codes: SystemForCrossDomainIdentityManagementEntryConflict × 46, SystemForCrossDomainIdentityManagementDuplicateTargetEntries × 31, SystemForCrossDomainIdentityManagementTooManyRequests × 16",
        "SystemForCrossDomainIdentityManagementSyntheticUnlistedFault × 1",
      )(r);
      expect(r.evidence).toHaveLength(2);
    },
  },
  {
    name: "paging cut at the cap of 4 pages",
    check: "provisioning-logs",
    outcome: "failures",
    servicePrincipalId: CUSTOM_APP,
    setup: failedEntries(450),
    verify: (r) => {
      says(
        "Read 400 provisioning-log entries",
        "(4 pages)",
        "400 failed",
        "ContosoEntryConflict × 400",
        "Stopped after 4 pages",
      )(r);
      expect(r.evidence).toHaveLength(4);
    },
  },
  {
    name: "a next page on another host is not followed",
    check: "provisioning-logs",
    outcome: "failures",
    servicePrincipalId: CUSTOM_APP,
    handlers: [
      http.get(LOGS, () =>
        HttpResponse.json({
          value: [
            { provisioningStatusInfo: { status: "failure", errorInformation: { errorCode: "ContosoEntryConflict" } } },
          ],
          "@odata.nextLink": "https://graph.evil.example/v1.0/auditLogs/provisioning?$skiptoken=1",
        }),
      ),
    ],
    verify: (r) => {
      says("Read 1 provisioning-log entry", "another host (graph.evil.example)", "never sent elsewhere")(r);
      expect(r.evidence).toHaveLength(1);
    },
  },
  {
    name: "no failure on the first page, and a second page that fails: not a pass",
    check: "provisioning-logs",
    outcome: "incomplete",
    servicePrincipalId: CUSTOM_APP,
    handlers: [
      http.get(LOGS, ({ request }) =>
        new URL(request.url).searchParams.has("$skiptoken")
          ? HttpResponse.json({ error: { code: "ServiceUnavailable", message: "Try later." } }, { status: 503 })
          : HttpResponse.json({
              value: [{ provisioningStatusInfo: { status: "success" } }],
              "@odata.nextLink": `${LOGS}?$skiptoken=1`,
            }),
      ),
    ],
    verify: (r) => {
      says("Read 1 provisioning-log entry", "none failed", "Page 2 could not be read")(r);
      expect(r.passed).toBe(false);
    },
  },
  {
    name: "a later page that fails ends the reading with what came",
    check: "provisioning-logs",
    outcome: "failures",
    servicePrincipalId: ESCROW.id,
    handlers: [
      http.get(LOGS, ({ request }) =>
        new URL(request.url).searchParams.has("$skiptoken")
          ? HttpResponse.json(
              { error: { code: "TooManyRequests", message: "Slow down." } },
              { status: 429, headers: { "retry-after": "3" } },
            )
          : undefined,
      ),
    ],
    verify: (r) => {
      says("Read 100 provisioning-log entries", "Page 2 could not be read: 429 Too Many Requests")(r);
      expect(r.evidence).toHaveLength(2);
    },
  },
];

/** Each Graph request failure, for both checks. */
const FAILURES: Omit<GraphCase, "check" | "servicePrincipalId">[] = [
  {
    name: "expired token (401)",
    outcome: "unauthorized",
    graphFaults: ["graph-expired-token"],
    verify: (r) => {
      expect(r.evidence[0].detail).toBe(
        "InvalidAuthenticationToken: Lifetime validation failed, the token is expired.",
      );
      expect(r.advice).toMatch(/sign in to Microsoft again/);
    },
  },
  {
    name: "missing permission (403)",
    outcome: "forbidden",
    graphFaults: ["graph-no-permission"],
    verify: (r) => {
      const permission = r.check === "job-status" ? "Synchronization.Read.All" : "AuditLog.Read.All";
      expect(r.explanation).toContain(permission);
      expect(r.advice).toContain(permission);
      expect(r.evidence[0].detail).toMatch(/^Authorization_RequestDenied: /);
    },
  },
  {
    name: "throttled (429 with Retry-After)",
    outcome: "rate-limited",
    graphFaults: ["graph-throttled"],
    verify: (r) => {
      expect(r.explanation).toContain("7 seconds (Retry-After)");
      expect(r.advice).toContain("Wait 7 seconds");
    },
  },
  { name: "Graph fails (500)", outcome: "server-error", graphFaults: ["graph-server-error"] },
  {
    name: "an id that is no GUID: nothing is sent",
    outcome: "not-found",
    setup: () => undefined,
    verify: (r) => expect(r.evidence).toEqual([]),
  },
  { name: "slow", outcome: "timeout", graphFaults: ["graph-slow"] },
  {
    name: "an HTML page (200)",
    outcome: "bad-response",
    handlers: [http.all(GRAPH_ALL, () => HttpResponse.html("<html><title>Sign in</title><body>Sign in</body></html>"))],
    verify: (r) => expect(r.evidence[0].bodySummary).toMatch(/^HTML page: Sign in/),
  },
  {
    name: "an HTML error page (502)",
    outcome: "server-error",
    handlers: [http.all(GRAPH_ALL, () => HttpResponse.html("<html><body>Bad gateway</body></html>", { status: 502 }))],
  },
  {
    name: "JSON of another shape",
    outcome: "bad-response",
    handlers: [http.all(GRAPH_ALL, () => HttpResponse.json({ hello: "world" }))],
  },
  {
    name: "a huge body, cut at the cap",
    outcome: "bad-response",
    handlers: [http.all(GRAPH_ALL, () => HttpResponse.json({ value: [], pad: "x".repeat(300_000) }))],
    options: { maxBodyBytes: 64 * 1024 },
    verify: (r) => expect(r.explanation).toContain("larger than the size cap"),
  },
  { name: "a network error", outcome: "unreachable", handlers: [http.all(GRAPH_ALL, () => HttpResponse.error())] },
];

const NOT_A_GUID = "Workspace 365";

export const GRAPH_CASES: GraphCase[] = [
  ...JOB_CASES,
  ...LOG_CASES,
  ...(["job-status", "provisioning-logs"] as const).flatMap((check) =>
    FAILURES.map((f) => ({
      ...f,
      check,
      servicePrincipalId: f.name.startsWith("an id that") ? NOT_A_GUID : ACTIVE.id,
    })),
  ),
];
