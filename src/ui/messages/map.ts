/** The flow map's strings (article page, the wizard's Map panel, the review page), loaded with the map. */
export const mapMessages = {
  /** The map's accessible name. */
  name: (flowTitle: string) => `Map of “${flowTitle}”`,
  kind: {
    instruction: "Step",
    question: "Question",
    input: "Input",
    check: "Live check",
    outcome: "Outcome",
  },
  here: "you are here",
  visited: "visited",
  ahead: "not visited",
  /** A visited node in the wizard: activating it goes back to that step. */
  goBackTo: "go back to this step",
  pathHeading: "Path taken",
  /** Announced when the Map opens and after each move: how far the walk is, and where. */
  pathSummary: (steps: number, here: string) =>
    `Path taken: ${steps} ${steps === 1 ? "step" : "steps"}, you are at “${here}”.`,
  download: "Download the map (SVG)",
  loadFailed: "The map could not be loaded: check your connection, then reload the page.",
  textAlternative: "The same map as a list: every step and where each way on leads is in the steps below.",
} as const;
