import Papa from "papaparse";
import type { LogEntry, LogProblem } from "./log-entry.ts";

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

const key = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");
const BY_KEY = new Map(
  Object.entries(CSV_COLUMNS).flatMap(([field, names]) => names.map((n) => [key(n), field as keyof LogEntry])),
);

export function parseCsv(
  text: string,
  onProgress: (fraction: number) => void = () => {},
): { ok: true; entries: LogEntry[] } | ({ ok: false } & LogProblem) {
  const entries: LogEntry[] = [];
  let columns: (keyof LogEntry | undefined)[] | undefined;
  let headers: string[] = [];
  let refused = false;
  let row = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: "greedy",
    step: (result, parser) => {
      const cells = result.data;
      if (!columns) {
        headers = cells.map((c) => c.replace(/^\uFEFF/, "").trim());
        columns = headers.map((h) => BY_KEY.get(key(h)));
        if (!REQUIRED_CSV_COLUMNS.every((c) => columns?.includes(c))) {
          refused = true;
          parser.abort();
        }
        return;
      }
      const entry: Partial<Record<keyof LogEntry, string>> = {};
      columns.forEach((field, i) => {
        const value = cells[i]?.trim();
        if (field && value && !entry[field]) entry[field] = value;
      });
      entries.push({
        ...entry,
        status: (entry.status ?? "unknown").toLowerCase(),
        action: (entry.action ?? "other").toLowerCase(),
      });
      if (++row % 5000 === 0) onProgress(result.meta.cursor / text.length);
    },
  });
  if (refused || !columns) return { ok: false, problem: "csv-unknown-columns", found: headers.filter(Boolean) };
  return { ok: true, entries };
}
