import Papa from "papaparse";
import { CSV_COLUMNS, REQUIRED_CSV_COLUMNS } from "./csv-columns.ts";
import type { LogEntry, LogProblem } from "./log-entry.ts";

const key = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");
const BY_KEY = new Map(
  Object.entries(CSV_COLUMNS).flatMap(([field, names]) => names.map((n) => [key(n), field as keyof LogEntry])),
);

export function parseCsv(
  text: string,
  onProgress: (fraction: number) => void = () => {},
): { ok: true; entries: LogEntry[] } | ({ ok: false } & LogProblem) {
  const entries: LogEntry[] = [];
  let columns: (keyof LogEntry | undefined)[] | undefined;
  let headers: string[] = [];
  let refused = false;
  let row = 0;
  Papa.parse<string[]>(text, {
    skipEmptyLines: "greedy",
    step: (result, parser) => {
      const cells = result.data;
      if (!columns) {
        headers = cells.map((c) => c.replace(/^\uFEFF/, "").trim());
        columns = headers.map((h) => BY_KEY.get(key(h)));
        if (!REQUIRED_CSV_COLUMNS.every((c) => columns?.includes(c))) {
          refused = true;
          parser.abort();
        }
        return;
      }
      const entry: Partial<Record<keyof LogEntry, string>> = {};
      columns.forEach((field, i) => {
        const value = cells[i]?.trim();
        if (field && value && !entry[field]) entry[field] = value;
      });
      entries.push({
        ...entry,
        status: (entry.status ?? "unknown").toLowerCase(),
        action: (entry.action ?? "other").toLowerCase(),
      });
      if (++row % 5000 === 0) onProgress(result.meta.cursor / text.length);
    },
  });
  if (refused || !columns) return { ok: false, problem: "csv-unknown-columns", found: headers.filter(Boolean) };
  return { ok: true, entries };
}
