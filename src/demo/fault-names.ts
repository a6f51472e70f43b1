import { demoQuery } from "./demo-query.ts";

/**
 * The demo tenant's fault switches by name, and which of a `?demo=a,b` query
 * are known. Names only: the labels (faults.ts) load with the connection panel
 * that shows them; the page itself reads the query raw (demo-query.ts).
 */
export const DEMO_FAULT_NAMES = [
  "invalid-key",
  "scim-disabled",
  "wrong-path",
  "upn-mismatch",
  "soft-deleted",
  "hard-deleted",
  "leftover-group",
  "old-key-valid",
  "slow",
  "html-error",
  "non-json",
  "server-error",
  "soft-delete-strict",
] as const;

export type DemoFault = (typeof DEMO_FAULT_NAMES)[number];

export function isDemoFault(name: string): name is DemoFault {
  return (DEMO_FAULT_NAMES as readonly string[]).includes(name);
}

/**
 * Faults from a location search string such as `?demo=slow,upn-mismatch`.
 * Unknown names are ignored (an old link must not break the demo); duplicates are dropped.
 */
export function parseDemoFaults(search: string): DemoFault[] {
  return demoQuery(search).filter(isDemoFault);
}
