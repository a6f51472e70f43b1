/**
 * The demo tenant's starting data. Fault switches shape it, so each scenario of
 * the article can be shown on demand: a UPN mismatch, a soft- or hard-deleted
 * user, a leftover group.
 */
import { DEMO_DOMAIN, DEMO_SAMPLES } from "./constants.ts";
import type { DemoFault } from "./faults.ts";

export const USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";

export type Resource = Record<string, unknown> & { id: string };

const CREATED = "2024-03-01T08:00:00.000Z";

export function userResource(id: string, userName: string, given: string, family: string, mail: string, active = true) {
  return {
    schemas: [USER_URN],
    id,
    userName,
    name: { givenName: given, familyName: family },
    displayName: `${given} ${family}`,
    emails: [{ type: "work", value: mail, primary: true }],
    active,
    meta: { resourceType: "User", created: CREATED, lastModified: CREATED },
  } satisfies Resource;
}

export function groupResource(id: string, displayName: string, members: string[] = []) {
  return {
    schemas: [GROUP_URN],
    id,
    displayName,
    members: members.map((value) => ({ value })),
    meta: { resourceType: "Group", created: CREATED, lastModified: CREATED },
  } satisfies Resource;
}

export function seedUsers(faults: ReadonlySet<DemoFault>): Resource[] {
  const s = DEMO_SAMPLES;
  const users: Resource[] = [
    userResource("u-1001", s.activeUser.userName, "Adele", "Vance", s.activeUser.mail),
    // The same person under an older short name: Entra's create for the UPN would collide on the e-mail.
    userResource(
      "u-1002",
      faults.has("upn-mismatch") ? s.upnMismatch.workspaceUserName : s.upnMismatch.upn,
      "Megan",
      "Bowen",
      s.upnMismatch.mail,
    ),
    userResource(
      "u-1003",
      s.softDeletedUser.userName,
      "Lee",
      "Gu",
      s.softDeletedUser.userName,
      !faults.has("soft-deleted"),
    ),
    userResource("u-1005", `alex.wilber@${DEMO_DOMAIN}`, "Alex", "Wilber", `alex.wilber@${DEMO_DOMAIN}`),
  ];
  if (!faults.has("hard-deleted")) {
    users.push(userResource("u-1004", s.hardDeletedUser.userName, "Diego", "Siciliani", s.hardDeletedUser.userName));
  }
  return users;
}

export function seedGroups(faults: ReadonlySet<DemoFault>): Resource[] {
  const groups: Resource[] = [
    groupResource("g-2001", DEMO_SAMPLES.group.groupName, ["u-1001", "u-1002"]),
    groupResource("g-2002", "Marketing", ["u-1005"]),
  ];
  if (faults.has("leftover-group"))
    groups.push(groupResource("g-2003", DEMO_SAMPLES.leftoverGroup.groupName, ["u-1003"]));
  return groups;
}
