/** Fixed values of the demo tenant: its address and keys (a module of their own), and its sample data. */
export { DEMO_BASE_URL, DEMO_PREVIOUS_TOKEN, DEMO_TOKEN } from "./demo-target.ts";

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
