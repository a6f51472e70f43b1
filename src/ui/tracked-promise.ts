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

/**
 * `f` of what `source` gives, as a tracked promise that is settled when
 * `source` is: a render after `source` settled never suspends again (a derived
 * promise made anew each render would), and a failure reads as one at once.
 */
export function thenTracked<T, U>(source: Tracked<T>, f: (value: T) => U): Tracked<U> {
  if (source.status === "fulfilled") return settled(f(source.value as T));
  if (source.status === "rejected") return source as unknown as Tracked<U>;
  return tracked(source.then(f));
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

const forgetters = new Set<() => void>();

/**
 * Loaders that keep a failed load cached (so that the page shows the failure
 * instead of suspending again at once) say here how to drop it.
 */
export function onForgetFailed(forget: () => void): void {
  forgetters.add(forget);
}

/** Drops every failed load, so that the next render (Try again, or a later visit) asks again. */
export function forgetFailedLoads(): void {
  for (const forget of forgetters) forget();
}
