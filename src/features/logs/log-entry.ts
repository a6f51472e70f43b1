/**
 * One provisioning-log entry, whatever shape it came in (Graph v1.0, the
 * portal's JSON or CSV download, the legacy names): only what the reader
 * shows. Personal data (name, UPN, e-mail) stays on the page.
 */
export interface LogEntry {
  time?: string;
  /** create, update, delete, stageddelete, disable, other (lowercase), or what the file said. */
  action: string;
  /** success, warning, failure, skipped (lowercase), or what the file said. */
  status: string;
  errorCode?: string;
  reason?: string;
  recommendedAction?: string;
  skipReason?: string;
  displayName?: string;
  upn?: string;
  mail?: string;
}

/** The four statuses Microsoft documents; anything else is counted as "other". */
export const STATUSES = ["failure", "skipped", "warning", "success"] as const;
export type Status = (typeof STATUSES)[number];

/** Why a file could not be read, each with its own message (src/ui/messages/logs.ts). */
export type LogProblem =
  | { problem: "empty" }
  | { problem: "too-big"; bytes: number }
  | { problem: "truncated-json"; detail: string }
  | { problem: "not-a-log" }
  | { problem: "no-entries" }
  | { problem: "csv-unknown-columns"; found: string[] };

/**
 * 200 MB: a 100,000-entry JSON download with steps and modified properties (about 1.5 KB an
 * entry, after the reference's examples) is some 150 MB; above ~250k records Microsoft sends
 * admins to the API anyway (reference A2). Read in a worker, a file this size stalls no page.
 */
export const MAX_LOG_BYTES = 200 * 1024 * 1024;
