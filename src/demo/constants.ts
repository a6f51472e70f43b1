/**
 * Fixed values of the demo tenant. The host is on the reserved `.invalid` TLD,
 * so a demo request can never reach a real server when MSW is not running.
 */
export const DEMO_BASE_URL = "https://demo-tenant.scim-troubleshooter.invalid/scim/v2";

/** Demo keys: public by design, they open nothing but the simulator. */
export const DEMO_TOKEN = "demo-key-5f2b9c7e41d84a6f";
export const DEMO_PREVIOUS_TOKEN = "demo-old-key-8a13d0c2b7e94f55";

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
