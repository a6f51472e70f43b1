/**
 * The demo's provisioning logs (provisioningObjectSummary, reference A1), after the reference's
 * synthetic examples: every kind of entry the /logs reader groups (success, skipped with
 * NotEffectivelyEntitled, warning, and failures with EntryConflict, CredentialValidationUnavailable,
 * DuplicateTargetEntries, TooManyRequests and a code no table knows), with the connector prefix of
 * a SCIM app (A3). The reasons say SYNTHETIC: nothing here was copied from a real tenant.
 */
import { DEMO_DOMAIN, DEMO_SAMPLES, DEMO_SERVICE_PRINCIPALS, type DemoJobKind } from "./constants.ts";
import { DEMO_ENTRA_TENANT_ID } from "./graph-jobs.ts";

const SCIM = "SystemForCrossDomainIdentityManagement";
/** A code no table lists, to show how the reader names what it does not know. */
export const DEMO_UNKNOWN_CODE = `${SCIM}SyntheticUnlistedFault`;

type Kind =
  | { status: "success" | "warning"; action?: string }
  | { status: "skipped"; skipReason: string }
  | { status: "failure"; code: string; reason: string; category?: string };

interface Person {
  name: string;
  upn: string;
}

const person = (upn: string, name: string): Person => ({ upn, name });
const S = DEMO_SAMPLES;
const ADELE = person(S.activeUser.userName, "Adele Vance");
const MEGAN = person(S.upnMismatch.upn, "Megan Bowen");
const LEE = person(S.softDeletedUser.userName, "Lee Gu");
const DIEGO = person(S.hardDeletedUser.userName, "Diego Siciliani");
const ALEX = person(`alex.wilber@${DEMO_DOMAIN}`, "Alex Wilber");
/** Made-up colleagues, so that one code can fail for many users (escrow). */
const staff = (n: number) => person(`user${String(n).padStart(3, "0")}@${DEMO_DOMAIN}`, `Demo User ${n}`);

const fail = (code: string, reason: string, category = "failure"): Kind => ({
  status: "failure",
  code: `${SCIM}${code}`,
  reason: `SYNTHETIC: ${reason}`,
  category,
});
const CONFLICT = fail(
  "EntryConflict",
  "HTTP 409, a user with this userName or e-mail already exists.",
  "nonServiceFailure",
);
const CREDENTIALS = fail("CredentialValidationUnavailable", "HTTP 401 to the credential check.");
const DUPLICATE = fail("DuplicateTargetEntries", "two users in the workspace match this user's matching attribute.");
const THROTTLED = fail("TooManyRequests", "HTTP 429 from the SCIM endpoint; Entra retries later.");
const UNKNOWN = fail(DEMO_UNKNOWN_CODE.slice(SCIM.length), "a fault no guide describes.");
const SUCCESS: Kind = { status: "success" };
const WARNING: Kind = { status: "warning", action: "update" };
const SKIPPED: Kind = { status: "skipped", skipReason: "NotEffectivelyEntitled" };

/** One log entry, newest first by `minute` (minutes before the demo's fixed "now"). */
function entry(sp: { id: string; displayName: string }, n: number, who: Person, kind: Kind, minute: number) {
  const time = new Date(Date.UTC(2025, 0, 15, 9, 30) - minute * 60_000).toISOString().replace(".000Z", "Z");
  const failed = kind.status === "failure";
  const stepType = kind.status === "skipped" ? "scoping" : "export";
  return {
    id: `demo-${sp.id.slice(0, 8)}-${n}`,
    activityDateTime: time,
    tenantId: DEMO_ENTRA_TENANT_ID,
    jobId: `scim.${sp.id.replaceAll("-", "")}.${DEMO_ENTRA_TENANT_ID}`,
    cycleId: `demo-cycle-${Math.floor(minute / 40)}`,
    changeId: `demo-change-${sp.id.slice(0, 4)}-${n}`,
    provisioningAction: kind.status === "skipped" ? "other" : "action" in kind && kind.action ? kind.action : "create",
    durationInMilliseconds: 400 + (n % 7) * 150,
    initiatedBy: { id: "", displayName: "Azure AD Provisioning Service", initiatorType: "system" },
    servicePrincipal: { id: sp.id, displayName: sp.displayName },
    sourceSystem: { id: "demo-source", displayName: "Azure Active Directory", details: {} },
    targetSystem: { id: "demo-target", displayName: sp.displayName, details: {} },
    sourceIdentity: { id: `demo-user-${n}`, displayName: who.name, identityType: "User", details: {} },
    targetIdentity: { id: "", displayName: "", identityType: "User", details: {} },
    provisioningStatusInfo: {
      status: kind.status,
      errorInformation: failed
        ? {
            errorCode: kind.code,
            reason: kind.reason,
            additionalDetails: null,
            errorCategory: kind.category ?? "failure",
            recommendedAction: null,
          }
        : null,
    },
    provisioningSteps: [
      {
        name: stepType === "scoping" ? "EntrySynchronizationScoping" : "EntryExportAdd",
        provisioningStepType: stepType,
        status: kind.status,
        description: failed ? "SYNTHETIC: export failed" : "SYNTHETIC",
        details: {
          ReportableIdentifier: who.upn,
          ...(kind.status === "skipped" ? { SkipReason: kind.skipReason, Assigned: "False" } : {}),
        },
      },
    ],
    modifiedProperties: [{ displayName: "userName", oldValue: null, newValue: who.upn }],
  };
}

/** What each application's log holds, newest first. */
function entriesFor(job: DemoJobKind): [Person, Kind][] {
  switch (job) {
    case "active":
      return [
        [ADELE, SUCCESS],
        [ALEX, WARNING],
        [LEE, SKIPPED],
        [DIEGO, SUCCESS],
        [MEGAN, SUCCESS],
      ];
    case "quarantine-credentials":
      // [GAP] in the reference: whether credential failures log per-user entries at all is unknown.
      return [
        [ADELE, CREDENTIALS],
        [ALEX, CREDENTIALS],
        [DIEGO, SUCCESS],
      ];
    case "escrow-threshold": {
      // Enough for two pages of 100: every kind of entry, and one code failing for many users.
      const mix = [CONFLICT, CONFLICT, CONFLICT, DUPLICATE, DUPLICATE, THROTTLED];
      const many = Array.from({ length: 90 }, (_, i): [Person, Kind] => [staff(i + 1), mix[i % mix.length]]);
      return [
        [MEGAN, CONFLICT],
        [ADELE, CREDENTIALS],
        [DIEGO, DUPLICATE],
        [ALEX, THROTTLED],
        [staff(900), UNKNOWN],
        [LEE, SKIPPED],
        [staff(901), WARNING],
        ...many,
        ...Array.from({ length: 30 }, (_, i): [Person, Kind] => [staff(200 + i), SUCCESS]),
      ];
    }
    case "paused":
      return [
        [ADELE, SUCCESS],
        [MEGAN, SUCCESS],
      ];
  }
}

/** Every demo application's log entries together, newest first per application. */
export function demoLogs() {
  return DEMO_SERVICE_PRINCIPALS.flatMap((sp) =>
    entriesFor(sp.job).map(([who, kind], n) => entry(sp, n + 1, who, kind, n * 3)),
  );
}
