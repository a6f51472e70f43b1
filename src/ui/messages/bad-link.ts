/** A share link that cannot be opened: its page and why, loaded only when that happens. */
export const badLinkMessages = {
  heading: "This link cannot be opened",
  hint: "Ask for a new link, or start the guide yourself.",
  startOver: "Start over",
  openFlow: "Open the guide at its start",
  /** Why a share link was refused, by ShareLinkProblem (src/ui/share/share-format.ts). */
  reasons: {
    "too-long": "The link is far longer than any link this app makes, so it was not read.",
    "not-base64": "The link was cut short or changed: part of it is not in the expected form.",
    "not-json": "The link was cut short or changed: its contents cannot be read.",
    "wrong-shape": "The link's contents are not a list of steps this app understands.",
    "unsupported-version": "The link was made by another version of this app.",
    "other-flow": "The link belongs to another guide than the one in its address.",
    outdated: "The guide has changed since this link was made, so its steps no longer match.",
    "does-not-fit": "The steps in the link do not fit this guide.",
  },
} as const;
