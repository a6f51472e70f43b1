import type { LogInput, LogReading } from "./read-log.ts";

type WorkerMessage =
  | { type: "progress"; fraction: number }
  | { type: "done"; reading: LogReading }
  | { type: "failed" };

/**
 * Reads a log in a module worker (CSP: `worker-src 'self'`), reporting progress;
 * where no Worker exists (jsdom) the same code runs here, loaded on demand.
 * Rejects when the read itself breaks; `signal` ends the worker.
 */
export function readLogOffThread(
  input: LogInput,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<LogReading> {
  if (typeof Worker === "undefined") {
    return import("./read-log.ts").then((m) => m.readLog(input, onProgress));
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./log-worker.ts", import.meta.url), { type: "module" });
    const end = () => worker.terminate();
    signal.addEventListener("abort", () => {
      end();
      reject(signal.reason);
    });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === "progress") return onProgress(message.fraction);
      end();
      if (message.type === "done") resolve(message.reading);
      else reject(new Error("the log could not be read"));
    };
    worker.onerror = () => {
      end();
      reject(new Error("the log reader did not start"));
    };
    worker.postMessage({ input });
  });
}
