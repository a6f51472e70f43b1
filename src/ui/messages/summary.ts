/**
 * The strings of the Markdown summary (Copy summary / Download summary), which
 * load with its code on the first click; its Markdown markup stays in transcript.ts.
 */
export const summaryMessages = {
  guide: "Guide",
  date: "Date",
  appVersion: "App version",
  steps: "Steps",
  nowAt: "Now at",
  /** Above the walk record, the block /review reads back. */
  recordHint:
    "For support: paste this whole summary into the review page (/review) to see the walk on the guide's map.",
  /** What was done at each step. */
  done: "done",
  answered: (label: string) => `answered “${label}”`,
  answeredByHand: "answered by hand",
  liveCheck: "live check",
  /** Whether a check's outcome was seen here or only claimed by the shared link that opened the walk. */
  ranHere: "run in this browser",
  notRunHere: "from a shared link, not run in this browser",
  /** Stands in for a personal answer that is not shared. */
  leftOut: "(left out)",
  /** An input a shared link did not carry. */
  notShared: "(not shared)",
  /** Fallbacks when a step is not found in the flow. */
  value: "value",
  check: "check",
  /** Evidence lines. */
  noAnswer: "no answer",
  elapsed: (ms: number) => `in ${ms} ms`,
  detail: (detail: string) => `detail “${detail}”`,
  body: (summary: string) => `body: ${summary}`,
} as const;
