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

/** 50 MB: five times a 100,000-entry download, far below what would stall a browser tab. */
export const MAX_LOG_BYTES = 50 * 1024 * 1024;
