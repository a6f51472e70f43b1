/**
 * The strings of a check step and its connection panel, which load with the
 * first check step (see messages.ts for the rest and for how strings are kept).
 */
export const checkMessages = {
  check: {
    willSend: "What will be sent",
    resultRegion: "Check result",
    run: "Run check",
    running: "Checking…",
    cancel: "Cancel",
    retry: "Retry",
    continueWith: (title: string) => `Continue: ${title}`,
    evidence: "Evidence",
    manualHint: "You can also answer by hand, without a live check.",
    failed: (reason: string) => `The check could not run: ${reason}`,
    /** The reason in `failed` when the check gave none. */
    unknownReason: "unknown",
    status: "Status",
    elapsed: "Time",
    elapsedMs: (ms: number) => `${ms} ms`,
    request: "Request",
    detail: "Detail",
    passed: "Passed",
    problem: "Problem found",
    /** A check whose catalogue entry `writes` asks first, naming what it will create and delete. */
    writeConfirm: (userName: string) =>
      `This creates the test user ${userName} in your workspace and deletes it again.`,
    writeConfirmHint:
      "The random part is chosen when the check runs. If the delete fails, the result names the user to delete by hand.",
    writeConfirmRun: "Create and delete the test user",
    writeConfirmCancel: "Cancel",
  },

  connection: {
    heading: "Connection for live checks",
    mode: "Check against",
    demo: "Demo tenant (a simulation, no account needed)",
    endpoint: "My SCIM endpoint",
    baseUrl: "SCIM base URL (Tenant URL)",
    baseUrlPlaceholder: "https://scim.example.com/scim/v2",
    token: "Secret token",
    previousToken: "Previous secret token (only for the key rotation check)",
    tokenHint: "Kept in this tab's memory only: never stored, never put in a link or a summary.",
    forget: "Forget token",
    forgotten: "Token forgotten.",
    relay: "Send through the local relay (npm run relay)",
    relayUrl: "Relay address",
    demoBadge: "Simulation",
    demoFaults: "Simulated problems",
  },
  /** Why a live check cannot run yet (the check step's readiness sentence). */
  readiness: {
    /** Inputs a check needs but a shared link left out (personal answers are not shared), named by their labels. */
    missingInputs: (labels: readonly string[]) =>
      `This check needs ${labels.map((label) => `“${label}”`).join(", ")}, which was left out of the shared link: go Back and enter it again, or answer by hand.`,
    /** Why live checks cannot run yet. */
    blockers: {
      demoOff: "The demo tenant is off here.",
      noBaseUrl: "Enter your SCIM base URL first.",
      noToken: "Enter the secret token first.",
      noPreviousToken: "Enter the previous secret token (the key before you regenerated it) first.",
    },
  },
} as const;
