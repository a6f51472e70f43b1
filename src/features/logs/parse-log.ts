import { type LogEntry, type LogProblem, MAX_LOG_BYTES } from "./log-entry.ts";
import { normalizeEntry } from "./normalize-entry.ts";
import { parseCsv } from "./parse-csv.ts";

export type LogShape = "graph" | "array" | "csv";
export type ParsedLog =
  | { ok: true; shape: LogShape; entries: LogEntry[]; skippedItems: number; nextLink?: boolean }
  | ({ ok: false } & LogProblem);

/**
 * Text of a provisioning log → its entries, or why not. Accepted, as the
 * reference documents them (A1, A2): a Graph `auditLogs/provisioning` response
 * (`{ value: […] }`; `@odata.nextLink` is ignored: the file holds what it
 * holds), a bare JSON array (the portal's JSON download), each item in the
 * v1.0 or the legacy names, and the portal's CSV download. `bytes` is the
 * file's size when known, so a huge file is refused before it is read.
 */
export function parseLog(
  text: string,
  onProgress: (fraction: number) => void = () => {},
  bytes = text.length,
): ParsedLog {
  if (bytes > MAX_LOG_BYTES) return { ok: false, problem: "too-big", bytes };
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start === "") return { ok: false, problem: "empty" };
  if (start[0] === "{" || start[0] === "[") return parseJson(start, onProgress);
  const firstLine = start.slice(0, start.indexOf("\n") >>> 0);
  if (/[,;\t]/.test(firstLine)) {
    const csv = parseCsv(start, onProgress);
    if (!csv.ok) return csv;
    return csv.entries.length === 0
      ? { ok: false, problem: "no-entries" }
      : { ok: true, shape: "csv", entries: csv.entries, skippedItems: 0 };
  }
  return { ok: false, problem: "not-a-log" };
}

function parseJson(text: string, onProgress: (fraction: number) => void): ParsedLog {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: "truncated-json", detail: (error as Error).message };
  }
  onProgress(0.5);
  const envelope =
    typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  const items = Array.isArray(data) ? data : Array.isArray(envelope?.value) ? envelope.value : undefined;
  // One entry on its own (a single item copied out of Graph Explorer) is a log of one.
  const list = items ?? (envelope && normalizeEntry(envelope) ? [envelope] : undefined);
  if (!list) return { ok: false, problem: "not-a-log" };
  const entries: LogEntry[] = [];
  list.forEach((item, i) => {
    const entry = normalizeEntry(item);
    if (entry) entries.push(entry);
    if (i % 5000 === 4999) onProgress(0.5 + (0.5 * i) / list.length);
  });
  if (list.length > 0 && entries.length === 0) return { ok: false, problem: "not-a-log" };
  if (entries.length === 0) return { ok: false, problem: "no-entries" };
  return {
    ok: true,
    shape: Array.isArray(data) ? "array" : "graph",
    entries,
    skippedItems: list.length - entries.length,
    nextLink: typeof envelope?.["@odata.nextLink"] === "string",
  };
}
