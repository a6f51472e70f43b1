/**
 * The one place a live check is described: the outcome codes it can end in
 * (as `reference/scim-checks.md` lists them), what it needs from the
 * connection, and its parameters with their labels and doctor flags. Flows
 * branch on the codes and the linter holds them to this list; the doctor's
 * flags, usage and skip rules, run.ts's input checks and the wizard's
 * readiness sentence are all derived from here.
 */

/** Ways any request can fail before it answers the check's question. */
export const REQUEST_FAILURES = [
  "unauthorized",
  "forbidden",
  "not-found",
  "server-error",
  // 429, or 503 with Retry-After: the endpoint asks us to wait, and nothing retries on its own.
  "rate-limited",
  "not-scim",
  "timeout",
  "unreachable",
] as const;

export type RequestFailureCode = (typeof REQUEST_FAILURES)[number];

/**
 * The same ways to fail for a Microsoft Graph request, with one difference: an answer Graph
 * would never give (HTML, JSON of another shape, cut at the size cap) is `bad-response`, since
 * "not SCIM" means nothing there. unauthorized is an expired or invalid Graph token, forbidden a
 * missing permission or role, not-found no such service principal.
 */
export const GRAPH_REQUEST_FAILURES = [
  "unauthorized",
  "forbidden",
  "not-found",
  "server-error",
  "rate-limited",
  "bad-response",
  "timeout",
  "unreachable",
] as const;

export type GraphFailureCode = (typeof GRAPH_REQUEST_FAILURES)[number];

const probeOutcomes = ["pass", "bad-filter", ...REQUEST_FAILURES] as const;

/** A value a check reads from the admin: the wizard's input step, or the doctor's `--flag VALUE`. */
export interface ParamSpec {
  /** What the value is, for a sentence such as "needs the user name". */
  label: string;
  /** The doctor's long option, without the dashes. */
  flag: string;
  /** The placeholder after the flag in the doctor's usage text. */
  valueName: string;
}

/** Which API a check talks to: the workspace's SCIM endpoint, or Microsoft Graph (Entra's record). */
export type CheckSystem = "scim" | "graph";

export interface CheckEntry {
  /** A Graph check's target is the Graph root and a Graph access token (types.ts, CheckTarget). */
  system: CheckSystem;
  outcomes: readonly string[];
  needs: {
    /**
     * Cannot run without a token: the admin's key for a SCIM check (discovery sends one when it
     * has it, but runs without), the Graph access token for a Graph check.
     */
    token: boolean;
    /** Sends the key from before "Regenerate API key" too. */
    previousToken: boolean;
    /** Reads one enterprise application in Graph: target.servicePrincipalId (its Object ID). */
    servicePrincipal?: boolean;
  };
  /**
   * False for a check that sends nothing and judges the Tenant URL as typed:
   * it never goes through the relay, and the doctor runs it without a token.
   */
  sends: boolean;
  /**
   * Sends a key that is not the admin's (a made-up one, or the old one). Servers with brute-force
   * protection count those as failed logins and may lock the address out, so the doctor runs such
   * a check only when it is named with `--check`, never by default.
   */
  sendsOtherKey: boolean;
  /**
   * Creates, changes and deletes a resource in the workspace (a throwaway test user). The doctor
   * runs such a check only when it is named with `--check` and `--write` is given, and the wizard
   * asks the admin to confirm before it sends anything.
   */
  writes: boolean;
  params: Readonly<Record<string, ParamSpec>>;
}

const userName = { label: "user name (UPN)", flag: "user-name", valueName: "UPN" } as const;
const mail = { label: "e-mail address", flag: "mail", valueName: "ADDRESS" } as const;
const upn = { label: "UPN in Entra", flag: "upn", valueName: "UPN" } as const;
const groupName = { label: "group name", flag: "group-name", valueName: "NAME" } as const;

const plain = { token: true, previousToken: false } as const;

/** Every check against the workspace's SCIM endpoint. */
const scim = { system: "scim" } as const;

/**
 * Graph checks read Entra's record of one enterprise application and never write to Graph:
 * they send only GETs, with the Graph token and nothing else.
 */
const graphRead = {
  system: "graph",
  needs: { token: true, previousToken: false, servicePrincipal: true },
  sends: true,
  sendsOtherKey: false,
  writes: false,
  params: {},
} as const;

/** Entra's own probes (a user, a group by a GUID that cannot exist): the same needs and codes. */
const entraProbe = {
  ...scim,
  outcomes: probeOutcomes,
  needs: plain,
  sends: true,
  sendsOtherKey: false,
  writes: false,
  params: {},
} as const;

