/**
 * Counts provisioning-log entries as Graph returns them (provisioningObjectSummary, reference A1):
 * by status, and the failures by raw error code. The /logs reader does the full reading (guides,
 * users); a check only needs the numbers, and checks import no UI. The older names (`statusInfo`,
 * `errorInfo`) are read too, as the reader reads them.
 */
import { clip } from "./body.ts";

type Bag = Record<string, unknown>;
const bag = (value: unknown): Bag =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Bag) : {};
const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

/** Error codes named in an explanation, most frequent first. */
const TOP_CODES = 5;
const NO_CODE = "(no error code)";

function statusOf(entry: Bag): string {
  const info = bag(entry.provisioningStatusInfo ?? entry.statusInfo);
  return text(info.status)?.toLowerCase() ?? "unknown";
}

function errorCodeOf(entry: Bag): string {
  const info = bag(entry.provisioningStatusInfo ?? entry.statusInfo);
  const error = bag(info.errorInformation ?? info.errorInfo);
  return text(error.errorCode) ?? text(info.errorCode) ?? NO_CODE;
}

export interface LogSummary {
  entries: number;
  failures: number;
  byStatus: Map<string, number>;
  /** Raw error code → failures with it, most frequent first (ties by code). */
  topCodes: [code: string, count: number][];
  /** The summary in a sentence or two, for a check's explanation. */
  words(pages: number): string;
}

export function logSummary(items: readonly unknown[]): LogSummary {
  const entries = items.map(bag);
  const byStatus = new Map<string, number>();
  const byCode = new Map<string, number>();
  for (const entry of entries) {
    const status = statusOf(entry);
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    if (status === "failure") {
      const code = errorCodeOf(entry);
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
    }
  }
  const failures = byStatus.get("failure") ?? 0;
  const topCodes = [...byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const statuses = [...byStatus]
    .sort((a, b) => b[1] - a[1])
    .map(([status, n]) => `${n} ${status}`)
    .join(", ");
  return {
    entries: entries.length,
    failures,
    byStatus,
    topCodes,
    words(pages) {
      const read = `Read ${entries.length} provisioning-log ${entries.length === 1 ? "entry" : "entries"} of this application (${pages} ${pages === 1 ? "page" : "pages"})`;
      if (entries.length === 0) {
        return `${read}: Entra logged nothing for it in the time it keeps logs (30 days, 7 on the free tier), or this is not the application Entra provisions with.`;
      }
      if (failures === 0) return `${read}: none failed (${statuses}).`;
      const shown = topCodes.slice(0, TOP_CODES).map(([code, n]) => `${clip(code, 120)} × ${n}`);
      const more = topCodes.length > TOP_CODES ? `, and ${topCodes.length - TOP_CODES} other codes` : "";
      return `${read}: ${failures} failed (${statuses}). Top error codes: ${shown.join(", ")}${more}.`;
    },
  };
}
