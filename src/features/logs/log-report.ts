import { entryForCode, entryForSkipReason } from "../../engine/provisioning-error-match.ts";
import type { ErrorCodeEntry, ProvisioningErrors, SkipReasonEntry } from "../../engine/provisioning-errors.ts";
import { type LogEntry, STATUSES, type Status } from "./log-entry.ts";

/** A user an entry was about: personal data, shown on the page only. */
export interface AffectedUser {
  displayName?: string;
  upn?: string;
  mail?: string;
}

export interface TimeRange {
  from: string;
  to: string;
}

/** Entries that share an explanation: a known code or skip reason, or one unknown code. */
export interface EntryGroup<Known> {
  known?: Known;
  /** The codes or reasons exactly as the log wrote them. */
  raw: string[];
  /** Reasons given with an unknown code, as written (the first few). */
  reasons: string[];
  recommendedActions: string[];
  count: number;
  users: AffectedUser[];
  moreUsers: number;
  range?: TimeRange;
}

export interface LogReport {
  total: number;
  byStatus: Record<Status | "other", number>;
  byAction: Record<string, number>;
  range?: TimeRange;
  failures: EntryGroup<ErrorCodeEntry>[];
  unknownFailures: EntryGroup<never>[];
  skips: EntryGroup<SkipReasonEntry>[];
}

/** Users listed per group; a log of thousands of failures names the first ones and counts the rest. */
export const USERS_PER_GROUP = 100;
const TEXTS_PER_GROUP = 5;

/**
 * The findings of a log: totals, then the failures and warnings that carry an
 * error code grouped by the table entry their code matches (unknown codes in
 * groups of their own, never dropped), then the skips by reason.
 */
export function reportLog(entries: readonly LogEntry[], table: ProvisioningErrors): LogReport {
  const byStatus: LogReport["byStatus"] = { failure: 0, skipped: 0, warning: 0, success: 0, other: 0 };
  const byAction: Record<string, number> = {};
  const groups = new Map<string, EntryGroup<ErrorCodeEntry | SkipReasonEntry> & { seen: Set<string> }>();
  let range: TimeRange | undefined;
  for (const entry of entries) {
    const status = (STATUSES as readonly string[]).includes(entry.status) ? (entry.status as Status) : "other";
    byStatus[status]++;
    byAction[entry.action] = (byAction[entry.action] ?? 0) + 1;
    range = widen(range, entry.time);
    const problem = status === "failure" || (status === "warning" && entry.errorCode);
    if (problem) {
      const code = entry.errorCode ?? "";
      const known = code ? entryForCode(table, code) : undefined;
      add(groups, known ? `code:${known.id}` : `unknown:${code}`, known, code, entry);
    } else if (status === "skipped") {
      const reason = entry.skipReason ?? "";
      const known = reason ? entryForSkipReason(table, reason) : undefined;
      add(groups, known ? `skip:${known.id}` : `skip?:${reason}`, known, reason, entry);
    }
  }
  const all = [...groups.entries()].map(([id, { seen: _seen, ...group }]) => ({ id, group }));
  const byCount = (a: { group: EntryGroup<unknown> }, b: { group: EntryGroup<unknown> }) =>
    b.group.count - a.group.count;
  const pick = (prefix: string) =>
    all
      .filter((g) => g.id.startsWith(prefix))
      .sort(byCount)
      .map((g) => g.group);
  return {
    total: entries.length,
    byStatus,
    byAction,
    range,
    failures: pick("code:") as EntryGroup<ErrorCodeEntry>[],
    unknownFailures: pick("unknown:") as EntryGroup<never>[],
    skips: [...pick("skip:"), ...pick("skip?:")] as EntryGroup<SkipReasonEntry>[],
  };
}

function add(
  groups: Map<string, EntryGroup<ErrorCodeEntry | SkipReasonEntry> & { seen: Set<string> }>,
  id: string,
  known: ErrorCodeEntry | SkipReasonEntry | undefined,
  raw: string,
  entry: LogEntry,
) {
  let group = groups.get(id);
  if (!group) {
    group = { known, raw: [], reasons: [], recommendedActions: [], count: 0, users: [], moreUsers: 0, seen: new Set() };
    groups.set(id, group);
  }
  group.count++;
  group.range = widen(group.range, entry.time);
  if (raw && !group.raw.includes(raw)) group.raw.push(raw);
  addText(group.reasons, entry.reason);
  addText(group.recommendedActions, entry.recommendedAction);
  const who = entry.upn ?? entry.mail ?? entry.displayName;
  if (!who || group.seen.has(who)) return;
  group.seen.add(who);
  if (group.users.length < USERS_PER_GROUP) {
    group.users.push({ displayName: entry.displayName, upn: entry.upn, mail: entry.mail });
  } else group.moreUsers++;
}

function addText(list: string[], value: string | undefined) {
  if (value && list.length < TEXTS_PER_GROUP && !list.includes(value)) list.push(value);
}

function widen(range: TimeRange | undefined, time: string | undefined): TimeRange | undefined {
  if (!time || Number.isNaN(Date.parse(time))) return range;
  if (!range) return { from: time, to: time };
  const at = Date.parse(time);
  return {
    from: at < Date.parse(range.from) ? time : range.from,
    to: at > Date.parse(range.to) ? time : range.to,
  };
}
