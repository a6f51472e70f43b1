import { provisioningErrors } from "virtual:provisioning-errors";
import { type LogProblem, MAX_LOG_BYTES } from "./log-entry.ts";
import { type LogReport, reportLog } from "./log-report.ts";
import { type LogShape, parseLog } from "./parse-log.ts";

/** What reading a log gives the page: its report (small), never its 100,000 entries. */
export type LogReading =
  | { ok: true; shape: LogShape; skippedItems: number; nextLink: boolean; report: LogReport }
  | ({ ok: false } & LogProblem);

/** A dropped or picked file, or pasted text. */
export type LogInput = Blob | string;

/**
 * The whole read, in whatever thread runs it (log-worker.ts in the browser,
 * the page itself where there are no workers, as in tests). A file over the
 * cap is refused by its size, before a byte of it is read.
 */
export async function readLog(input: LogInput, onProgress: (fraction: number) => void): Promise<LogReading> {
  const bytes = typeof input === "string" ? input.length : input.size;
  if (bytes > MAX_LOG_BYTES) return { ok: false, problem: "too-big", bytes };
  const text = typeof input === "string" ? input : await blobText(input);
  onProgress(0.1);
  const parsed = parseLog(text, (f) => onProgress(0.1 + 0.8 * f), bytes);
  if (!parsed.ok) return parsed;
  const report = reportLog(parsed.entries, provisioningErrors);
  onProgress(1);
  return {
    ok: true,
    shape: parsed.shape,
    skippedItems: parsed.skippedItems,
    nextLink: parsed.nextLink ?? false,
    report,
  };
}

/** `Blob.text()`, or FileReader where a Blob has no `text` (jsdom). */
function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === "function") return blob.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
