/** A request as the demo's simulators take it (from MSW or from Node's HTTP server), and helpers for reading one. */

export interface DemoRequest {
  method: string;
  url: string;
  headers: Headers | Record<string, string | string[] | undefined>;
  body?: string;
  /** Lets a "slow" fault stop waiting when the client has gone, so no timer outlives the request. */
  signal?: AbortSignal;
}

/** One header's value, from a web Headers or Node's header object. */
export function header(headers: DemoRequest["headers"], name: string): string | undefined {
  // Duck-typed: MSW's and Node's Headers classes need not be the same realm's.
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const found = Object.entries(headers as Record<string, string | string[] | undefined>).find(
    ([k]) => k.toLowerCase() === name,
  );
  const value = found?.[1];
  return Array.isArray(value) ? value[0] : value;
}

/** The bearer token of a request, or undefined. */
export function bearer(req: DemoRequest): string | undefined {
  const match = /^bearer\s+(.+)$/i.exec(header(req.headers, "authorization")?.trim() ?? "");
  return match?.[1].trim() || undefined;
}

/** Resolves true after `ms`, or false as soon as the signal aborts; the timer never keeps Node alive on its own. */
export function wait(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    (timer as { unref?: () => void }).unref?.();
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