export const CHECK_CATALOG = {
  "url-format": {
    ...scim,
    outcomes: ["pass", "bad-url"],
    needs: { token: false, previousToken: false },
    sends: false,
    sendsOtherKey: false,
    writes: false,
    params: {},
  },
  // ServiceProviderConfig is public on many servers, so discovery can tell "something is there" without a key.
  discovery: {
    ...scim,
    outcomes: ["pass", "not-found", "server-error", "rate-limited", "not-scim", "timeout", "unreachable"],
    needs: { token: false, previousToken: false },
    sends: true,
    sendsOtherKey: false,
    writes: false,
    params: {},
  },
  "test-connection": entraProbe,
  "groups-probe": entraProbe,
  "auth-enforced": {
    ...scim,
    outcomes: ["pass", "auth-not-enforced", ...REQUEST_FAILURES],
    needs: plain,
    sends: true,
    sendsOtherKey: true,
    writes: false,
    params: {},
  },
  "key-rotation": {
    ...scim,
    // same-key: the old and the new key given are one value, a usage mistake found without sending anything.
    outcomes: ["pass", "old-key-still-valid", "new-key-rejected", "auth-not-enforced", "same-key", ...REQUEST_FAILURES],
    needs: { token: true, previousToken: true },
    sends: true,
    sendsOtherKey: true,
    writes: false,
    params: {},
  },
  "user-state": {
    ...scim,
    outcomes: ["active", "inactive", "absent", "duplicate", "bad-filter", ...REQUEST_FAILURES],
    needs: plain,
    sends: true,
    sendsOtherKey: false,
    writes: false,
    params: { userName },
  },
  "upn-collision": {
    ...scim,
    outcomes: ["pass", "upn-mismatch", "bad-filter", ...REQUEST_FAILURES],
    needs: plain,
    sends: true,
    sendsOtherKey: false,
    writes: false,
    params: { mail, upn },
  },
  "group-leftover": {
    ...scim,
    outcomes: ["pass", "present", "bad-filter", ...REQUEST_FAILURES],
    needs: plain,
    sends: true,
    sendsOtherKey: false,
    writes: false,
    params: { groupName },
  },
  // Issue 11 point 10: replays Entra's create, find, soft delete, update and delete on a test user.
  "entra-compat": {
    ...scim,
    outcomes: [
      "pass",
      // Entra's soft-delete PATCH without the aadOptscim062020 flag ("Replace", "False") was refused or ignored.
      "soft-delete-rejected",
      "create-failed",
      "not-found-after-create",
      "patch-failed",
      "delete-failed",
      "bad-filter",
      ...REQUEST_FAILURES,
    ],
    needs: plain,
    sends: true,
    sendsOtherKey: false,
    writes: true,
    params: {},
  },
  // Issue 14: the provisioning job of one enterprise application (reference B), worst job first.
  "job-status": {
    ...graphRead,
    outcomes: [
      "active",
      // Active, but its last run ended in EntryLevelErrors or Failed, or entries wait in escrow.
      "active-with-errors",
      "paused",
      "not-run",
      "not-configured",
      // Quarantine because of EncounteredQuarantineException: Entra's credentials were rejected.
      "quarantine-credentials",
      // Quarantine because of an Encountered…EscrowThreshold: too many entries failed.
      "quarantine-escrow",
      // Quarantine for any other reason, or one this code does not know yet (unknownFutureValue…).
      "quarantine-other",
      // The service principal has no synchronization job: provisioning was never set up on it.
      "no-job",
      // A status code this tool does not know (unknownFutureValue, or a new one): named in the explanation.
      "unknown-status",
      ...GRAPH_REQUEST_FAILURES,
    ],
  },
  // Issue 14: the recent provisioning-log entries of that application, read as the /logs reader reads them.
  "provisioning-logs": {
    ...graphRead,
    // no-entries: the application has no log entries in the retention time (or the wrong one was picked);
    // incomplete: no failure in what was read, but a later page could not be read or followed.
    outcomes: ["no-failures", "failures", "no-entries", "incomplete", ...GRAPH_REQUEST_FAILURES],
  },
} as const satisfies Record<string, CheckEntry>;

export type CheckName = keyof typeof CHECK_CATALOG;
export const CHECK_NAMES = Object.keys(CHECK_CATALOG) as CheckName[];

/** The outcome codes one check may return: a check implementation is typed with these. */
export type OutcomeOf<N extends CheckName> = (typeof CHECK_CATALOG)[N]["outcomes"][number];
export type ParamOf<N extends CheckName> = keyof (typeof CHECK_CATALOG)[N]["params"] & string;
/** The checks that read Microsoft Graph. */
export type GraphCheck = {
  [N in CheckName]: (typeof CHECK_CATALOG)[N]["system"] extends "graph" ? N : never;
}[CheckName];
/** Checks that send requests, and so have an implementation behind runCheck. */
export type SendingCheck = { [N in CheckName]: (typeof CHECK_CATALOG)[N]["sends"] extends true ? N : never }[CheckName];

export function isCheckName(name: string): name is CheckName {
  return Object.hasOwn(CHECK_CATALOG, name);
}

/** A check's entry, widened so that callers holding any name can read it. */
export function entryOf(name: CheckName): CheckEntry {
  return CHECK_CATALOG[name];
}

export function isGraphCheck(name: string): name is GraphCheck {
  return isCheckName(name) && entryOf(name).system === "graph";
}

/** Every parameter of every check once, by name: one name has one flag and one label everywhere. */
export function allParams(): [name: string, spec: ParamSpec, checks: CheckName[]][] {
  const byName = new Map<string, [string, ParamSpec, CheckName[]]>();
  for (const check of CHECK_NAMES) {
    for (const [name, spec] of Object.entries(entryOf(check).params)) {
      const seen = byName.get(name);
      if (seen) seen[2].push(check);
      else byName.set(name, [name, spec, [check]]);
    }
  }
  return [...byName.values()];
}
