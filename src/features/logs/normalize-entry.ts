import type { LogEntry } from "./log-entry.ts";

/**
 * A JSON log item → a LogEntry, or undefined when it is not one. Microsoft
 * documents the Graph v1.0 names but publishes no schema for the portal's
 * download, and older pages and provisionOnDemand use other names
 * (reference/entra-provisioning.md, A1 and A2): every documented form is read.
 *  - status: `provisioningStatusInfo.status`, legacy `statusInfo.status`
 *  - error: `…errorInformation`, the older page's `…errorInfo`, or fields of `statusInfo` itself
 *  - action: `provisioningAction`, legacy `action`
 *  - steps: `provisioningSteps`, legacy `steps`
 * Enums are compared case-insensitively (the examples show `"Import"`).
 */
type Bag = Record<string, unknown>;

const isBag = (value: unknown): value is Bag => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
const bag = (value: unknown): Bag => (isBag(value) ? value : {});
/** A key of `from`, matched without regard to case (the legacy shape capitalises some). */
const field = (from: Bag, ...names: string[]): unknown => {
  for (const name of names) if (name in from) return from[name];
  const lower = new Map(Object.keys(from).map((k) => [k.toLowerCase(), k]));
  for (const name of names) {
    const key = lower.get(name.toLowerCase());
    if (key) return from[key];
  }
  return undefined;
};

const LOG_KEYS = ["provisioningStatusInfo", "statusInfo", "provisioningAction", "action", "provisioningSteps", "steps"];
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function normalizeEntry(raw: unknown): LogEntry | undefined {
  if (!isBag(raw) || !LOG_KEYS.some((k) => field(raw, k) !== undefined)) return undefined;
  const statusInfo = bag(field(raw, "provisioningStatusInfo", "statusInfo"));
  const error = isBag(field(statusInfo, "errorInformation", "errorInfo"))
    ? bag(field(statusInfo, "errorInformation", "errorInfo"))
    : statusInfo;
  const steps = field(raw, "provisioningSteps", "steps");
  const stepDetails = Array.isArray(steps) ? steps.map((s) => bag(field(bag(s), "details"))) : [];
  const source = bag(field(raw, "sourceIdentity"));
  const sourceDetails = bag(field(source, "details"));
  const modified = field(raw, "modifiedProperties");
  const newValue = (...names: string[]) =>
    Array.isArray(modified)
      ? modified
          .map(bag)
          .map((p) => (names.some((n) => text(p.displayName)?.toLowerCase() === n) ? text(p.newValue) : undefined))
          .find(Boolean)
      : undefined;
  const upn =
    text(field(sourceDetails, "userPrincipalName", "UserPrincipalName")) ??
    stepDetails.map((d) => text(field(d, "ReportableIdentifier"))).find((v) => v && EMAIL.test(v)) ??
    newValue("userprincipalname", "username");
  const mail = text(field(sourceDetails, "mail")) ?? newValue("mail", 'emails[type eq "work"].value');
  return {
    time: text(field(raw, "activityDateTime", "activityDate")),
    action: (text(field(raw, "provisioningAction", "action")) ?? "other").toLowerCase(),
    status: (text(field(statusInfo, "status")) ?? "unknown").toLowerCase(),
    errorCode: text(field(error, "errorCode")),
    reason: text(field(error, "reason")),
    recommendedAction: text(field(error, "recommendedAction")),
    skipReason: stepDetails.map((d) => text(field(d, "SkipReason"))).find(Boolean),
    displayName: text(field(source, "displayName", "name")),
    upn: upn && EMAIL.test(upn) ? upn : undefined,
    mail: mail && EMAIL.test(mail) ? mail : undefined,
  };
}
