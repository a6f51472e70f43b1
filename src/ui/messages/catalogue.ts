/** The catalogue page's strings (`/`), loaded with the page; how strings are kept: messages.ts. */
export const catalogueMessages = {
  heading: "What went wrong?",
  intro: "Pick the problem you see, or search for an error text. Every guide ends in a fix or a summary for support.",
  startHere: "Not sure? Start here",
  startHereHint: "Answer three short questions and we will open the right guide.",
  logsLink: "Read Entra's provisioning logs",
  logsHint: "Drop a log file downloaded from Entra: the errors grouped, each with the guide that fixes it.",
  searchLabel: "Search problems and error messages",
  searchPlaceholder: "For example: Error 500, secret token, deleted",
  results: (n: number) => (n === 1 ? "1 guide matches" : `${n} guides match`),
  noResults: "No guide matches. Try fewer words, or start with the questions.",
  symptoms: "Symptoms",
  forSupport: "For support staff:",
  reviewLink: "review a walk an admin sent you (share link or summary)",
} as const;
