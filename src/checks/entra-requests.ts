/**
 * The bodies Entra sends when it provisions a user, as Microsoft documents them
 * (and as `reference/scim-checks.md` describes the soft delete), for the Entra
 * compatibility run to replay against a throwaway user.
 */

export const USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_USER_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const PATCH_OP_URN = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/** What every test user's name starts with, so that anyone who finds one in the workspace knows where it came from. */
export const TEST_USER_PREFIX = "scim-troubleshooter-test-";
/** A reserved top-level domain (RFC 2606): no mail can ever reach a test user. */
export const TEST_USER_DOMAIN = "example.invalid";
/** The name as the plan and the confirmation show it, before a run picks the random part. */
export const TEST_USER_PATTERN = `${TEST_USER_PREFIX}<random>@${TEST_USER_DOMAIN}`;

/** A unique, obviously-test userName: a fresh one per run, so a leftover from an earlier run never collides. */
export function testUserName(random = globalThis.crypto.randomUUID().slice(0, 8)): string {
  return `${TEST_USER_PREFIX}${random}@${TEST_USER_DOMAIN}`;
}

/** Entra's create: both schemas, userName, active true, a primary work e-mail and the name parts. */
export function entraCreateBody(userName: string): Record<string, unknown> {
  return {
    schemas: [USER_URN, ENTERPRISE_USER_URN],
    externalId: userName,
    userName,
    active: true,
    displayName: "SCIM Troubleshooter test user",
    emails: [{ primary: true, type: "work", value: userName }],
    meta: { resourceType: "User" },
    name: { formatted: "SCIM Troubleshooter test user", familyName: "Test user", givenName: "SCIM Troubleshooter" },
    roles: [],
  };
}

/** Entra's soft delete without the aadOptscim062020 flag: a capitalised op and the string "False". */
export const ENTRA_SOFT_DELETE = {
  schemas: [PATCH_OP_URN],
  Operations: [{ op: "Replace", path: "active", value: "False" }],
} as const;

/** The same soft delete as RFC 7644 writes it, and as Entra sends it with the flag. */
export const COMPLIANT_SOFT_DELETE = {
  schemas: [PATCH_OP_URN],
  Operations: [{ op: "replace", path: "active", value: false }],
} as const;

/** An attribute update, as Entra sends one when a user's name changes. */
export function displayNamePatch(displayName: string) {
  return { schemas: [PATCH_OP_URN], Operations: [{ op: "replace", path: "displayName", value: displayName }] };
}
