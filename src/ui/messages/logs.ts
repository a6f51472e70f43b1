/** The provisioning-log reader's strings (`/logs`), loaded with the page; how strings are kept: messages.ts. */
export const logsMessages = {
  heading: "Read Entra's provisioning logs",
  intro:
    "Download the provisioning logs of your SCIM enterprise application from Microsoft Entra (Provisioning logs > Download, JSON or CSV), then drop the file here or pick it. The file is read in this browser: nothing is uploaded.",
  fileLabel: "Provisioning log file (JSON or CSV)",
  dropHint: "Or drop the file here.",
  pasteLabel: "Or paste the log, or a Microsoft Graph auditLogs/provisioning response",
  pasteSubmit: "Read the pasted log",
  /** The disclosure that loads the Graph panel (graph.ts holds its own strings). */
  fromGraph: "Or read the recent log of an enterprise application from Microsoft Graph",
  includeAnswers: "Include my answers (names, UPNs and e-mail addresses) in links and the summary",
  includeAnswersHint:
    "Without it, a guide opened from here in this tab still gets the user's UPN filled in, but links and the copied summary carry no personal data.",
  reading: "Reading the log…",
  progressLabel: "Reading progress",
  readDone: (n: number) => `Read ${n} ${n === 1 ? "entry" : "entries"}.`,
  clear: "Read another log",
  formsNote:
    "Microsoft publishes no schema for the portal's downloads: this reader accepts the Graph v1.0 names, the older names (action, statusInfo, errorInfo) and a CSV whose columns it recognises by name. If something looks wrong, paste a Graph response instead.",
  shapes: { graph: "a Microsoft Graph response", array: "a JSON download", csv: "a CSV download" },
  fromShape: (shape: string, skipped: number) =>
    `Read from ${shape}.${skipped > 0 ? ` ${skipped} item(s) that are not log entries were left out.` : ""}`,
  nextLinkIgnored: "The response has a link to a next page: only the entries in what you gave are read.",
  totalsHeading: "Totals",
  byStatusCaption: "Entries by status",
  byActionCaption: "Entries by action",
  statusHead: "Status",
  actionHead: "Action",
  countHead: "Entries",
  status: { failure: "Failure", skipped: "Skipped", warning: "Warning", success: "Success", other: "Other" },
  range: (from: string, to: string) => `From ${from} to ${to} (UTC).`,
  failuresHeading: "Failures by error code",
  noFailures: "No failures in this log.",
  unknownHeading: "Error codes this reader does not know",
  unknownIntro: "These are listed as the log gave them; the guides may not cover them. Send them to support.",
  noCode: "(no error code)",
  skipsHeading: "Skipped entries by reason",
  unknownSkip: (reason: string) => (reason ? `Skipped: ${reason}` : "Skipped, no reason given"),
  entries: (n: number) => (n === 1 ? "1 entry" : `${n} entries`),
  codesSeen: "Codes in the log",
  reasonsSeen: "Reasons given",
  microsoftAdvice: "Microsoft recommends",
  ourAdvice: "What to do",
  usersHeading: "Users affected",
  noUsers: "The entries name no user.",
  moreUsers: (n: number) => `and ${n} more`,
  openGuide: (title: string) => `Open “${title}” at the step that fixes it`,
  openGuideFor: (title: string, who: string) => `Open “${title}” for ${who}`,
  copySummary: "Copy summary for support",
  summaryCopied: "Summary copied.",
  copyFailed: "Could not copy: select the text below and copy it.",
  summaryTitle: "Provisioning log summary",
  summaryPersonalLeftOut: "Names, UPNs and e-mail addresses are left out.",
  problems: {
    empty: "The file or the pasted text is empty.",
    "too-big": (mb: number, capMb: number) =>
      `This file is ${mb} MB: the reader takes files up to ${capMb} MB. Download a shorter time range or filter on Status = Failure in Entra.`,
    "truncated-json": (detail: string) =>
      `This JSON is cut off or broken, so it cannot be read (${detail}). Download the log again, or paste the whole response.`,
    "not-a-log":
      "This is not a provisioning log: it has no entries with a provisioning status or action. Download the log from Entra's Provisioning logs, or paste a Graph auditLogs/provisioning response.",
    "no-entries": "This log has no entries.",
    "csv-unknown-columns": (found: string, expected: string) =>
      `The columns of this CSV are not recognised (found: ${found}). The reader needs a status column, named one of: ${expected}. Microsoft documents no column names for this download; if yours differ, download JSON instead.`,
    failed: "The log could not be read. Try again, or download it as JSON.",
  },
} as const;
