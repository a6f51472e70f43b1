/**
 * Titles and advice for every outcome, worded for the admin who has to act.
 * Check-specific wording overrides the shared one where the same code means
 * something different (a 404 on a lookup vs. a wrong Tenant URL is the same fix).
 */

import { isGraphCheck } from "./catalog.ts";
import { GRAPH_BY_CHECK, GRAPH_SHARED, SERVICE_PRINCIPAL_SEARCH } from "./graph-messages.ts";
import { DEFAULT_RELAY_URL } from "./types.ts";

export { SERVICE_PRINCIPAL_SEARCH } from "./graph-messages.ts";

export interface Wording {
  title: string;
  advice: string;
}

/** The relay's one way of use, as `npm run relay` prints it at start-up: the Tenant URL stays as it is. */
const RELAY_HINT = `Run the same check without the browser: \`npm run doctor -- --url <Tenant URL>\`, or start \`npm run relay -- --target <Tenant URL>\` and tick “Send through the local relay” in the connection panel (Relay address ${DEFAULT_RELAY_URL}).`;

/** What to do when a timeout follows a rejected key: the doctor's default run sends only the admin's key. */
export const LOCKOUT_ADVICE =
  "Wait before trying again (lockouts usually last 5 to 30 minutes; the SCIM provider knows how long), then run the doctor without `--check auth-enforced` and `--check key-rotation` (its default run sends only your key); in the wizard, skip the key rotation check. If Entra also fails now, the lockout hits it too: tell the SCIM provider when it happened.";

/** user-state found the user only under another case: the server breaks SCIM's case-insensitive userName. */
export const CASE_SENSITIVE_ADVICE =
  "The user exists, but under a userName that differs in upper and lower case. Ask the SCIM provider to match userName case-insensitively (SCIM's core schema: caseExact false). Until then make the UPN in Entra and the workspace's userName the same letter for letter, or Entra will not find this user and will try to create it again.";

/** entra-compat's soft-delete advice, chosen by whether the compliant form was accepted. */
export const ENTRA_COMPAT_ADVICE = {
  flagOrVendor:
    'The server accepts the standard PATCH but not Entra\'s default one. Either, in Entra (Provisioning → Admin credentials), add ?aadOptscim062020 to the end of the Tenant URL, save and test the connection: Entra then sends the standard form ("op":"replace", "value":false); or ask the SCIM provider to accept op names in any case and the strings "True"/"False" for active, as Entra-friendly servers do. Until then, disable or remove unassigned users in the workspace by hand.',
  vendorOnly:
    "The server refuses the standard PATCH too, so the aadOptscim062020 flag would not help: send the evidence to the SCIM provider; active must be settable with a PATCH replace. Until then, disable or remove unassigned users in the workspace by hand.",
} as const;

const SHARED: Record<string, Wording> = {
  pass: { title: "Passed", advice: "Nothing to fix here." },
  unauthorized: {
    title: "Key rejected (401)",
    advice:
      "In Workspace 365, regenerate the API key, copy it (it is shown only once) and paste it into Entra as the Secret Token; then test the connection again.",
  },
  forbidden: {
    title: "SCIM not enabled (403)",
    advice: 'In the workspace\'s SCIM settings tick "Enable sync using SCIM", save, then test the connection again.',
  },
  "not-found": {
    title: "Wrong Tenant URL (404)",
    advice:
      "Copy the Tenant URL again from the workspace's SCIM settings and paste it into Entra unchanged (no /Users at the end).",
  },
  "bad-filter": {
    title: "Filter not supported",
    advice:
      'Entra finds users and groups with filters such as userName eq "…"; the endpoint must answer them. Send the evidence to the SCIM provider.',
  },
  "server-error": {
    title: "Server error (5xx)",
    advice: "Try again in a few minutes. If it persists, contact Workspace 365 support with the evidence below.",
  },
  "rate-limited": {
    title: "Too many requests (rate-limited)",
    advice:
      "Wait a few minutes before running any check again; checks are never retried automatically. If it keeps happening, something else (Entra itself, a script) is sending many requests with this key.",
  },
  "not-scim": {
    title: "Not a SCIM answer",
    advice:
      "Make sure the Tenant URL points at the SCIM API itself, not at a portal or sign-in page, and that no proxy or firewall rewrites the answer.",
  },
  timeout: {
    title: "No answer in time",
    advice:
      "Check that the endpoint is up and not behind a slow proxy; Entra gives up on slow endpoints too. Try again later.",
  },
  unreachable: {
    title: "Endpoint unreachable",
    advice: `It may be CORS: the endpoint must allow this page's origin, which Entra itself never needs. ${RELAY_HINT} Otherwise check the host name, public DNS and a publicly trusted TLS 1.2 certificate.`,
  },
};

