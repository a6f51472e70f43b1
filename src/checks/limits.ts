/**
 * The caps every request of a check or a Graph read is sent under: one place that turns the
 * caller's CheckOptions into send()'s Limits, and the whole-check time cap over several requests.
 */
import type { Exchange, Limits } from "./http.ts";
import { CHECK_CAP_REQUESTS, type CheckOptions, DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MS } from "./types.ts";

/** send()'s limits for these options; `secrets` are redacted from every body as it is read. */
export function limitsOf(options: CheckOptions, secrets: readonly (string | undefined)[]): Limits {
  return {
    // Looked up now, not at import, so MSW (or any test double) patched in later is used.
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    signal: options.signal,
    secrets,
  };
}

/** The whole check's cap: the caller's, or CHECK_CAP_REQUESTS request caps. */
export function checkCapMs(options: CheckOptions, limits: Limits): number {
  return options.checkTimeoutMs ?? CHECK_CAP_REQUESTS * limits.timeoutMs;
}

export interface CheckCap {
  bound(request: (bounds: Limits) => Promise<Exchange>, limits: Limits): Promise<Exchange>;
}

/**
 * The whole check's time cap: each request gets what is left of it when that is less than its own
 * cap, and a request the check's cap cut short says so, rather than naming the time it had left.
 */
export function checkCapOf(capMs: number): CheckCap {
  const endsAt = performance.now() + capMs;
  return {
    async bound(request, limits) {
      const left = Math.max(1, Math.ceil(endsAt - performance.now()));
      if (left >= limits.timeoutMs) return request(limits);
      const ex = await request({ ...limits, timeoutMs: left });
      if (ex.kind === "timeout") {
        ex.message = `The check as a whole took longer than its cap of ${capMs} ms; this request was aborted.`;
        ex.evidence.note = ex.message;
      }
      return ex;
    },
  };
}
