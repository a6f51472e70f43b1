/**
 * The demo's provisioning jobs (synchronizationJob), one per DemoJobKind, in the field names of
 * reference/entra-provisioning.md section B. Made up for the demo; the times are fixed so that a
 * check's explanation reads the same on every run.
 */
import type { DemoJobKind } from "./constants.ts";

/** The demo tenant's own (made-up) Entra tenant id, as job ids and log entries carry one. */
export const DEMO_ENTRA_TENANT_ID = "0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e66";

type Execution = {
  state: "Succeeded" | "Failed" | "EntryLevelErrors";
  timeBegan: string;
  timeEnded: string;
  countEscrowed?: number;
  error?: { code: string; message: string; tenantActionable: boolean } | null;
};

function execution(run: Execution) {
  return {
    activityIdentifier: null,
    countEntitled: 42,
    countEntitledForProvisioning: 42,
    countEscrowed: run.countEscrowed ?? 0,
    countEscrowedRaw: run.countEscrowed ?? 0,
    countExported: 3,
    countExports: 3,
    countImported: 42,
    countImportedDeltas: 3,
    countImportedReferenceDeltas: 0,
    error: run.error ?? null,
    state: run.state,
    timeBegan: run.timeBegan,
    timeEnded: run.timeEnded,
  };
}

const SUCCEEDED = execution({
  state: "Succeeded",
  timeBegan: "2025-01-15T09:00:02Z",
  timeEnded: "2025-01-15T09:01:40Z",
});
const OLDER_SUCCESS = execution({
  state: "Succeeded",
  timeBegan: "2025-01-08T14:20:05Z",
  timeEnded: "2025-01-08T14:22:31Z",
});

/** What Entra records when the workspace refuses its Secret token (synthetic wording). */
const CREDENTIALS_ERROR = {
  code: "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable",
  message: "SYNTHETIC: the SCIM endpoint answered HTTP 401 Unauthorized to the credential check.",
  tenantActionable: true,
};

function status(kind: DemoJobKind) {
  switch (kind) {
    case "active":
      return { code: "Active", lastExecution: SUCCEEDED, lastSuccessfulExecution: SUCCEEDED, quarantine: null };
    case "quarantine-credentials":
      return {
        code: "Quarantine",
        countSuccessiveCompleteFailures: 6,
        lastExecution: execution({
          state: "Failed",
          timeBegan: "2025-01-15T06:00:01Z",
          timeEnded: "2025-01-15T06:00:09Z",
          error: CREDENTIALS_ERROR,
        }),
        lastSuccessfulExecution: OLDER_SUCCESS,
        quarantine: {
          currentBegan: "2025-01-13T10:40:00Z",
          nextAttempt: "2025-01-16T06:00:00Z",
          reason: "EncounteredQuarantineException",
          seriesBegan: "2025-01-13T10:40:00Z",
          seriesCount: 6,
          error: CREDENTIALS_ERROR,
        },
      };
    case "escrow-threshold":
      return {
        code: "Quarantine",
        countSuccessiveCompleteFailures: 0,
        lastExecution: execution({
          state: "EntryLevelErrors",
          timeBegan: "2025-01-15T08:00:03Z",
          timeEnded: "2025-01-15T08:31:12Z",
          countEscrowed: 6120,
        }),
        lastSuccessfulExecution: OLDER_SUCCESS,
        quarantine: {
          currentBegan: "2025-01-14T08:31:12Z",
          nextAttempt: "2025-01-15T14:31:12Z",
          reason: "EncounteredEscrowProportionThreshold",
          seriesBegan: "2025-01-14T08:31:12Z",
          seriesCount: 2,
          error: null,
        },
      };
    case "paused":
      return { code: "Paused", lastExecution: OLDER_SUCCESS, lastSuccessfulExecution: OLDER_SUCCESS, quarantine: null };
  }
}

/** A job of the `kind` for the application `servicePrincipalId`. */
export function demoJob(kind: DemoJobKind, servicePrincipalId: string) {
  return {
    id: `scim.${servicePrincipalId.replaceAll("-", "")}.${DEMO_ENTRA_TENANT_ID}`,
    templateId: "scim",
    schedule: { expiration: null, interval: "PT40M", state: kind === "paused" ? "Disabled" : "Active" },
    status: {
      countSuccessiveCompleteFailures: 0,
      escrowsPruned: false,
      progress: [],
      steadyStateFirstAchievedTime: "2024-03-01T08:40:00Z",
      steadyStateLastAchievedTime: "2025-01-08T14:22:31Z",
      synchronizedEntryCountByType: [
        { key: "User", value: 42 },
        { key: "Group", value: 3 },
      ],
      troubleshootingUrl: null,
      ...status(kind),
    },
    synchronizationJobSettings: [],
  };
}
