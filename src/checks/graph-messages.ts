/**
 * Titles and advice for the Graph checks and reads (messages.ts picks them for a check whose
 * catalogue entry says `system: "graph"`): the same request failures as SCIM's, but met at
 * Microsoft Graph, so about the Microsoft sign-in and its permissions, never the workspace key.
 */
import type { Wording } from "./messages.ts";

/** Where an admin reads the same by hand: every Graph check's manual way, and the fallback in its advice. */
const IN_THE_PORTAL =
  "Meanwhile read the status in the Microsoft Entra admin center: Enterprise apps > the SCIM application > Provisioning.";

/** The same request failures, met at Microsoft Graph: the Graph sign-in, not the workspace key. */
export const GRAPH_SHARED: Record<string, Wording> = {
  unauthorized: {
    title: "Microsoft sign-in not accepted (401)",
    advice:
      "The Microsoft Graph access token has expired or is not valid for Graph: sign in to Microsoft again and run the check again (for the doctor: put a fresh token in the variable named by --graph-token-env).",
  },
  forbidden: {
    title: "Permission missing in Microsoft Graph (403)",
    advice:
      "Sign in with an account that has the permission and role named above, or ask an administrator to grant them (admin consent), then run the check again.",
  },
  "not-found": {
    title: "Enterprise application not found (404)",
    advice:
      "Use the Object ID of the enterprise application (Enterprise apps > the SCIM application > Overview), not the Application (client) ID of an app registration, and sign in to the tenant it belongs to.",
  },
  "server-error": {
    title: "Microsoft Graph failed (5xx)",
    advice: `Try again in a few minutes; if it persists, look at the Microsoft 365 service health. ${IN_THE_PORTAL}`,
  },
  "rate-limited": {
    title: "Microsoft Graph asks to wait (429)",
    advice:
      "Wait a minute before running a Graph check again; nothing is retried automatically. Graph allows about 5 of these reads per 10 seconds per app and tenant, also from other tabs and scripts.",
  },
  "bad-response": {
    title: "Not a Microsoft Graph answer",
    advice: `Check the Graph address (normally https://graph.microsoft.com/v1.0) and that no proxy or sign-in page answers in its place. ${IN_THE_PORTAL}`,
  },
  timeout: {
    title: "Microsoft Graph did not answer in time",
    advice: `Try again later. ${IN_THE_PORTAL}`,
  },
  unreachable: {
    title: "Microsoft Graph unreachable",
    advice: `Check the network connection, and that no proxy or firewall blocks graph.microsoft.com. ${IN_THE_PORTAL}`,
  },
};

/** The wording key of findServicePrincipals (graph-reads.ts): a Graph read that is no check. */
export const SERVICE_PRINCIPAL_SEARCH = "service-principal-search";

/** Reference B; the portal's words are Microsoft's quarantine page's ("Restart provisioning", "Start provisioning"). */
const RESTART = "then select Restart provisioning on the application's Provisioning page to end the quarantine";
const NEVER_WRITES = "This tool only reads: it never changes anything in Entra.";

export const GRAPH_BY_CHECK: Record<string, Record<string, Partial<Wording>>> = {
  "job-status": {
    active: {
      title: "Provisioning is running",
      advice: "Nothing to fix in the job: Entra provisions on its regular cycle.",
    },
    "active-with-errors": {
      title: "Provisioning runs, with errors",
      advice:
        "Some users or groups failed and wait to be retried (escrow). Open the provisioning log reader (/logs) to see which ones and why, and fix each cause; Entra retries them on later cycles.",
    },
    paused: {
      title: "Provisioning is stopped",
      advice: `On the application's Provisioning page in Entra, select Start provisioning. ${NEVER_WRITES}`,
    },
    "not-run": {
      title: "Provisioning has not run yet",
      advice:
        "If provisioning was never started, select Start provisioning on the application's Provisioning page; otherwise wait for the first cycle (it takes longer than later ones) and check again.",
    },
    "not-configured": {
      title: "Provisioning is not configured",
      advice:
        "Finish the set-up on the application's Provisioning page: Admin credentials (Tenant URL and Secret token), Test connection, Save.",
    },
    "quarantine-credentials": {
      title: "Quarantine: Entra's key is rejected",
      advice: `Entra cannot sign in to the workspace with the Secret token it holds. Regenerate the API key in the workspace, paste it into Entra (Provisioning > Admin credentials > Secret token), Test connection and Save, ${RESTART}. ${NEVER_WRITES}`,
    },
    "quarantine-escrow": {
      title: "Quarantine: too many failures",
      advice: `Entra slowed provisioning to once a day because too many users or groups failed (an escrow threshold). Open the provisioning log reader (/logs) to see the failures by error code, fix the causes, ${RESTART}.`,
    },
    "quarantine-other": {
      title: "Provisioning is in quarantine",
      advice: `Read the reason above and the provisioning logs (/logs). Once the cause is fixed, ${RESTART}. Microsoft sets QuarantineOnDemand itself: for that reason, contact Microsoft support.`,
    },
    "no-job": {
      title: "No provisioning job for this application",
      advice:
        "Check that this is the SCIM enterprise application (the one whose Provisioning page holds the workspace's Tenant URL). If it is, provisioning was never set up on it: follow the Azure SCIM client setup.",
    },
    "unknown-status": {
      title: "Provisioning status not recognised",
      advice: `Entra reports a status this tool does not know yet (named above). ${IN_THE_PORTAL}`,
    },
    forbidden: {
      advice:
        "Reading the job needs the delegated permission Synchronization.Read.All, and the signed-in user must be an Application Administrator, a Cloud Application Administrator or an owner of the application (Reports Reader is not enough). Sign in with such an account, or ask an administrator to grant the permission.",
    },
  },
  "provisioning-logs": {
    "no-failures": { title: "No recent provisioning failures", advice: "Nothing failed in the entries read." },
    "no-entries": {
      title: "No provisioning-log entries",
      advice:
        "Entra has no provisioning-log entry of this application in the time it keeps them (30 days, 7 without a P1 or P2 licence): provisioning has not run in that time, or another application was picked. Check that it is the SCIM enterprise application, and look at its Provisioning logs in Entra.",
    },
    incomplete: {
      title: "Provisioning logs only partly read",
      advice:
        "No failure was found in the entries that were read, but the rest could not be read (see above), so this is not a clean bill of health. Try again in a minute, or look at the Provisioning logs in Entra.",
    },
    failures: {
      title: "Recent provisioning failures",
      advice:
        "Open the provisioning log reader (/logs): it groups the failures by error code, explains each and opens the guide that fixes it. Entra retries failed entries on later cycles.",
    },
    forbidden: {
      advice:
        "Reading provisioning logs needs AuditLog.Read.All and Directory.Read.All, a signed-in user with a role such as Reports Reader, and a Microsoft Entra ID P1 or P2 licence. Or download the logs in Entra (Enterprise apps > the SCIM application > Provisioning logs) and open the file in the log reader (/logs).",
    },
    "not-found": {
      title: "No provisioning logs at this address (404)",
      advice: "Check the Graph address: normally https://graph.microsoft.com/v1.0.",
    },
  },
  [SERVICE_PRINCIPAL_SEARCH]: {
    forbidden: {
      advice:
        "Listing enterprise applications needs Application.Read.All (or Directory.Read.All). Or copy the Object ID from Enterprise apps > the SCIM application > Overview.",
    },
  },
};
