import { use } from "react";

/**
 * Promises kept in a module cache and read with `use()`, marked with their
 * outcome the way React reads it: one that has settled renders at once, with
 * no Suspense fallback for a tick.
 */
export type Tracked<T> = Promise<T> & { status?: "pending" | "fulfilled" | "rejected"; value?: T; reason?: unknown };

export function tracked<T>(promise: Promise<T>): Tracked<T> {
  const t = promise as Tracked<T>;
  t.status = "pending";
  // Block bodies: returning `t` itself would chain a copy of its rejection that nobody handles.
  t.then(
    (value) => {
      Object.assign(t, { status: "fulfilled", value });
    },
    (reason) => {
      Object.assign(t, { status: "rejected", reason });
    },
  );
  return t;
}

export function settled<T>(value: T): Tracked<T> {
  return Object.assign(Promise.resolve(value), { status: "fulfilled" as const, value });
}

/**
 * `use()` for a tracked promise, fine to call conditionally as `use()` is. A
 * pending one is thrown as it is, the Suspense protocol `use()` is built on:
 * `use()` itself parks a suspended render in the queue of the `act()` around
 * it, and a synchronous `act()` (Testing Library's render, user-event's
 * clicks) never resumes it. In the browser both behave alike: the nearest
 * Suspense fallback, then the page once the promise settles.
 */
export function readTracked<T>(promise: Tracked<T>): T {
  if (promise.status === "pending") throw promise;
  return use(promise as Promise<T>);
}
