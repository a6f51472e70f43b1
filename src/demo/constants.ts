/** Fixed values of the demo tenant: its address and keys (a module of their own), and its sample data. */
export { DEMO_BASE_URL, DEMO_GRAPH_ROOT, DEMO_PREVIOUS_TOKEN, DEMO_TOKEN } from "./demo-target.ts";

export const DEMO_DOMAIN = "contoso.example";

/** Sample inputs the UI can suggest; each names the fault that makes it interesting. */
export const DEMO_SAMPLES = {
  /** Always present and active. */
  activeUser: { userName: `adele.vance@${DEMO_DOMAIN}`, mail: `adele.vance@${DEMO_DOMAIN}` },
  /** user-state → inactive with the "soft-deleted" fault, active without it. */
  softDeletedUser: { userName: `lee.gu@${DEMO_DOMAIN}`, fault: "soft-deleted" },
  /** user-state → absent with the "hard-deleted" fault, active without it. */
  hardDeletedUser: { userName: `diego.siciliani@${DEMO_DOMAIN}`, fault: "hard-deleted" },
  /** upn-collision → upn-mismatch with the "upn-mismatch" fault (workspace holds the mail as mbowen@…). */
  upnMismatch: {
    upn: `megan.bowen@${DEMO_DOMAIN}`,
    mail: `megan.bowen@${DEMO_DOMAIN}`,
    workspaceUserName: `mbowen@${DEMO_DOMAIN}`,
    fault: "upn-mismatch",
  },
  /** upn-collision → pass: nobody holds this mail yet. */
  newUser: { upn: `new.hire@${DEMO_DOMAIN}`, mail: `new.hire@${DEMO_DOMAIN}` },
  /** group-leftover → present with the "leftover-group" fault, pass without it. */
  leftoverGroup: { groupName: "Project Falcon", fault: "leftover-group" },
  /** Always present. */
  group: { groupName: "Sales" },
} as const;

/** The provisioning-job states the demo's enterprise applications are in (job-status reads them). */
export type DemoJobKind = "active" | "quarantine-credentials" | "escrow-threshold" | "paused";

/**
 * The demo tenant's enterprise applications (service principals) with a provisioning job, one
 * per state worth showing: what job-status says for each, and provisioning-logs for their logs.
 * The ids are the Object IDs a picker hands to the Graph checks; appId is the Application ID.
 */
export const DEMO_SERVICE_PRINCIPALS = [
  {
    id: "3f9c2a4e-6b1d-4c8e-9a7f-1d2e3c4b5a61",
    appId: "a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a51",
    displayName: "Workspace 365",
    job: "active",
  },
  {
    id: "7d4e1b2c-3a5f-4d6e-8b9c-2e3f4a5b6c72",
    appId: "a1b2c3d4-0002-4e5f-8a9b-0c1d2e3f4a52",
    displayName: "Workspace 365 (quarantined)",
    job: "quarantine-credentials",
  },
  {
    id: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c83",
    appId: "a1b2c3d4-0003-4e5f-8a9b-0c1d2e3f4a53",
    displayName: "Workspace 365 (escrow threshold)",
    job: "escrow-threshold",
  },
  {
    id: "c5d6e7f8-9a0b-4c1d-8e2f-3a4b5c6d7e94",
    appId: "a1b2c3d4-0004-4e5f-8a9b-0c1d2e3f4a54",
    displayName: "Workspace 365 (paused)",
    job: "paused",
  },
] as const satisfies readonly { id: string; appId: string; displayName: string; job: DemoJobKind }[];

/** An enterprise application with no provisioning job at all (job-status → no-job), listed by the search too. */
export const DEMO_APP_WITHOUT_JOB = {
  id: "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4aa5",
  appId: "a1b2c3d4-0005-4e5f-8a9b-0c1d2e3f4a55",
  displayName: "Contoso Expenses",
} as const;
