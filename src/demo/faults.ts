/** The demo tenant's fault switches, and how `?demo=a,b` selects them. */

export const DEMO_FAULTS = [
  { name: "invalid-key", label: "The key Entra holds is no longer valid (401)" },
  { name: "scim-disabled", label: "SCIM sync is not enabled in the workspace (403)" },
  { name: "wrong-path", label: "The Tenant URL points at a wrong path (404)" },
  { name: "upn-mismatch", label: "A user's workspace userName differs from their UPN in Entra" },
  { name: "soft-deleted", label: "A user is soft-deleted (active: false, restorable)" },
  { name: "hard-deleted", label: "A user was deleted permanently" },
  { name: "leftover-group", label: "A group removed from the SCIM scope is still in the workspace" },
  { name: "old-key-valid", label: "The old key still works after regenerating it" },
  { name: "slow", label: "The endpoint answers too slowly (15 s)" },
  { name: "html-error", label: "An HTML error page (500) instead of SCIM" },
  { name: "non-json", label: "A 200 with a sign-in page instead of JSON" },
  { name: "server-error", label: "A SCIM server error (500)" },
] as const;

export type DemoFault = (typeof DEMO_FAULTS)[number]["name"];

export const DEMO_FAULT_NAMES: readonly DemoFault[] = DEMO_FAULTS.map((f) => f.name);

export const DEMO_FAULT_LABELS = Object.fromEntries(DEMO_FAULTS.map((f) => [f.name, f.label])) as Record<
  DemoFault,
  string
>;

export function isDemoFault(name: string): name is DemoFault {
  return (DEMO_FAULT_NAMES as readonly string[]).includes(name);
}

/**
 * Faults from a location search string such as `?demo=slow,upn-mismatch`.
 * Unknown names are ignored (an old link must not break the demo); duplicates are dropped.
 */
export function parseDemoFaults(search: string): DemoFault[] {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const names = params
    .getAll("demo")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim().toLowerCase());
  return [...new Set(names.filter(isDemoFault))];
}
