/**
 * Every string the UI shows lives in src/ui/messages/, ready for a second
 * language: a translation is another folder of objects of the same shapes. Strings with values are
 * functions, so each language can place the values (and its quotes) itself.
 *
 * The other modules here hold what loads later, with the code that shows it:
 * a page of its own (catalogue, article), a check step and its connection panel
 * (check), the Markdown summary (summary), a link that cannot be opened
 * (bad-link): a first page carries only its own strings.
 *
 * Not here, on purpose: flow text (flows/*.yaml), check results (src/checks),
 * demo data (src/demo), and protocol words shown verbatim (HTTP methods, the
 * `Authorization` header, SCIM attribute names, outcome codes).
 */
export const messages = {
  // Site-wide
  appName: "SCIM Troubleshooter",
  tagline: "Guided fixes for SCIM provisioning from Microsoft Entra ID into Workspace 365.",
  skipToContent: "Skip to content",
  loading: "Loading…",
  loadFailed: {
    heading: "This guide could not be loaded",
    body: "Part of the troubleshooter did not arrive: check your connection, then try again.",
    retry: "Try again",
  },
  /** Read by screen readers after a link that opens a new tab (visually hidden). */
  opensInNewTab: "(opens in a new tab)",
  nav: { home: "All problems", article: "Read as an article", wizard: "Open the guided steps" },

  // Where a step happens (the badge above a step title)
  where: {
    entra: "Entra admin center",
    workspace: "Workspace admin settings",
    synctool: "Azure AD synctool",
    label: "Where",
  },

  // Wizard (`/flows/:flowId`)
  wizard: {
    progress: (step: number, total: number) => `Step ${step} of about ${total}`,
    /** The navigation landmark holding Back, Start over and the article link. */
    controls: "Walk",
    back: "Back",
    startOver: "Start over",
    map: "Map",
    next: "Next",
    done: "Done, next step",
    substeps: "Do these in order",
    warning: "Warning",
    continue: "Continue",
    invalidInput: "Check this value",
    notShared: "Not shared in links unless you choose to.",
    unknownFlow: (id: string) => `There is no guide called “${id}”.`,
  },

  // Outcome steps
  outcome: {
    resolved: "Solved",
    escalate: "Contact support",
    handover: "Continue with another guide",
    openFlow: (title: string) => `Open “${title}”`,
    feedbackQuestion: "Did this solve your problem?",
    yes: "Yes",
    no: "No",
    thanks: "Thank you for telling us.",
    escalateHint: "Copy the summary below and send it to support: it lists what you did and saw, and never your token.",
  },

  // Share link, summary buttons, and a share link that cannot be opened
  share: {
    region: "Share and summary",
    shareLink: "Share link",
    includeAnswers: "Include my answers (UPN, e-mail) in the link and the summary",
    copied: "Link copied to the clipboard.",
    copyFailed: "Copy failed. Select the link below and copy it yourself.",
    /** The text box shown when the clipboard cannot be used. */
    copyFallback: "Text to copy",
    copySummary: "Copy summary",
    summaryCopied: "Summary copied to the clipboard.",
    downloadSummary: "Download summary (.md)",
  },

  // Embed (`/embed/…`)
  embed: { openFull: "Open in the full troubleshooter" },

  // Not found and unexpected errors
  notFound: { heading: "Page not found", body: "This address does not lead anywhere.", home: "See all guides" },
  error: {
    heading: "Something went wrong",
    body: "The page hit an unexpected problem. Your progress is kept.",
    reload: "Reload",
  },
} as const;

export type Messages = typeof messages;
