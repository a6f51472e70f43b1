/** The article page's strings (`/flows/:flowId/article`), loaded with the page. */
export const articleMessages = {
  /** Added to the guide's title in the article page's <title>. */
  titleSuffix: "article",
  stepsHeading: "Steps",
  mapHeading: "Map",
  asksFor: "Asks for:",
  thenGoTo: "Then:",
  otherwise: "Any other result",
  checkIntro: "Live check",
  manualWay: "Without the live check",
  print: "Print",
  outcome: "Result",
} as const;
