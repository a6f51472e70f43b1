import { DEMO_FAULT_NAMES, type DemoFault } from "./fault-names.ts";

export { DEMO_FAULT_NAMES, type DemoFault, isDemoFault, parseDemoFaults } from "./fault-names.ts";

/** What each fault switch simulates, as the demo's connection panel offers it. */
export const DEMO_FAULT_LABELS: Record<DemoFault, string> = {
  "invalid-key": "The key Entra holds is no longer valid (401)",
  "scim-disabled": "SCIM sync is not enabled in the workspace (403)",
  "wrong-path": "The Tenant URL points at a wrong path (404)",
  "upn-mismatch": "A user's workspace userName differs from their UPN in Entra",
  "soft-deleted": "A user is soft-deleted (active: false, restorable)",
  "hard-deleted": "A user was deleted permanently",
  "leftover-group": "A group removed from the SCIM scope is still in the workspace",
  "old-key-valid": "The old key still works after regenerating it",
  slow: "The endpoint answers too slowly (15 s)",
  "html-error": "An HTML error page (500) instead of SCIM",
  "non-json": "A 200 with a sign-in page instead of JSON",
  "server-error": "A SCIM server error (500)",
  "soft-delete-strict": 'Entra\'s soft delete ("op":"Replace", "value":"False") is refused (400), as strict servers do',
};

export const DEMO_FAULTS = DEMO_FAULT_NAMES.map((name) => ({ name, label: DEMO_FAULT_LABELS[name] }));
