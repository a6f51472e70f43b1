/**
 * Every live check, its parameters and the outcome codes it can end in, as
 * `reference/scim-checks.md` lists them. Flows branch on these codes and the
 * linter holds them to this list.
 */

/** Ways any request can fail before it answers the check's question. */
export const REQUEST_FAILURES = [
  "unauthorized",
  "forbidden",
  "not-found",
  "server-error",
  "not-scim",
  "timeout",
  "unreachable",
] as const;

const probeOutcomes = ["pass", "bad-filter", ...REQUEST_FAILURES] as const;

export const CHECK_CATALOG = {
  "url-format": { params: [], outcomes: ["pass", "bad-url"] },
  discovery: { params: [], outcomes: ["pass", "not-found", "server-error", "not-scim", "timeout", "unreachable"] },
  "test-connection": { params: [], outcomes: probeOutcomes },
  "groups-probe": { params: [], outcomes: probeOutcomes },
  "auth-enforced": { params: [], outcomes: ["pass", "auth-not-enforced", ...REQUEST_FAILURES] },
  "key-rotation": {
    params: [],
    outcomes: ["pass", "old-key-still-valid", "new-key-rejected", ...REQUEST_FAILURES],
  },
  "user-state": {
    params: ["userName"],
    outcomes: ["active", "inactive", "absent", "duplicate", "bad-filter", ...REQUEST_FAILURES],
  },
  "upn-collision": {
    params: ["mail", "upn"],
    outcomes: ["pass", "upn-mismatch", "bad-filter", ...REQUEST_FAILURES],
  },
  "group-leftover": { params: ["groupName"], outcomes: ["pass", "present", "bad-filter", ...REQUEST_FAILURES] },
} as const;

export type CheckName = keyof typeof CHECK_CATALOG;
export const CHECK_NAMES = Object.keys(CHECK_CATALOG) as CheckName[];
