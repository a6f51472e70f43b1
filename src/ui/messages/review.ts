/** The support review page's strings (`/review`), loaded with the page. */
export const reviewMessages = {
  heading: "Review a walk",
  intro:
    "Paste the share link or the summary an admin sent you: you see where they are in the guide, the way they took, what each check answered, and what comes next. It is read here, in this browser: nothing is sent anywhere.",
  field: "Share link or summary",
  submit: "Review",
  reading: "Reading…",
  clear: "Clear",
  walkHeading: (flowTitle: string) => `Walk through “${flowTitle}”`,
  fromLink: "From a share link: it carries no times and no check evidence.",
  fromSummary: "From a summary.",
  decisionsHeading: "Decisions",
  noDecisions: "No step was done yet: the admin is on the first step.",
  timeUnknown: "time not known",
  nextHeading: "What comes next",
  nowAt: (title: string) => `The admin is at “${title}”.`,
  endedAt: (title: string, result: string) => `The walk ended at “${title}”: ${result}.`,
  continueHere: "Continue from here",
  changed: (kept: number, of: number) =>
    kept === of
      ? "The guide has changed since this was made; the whole walk still fits it."
      : `The guide has changed since this was made: the first ${kept} of ${of} decisions still fit and are shown.`,
  changedAt: (title: string) =>
    `At “${title}” the guide no longer takes the way the admin took, so the walk is shown up to there.`,
  removedStep: (id: string) => `a step that is no longer in the guide (${id})`,
  /** Why something pasted cannot be reviewed, by PastedProblem (src/ui/share/pasted-walk.ts). */
  needsScript: "Reading a walk happens in this browser, with JavaScript on, so that it never leaves it.",
  problems: {
    "unsupported-version": "This was made by another version of this app, which this page cannot read.",
    "wrong-shape": "This is not a walk this app understands: its contents are not in the expected form.",
    "load-failed": "The guide this walk belongs to could not be loaded: check your connection, then try again.",
    empty: "Paste a share link or a summary first.",
    "too-big": "This is far longer than any summary this app makes, so it was not read.",
    "not-recognised": "This is neither a share link of this app nor a summary it made.",
    "no-record": "This summary has no walk record at its end: paste the whole summary, as Copy summary made it.",
    changed: "This summary was changed after it was made: its walk record no longer matches its checksum.",
    "record-unreadable": "The walk record at the end of this summary was cut short or changed, so it cannot be read.",
    "unknown-flow": "This walk belongs to a guide this app does not have.",
    "does-not-fit": "The steps in this walk do not fit the guide, although it has not changed: it was altered.",
  },
} as const;