const BY_CHECK: Record<string, Record<string, Partial<Wording>>> = {
  "url-format": {
    pass: { title: "Tenant URL looks right" },
    "bad-url": {
      title: "Tenant URL mistyped",
      advice: "Copy the Tenant URL again from the workspace's SCIM settings.",
    },
  },
  discovery: { pass: { title: "SCIM endpoint found" } },
  "test-connection": { pass: { title: "Test connection would succeed" } },
  "groups-probe": { pass: { title: "Group queries work" } },
  "auth-enforced": {
    pass: { title: "Key is enforced" },
    "auth-not-enforced": {
      title: "Any key is accepted",
      advice:
        "Anyone who knows the URL can read and change users. Contact Workspace 365 support now; meanwhile regenerate the key.",
    },
  },
  "key-rotation": {
    pass: { title: "Key rotation complete" },
    "old-key-still-valid": {
      title: "Old key still works",
      advice:
        "Regenerate the API key in the workspace again and make sure the change is saved; treat the old key as leaked until it is rejected.",
    },
    "new-key-rejected": {
      title: "New key rejected",
      advice:
        "The workspace still uses the old key: the regeneration was not saved, or the new key was copied wrongly. Regenerate it, copy it whole and paste it into Entra.",
    },
    unauthorized: { title: "Neither key accepted (401)" },
    "auth-not-enforced": {
      title: "Any key is accepted",
      advice:
        "Regenerating again would not help: the endpoint does not check keys at all, so anyone who knows the URL can read and change users. Contact Workspace 365 support now with the evidence below.",
    },
    "same-key": {
      title: "The old and the new key are the same",
      advice:
        "Give the key from before “Regenerate API key” as the old key and the key the workspace shows now as the new one (the doctor: --old-token-env and --token-env name two different variables); then run the check again.",
    },
  },
  "user-state": {
    active: { title: "User is active", advice: "The user exists and is active; nothing to restore." },
    inactive: {
      title: "User is soft-deleted",
      advice:
        "It is in the workspace's deleted-users list and can be restored there. Entra sets active to false when the user is unassigned, out of scope, disabled or soft-deleted.",
    },
    absent: {
      title: "User not in the workspace",
      advice:
        "It was hard-deleted or never created. If Entra should manage it, check its assignment and scope, then use Provision on demand.",
    },
    duplicate: {
      title: "More than one user with this userName",
      advice: "userName must be unique. Delete the extra user in the workspace by hand, then restart provisioning.",
    },
  },
  "upn-collision": {
    pass: { title: "No UPN collision" },
    "upn-mismatch": {
      title: "UPN differs from the workspace",
      advice:
        "Entra will fail to create this user (the article's Error 500). Follow the article: make the UPNs equal, by deleting the workspace user and provisioning it again, or by changing the UPN.",
    },
    "bad-filter": {
      advice:
        "Inconclusive: search the workspace's users for this e-mail address by hand and compare the userName with the UPN.",
    },
  },
  "entra-compat": {
    pass: { title: "Entra's provisioning sequence works" },
    "soft-delete-rejected": { title: "Entra's soft delete is refused", advice: ENTRA_COMPAT_ADVICE.flagOrVendor },
    "create-failed": {
      title: "Entra's create fails",
      advice:
        "Entra cannot create users this way. Send the evidence (the status and the SCIM error detail) to the SCIM provider.",
    },
    "not-found-after-create": {
      title: "A new user is not found by userName",
      advice:
        'Entra matches users with userName eq "…" and would create this user again on every cycle. Send the evidence to the SCIM provider.',
    },
    "patch-failed": {
      title: "An update is refused or ignored",
      advice:
        "Entra's changes to users (soft delete, attribute updates) would not reach the workspace. Send the evidence to the SCIM provider.",
    },
    "delete-failed": {
      title: "Entra's delete fails",
      advice:
        "Users deleted permanently in Entra would stay in the workspace: delete them there by hand, and send the evidence to the SCIM provider.",
    },
  },
  "group-leftover": {
    pass: { title: "No leftover group" },
    present: {
      title: "Group still in the workspace",
      advice: "Groups removed from the SCIM scope are not deleted by SCIM: delete this one by hand in the workspace.",
    },
  },
};

export function wording(check: string, outcome: string): Wording {
  const graph = isGraphCheck(check) || check === SERVICE_PRINCIPAL_SEARCH;
  const shared = (graph ? GRAPH_SHARED : SHARED)[outcome] ?? { title: outcome, advice: "" };
  return { ...shared, ...(graph ? GRAPH_BY_CHECK : BY_CHECK)[check]?.[outcome] };
}

/**
 * Outcomes that answer the check's question without anything to fix. job-status's `active` is
 * one (its own `active-with-errors` is not), and provisioning-logs' `no-failures`.
 */
const PASSING = new Set(["pass", "active", "inactive", "absent", "no-failures"]);

export function isPassing(outcome: string): boolean {
  return PASSING.has(outcome);
}
