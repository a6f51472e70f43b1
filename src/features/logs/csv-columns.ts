import type { LogEntry } from "./log-entry.ts";

/**
 * The portal's CSV download. Microsoft documents no column headers for it
 * (reference/entra-provisioning.md, A2 [GAP]), so columns are found by header
 * name, compared without case, spaces or punctuation, among the names the
 * portal shows and the Graph names; a file with no status column is refused
 * with the list of names recognised, never guessed at.
 */
export const CSV_COLUMNS: Record<keyof LogEntry, readonly string[]> = {
  status: ["Status", "Provisioning status", "provisioningStatusInfo.status", "statusInfo.status"],
  action: ["Action", "Provisioning action", "provisioningAction"],
  time: ["Date", "Date (UTC)", "Activity date time", "activityDateTime"],
  errorCode: ["Error code", "errorCode", "provisioningStatusInfo.errorInformation.errorCode"],
  reason: [
    "Reason",
    "Status reason",
    "Failure reason",
    "Error reason",
    "provisioningStatusInfo.errorInformation.reason",
  ],
  recommendedAction: ["Recommended action", "provisioningStatusInfo.errorInformation.recommendedAction"],
  skipReason: ["Skip reason", "SkipReason"],
  displayName: ["Source identity name", "Source identity display name", "Display name", "sourceIdentity.displayName"],
  upn: ["User principal name", "UPN", "Source identity UPN", "sourceIdentity.details.userPrincipalName"],
  mail: ["Mail", "E-mail", "Email", "sourceIdentity.details.mail"],
};
/** The columns a file must have one of to be read at all. */
export const REQUIRED_CSV_COLUMNS: readonly (keyof LogEntry)[] = ["status"];
