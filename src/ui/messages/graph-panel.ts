/**
 * The strings of the Microsoft Graph panel (a Graph check step, the log reader's Graph
 * section), which load with it (see messages.ts for how strings are kept).
 */
export const graphPanelMessages = {
  heading: "Microsoft Graph for Entra's side",
  demoBadge: "Simulation",
  ownTenant: "My Entra tenant",
  demoIntro:
    "The demo tenant simulates Entra's side too: pick one of its enterprise applications. Each one's provisioning job is in another state.",
  intro:
    "These checks read Entra's provisioning job and logs through Microsoft Graph, read only. Sign in with an account that may read them (for the job: Application Administrator, Cloud Application Administrator or the app's owner; for the logs: Reports Reader or higher).",
  configLoading: "Looking for this site's Microsoft sign-in settings…",
  configOff:
    "Sign-in with Microsoft is not set up on this site (its operator registers an app in Entra: see docs/entra.md). You can paste an access token instead, or answer by hand.",
  signIn: "Sign in with Microsoft",
  embeddedSignIn:
    "In this embedded guide, paste an access token; to sign in with Microsoft instead, open the guide on its own page (the log reader and every guide are on the troubleshooter's site).",
  signingIn: "Signing in…",
  signInFailed: (message: string) => `Sign-in did not complete: ${message}`,
  signedIn: (account: string) => `Signed in as ${account}.`,
  signInExpired: (reason: string) =>
    `The Microsoft sign-in could not be renewed, so it was ended (${reason}). Sign in with Microsoft again in the panel above, then retry.`,
  signedInRoot:
    "Signed in with Microsoft, the checks read Microsoft's global Graph (graph.microsoft.com). For a national cloud, sign out and paste a token of that cloud.",
  pastedToken: "Using the pasted access token.",
  signOut: "Sign out",
  forgetToken: "Forget token",
  forgotten: "Signed out; the Graph token is forgotten.",
  pasteLegend: "Or paste an access token",
  pasteLabel: "Graph access token",
  pasteHint:
    "For example from Graph Explorer (Access token tab), with the permissions Synchronization.Read.All, AuditLog.Read.All and Directory.Read.All. Kept in this tab's memory only: never stored, never put in a link or a summary.",
  usePasted: "Use this token",
  rootSummary: "Another Microsoft Graph (national cloud or test server)",
  rootLabel: "Microsoft Graph address",
  rootHint: "Change it only for a national cloud, or for a local test server on 127.0.0.1.",
  rootProblem: (problem: string) => `This Graph address cannot be used: ${problem}.`,
  appLegend: "Enterprise application (the SCIM app in Entra)",
  appSearchLabel: "Name of the enterprise application, or its object ID",
  appSearchHint: "Leave empty to list the first ones.",
  appSearch: "Find",
  appSearching: "Looking…",
  appNone: "No enterprise application matches.",
  appFound: (count: number) => (count === 1 ? "1 application found." : `${count} applications found.`),
  appPicked: (name: string) => `Application: ${name}`,
  appChange: "Choose another application",
  appSearchFailed: (title: string, explanation: string) => `${title}: ${explanation}`,
  readiness: {
    demoOff: "The demo tenant is off here.",
    noToken: "Sign in with Microsoft, or paste a Graph access token, first.",
    badRoot: "Correct the Microsoft Graph address first.",
    noApp: "Pick the enterprise application first.",
  },
  /** The provisioning-logs check's way into the log reader. */
  openInReader: "Read these entries in the log reader",
  logs: {
    read: (app: string) => `Read the recent entries of ${app}`,
    reading: "Reading from Microsoft Graph…",
  },
} as const;
