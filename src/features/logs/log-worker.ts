import { readLog } from "./read-log.ts";

/**
 * The module worker that reads a log off the main thread, so that a
 * 100,000-entry download leaves the page responsive (issue 14). It receives a
 * File (a reference, not a copy of its bytes) or pasted text, and answers with
 * progress messages and then the report.
 */
self.onmessage = async (event: MessageEvent<{ input: Blob | string }>) => {
  try {
    const reading = await readLog(event.data.input, (fraction) => self.postMessage({ type: "progress", fraction }));
    self.postMessage({ type: "done", reading });
  } catch {
    self.postMessage({ type: "failed" });
  }
};
