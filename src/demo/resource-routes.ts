/** /Users and /Groups of the simulated Workspace 365 SCIM API: list, read, create, patch, delete. */
import { applyPatch, listReply, strictPatchProblem } from "./collection.ts";
import { type DemoReply, json, noContent, scimError } from "./replies.ts";
import { GROUP_URN, type Resource, USER_URN } from "./seed.ts";

export interface Store {
  users: Resource[];
  groups: Resource[];
  nextId(prefix: string): string;
  /** Refuse Entra's non-compliant PATCH form, as strict servers do (the soft-delete-strict fault). */
  strictPatch?: boolean;
}

interface Kind {
  key: "users" | "groups";
  prefix: string;
  schema: string;
  resourceType: "User" | "Group";
  /** Why a new or changed resource cannot be stored, as a 409 uniqueness detail. */
  conflict(item: Resource, others: Resource[]): string | undefined;
  required: string;
}

const lower = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : v);
const mails = (r: Resource) =>
  Array.isArray(r.emails) ? r.emails.map((e) => lower((e as { value?: unknown }).value)).filter(Boolean) : [];

const KINDS: Record<string, Kind> = {
  Users: {
    key: "users",
    prefix: "u",
    schema: USER_URN,
    resourceType: "User",
    required: "userName",
    conflict(item, others) {
      const same = others.find((o) => lower(o.userName) === lower(item.userName));
      if (same) return `A user with userName ${String(item.userName)} already exists.`;
      // Workspace 365 keys people by e-mail too: the same mail under another userName is the "Error 500" collision.
      const clash = others.find((o) => mails(o).some((m) => mails(item).includes(m)));
      if (clash) return `The e-mail address is already used by userName ${String(clash.userName)}.`;
      return undefined;
    },
  },
  Groups: {
    key: "groups",
    prefix: "g",
    schema: GROUP_URN,
    resourceType: "Group",
    required: "displayName",
    conflict(item, others) {
      const same = others.find((o) => lower(o.displayName) === lower(item.displayName));
      return same ? `A group named ${String(item.displayName)} already exists; group names must be unique.` : undefined;
    },
  },
};

function parseBody(body: string | undefined): Record<string, unknown> | DemoReply {
  try {
    const value = JSON.parse(body ?? "");
    if (value && typeof value === "object" && !Array.isArray(value)) return value;
  } catch {
    // Falls through to the SCIM error below.
  }
  return scimError(400, "The request body is not a JSON object.", "invalidSyntax");
}

const isReply = (v: unknown): v is DemoReply => typeof v === "object" && v !== null && "status" in v && "body" in v;

export function routeResource(
  store: Store,
  method: string,
  segments: string[],
  query: URLSearchParams,
  body: string | undefined,
  location: (kind: string, id: string) => string,
): DemoReply {
  const [collection, id, ...rest] = segments;
  const kind = KINDS[collection];
  if (!kind || rest.length > 0) return scimError(404, `No such endpoint: /${segments.join("/")}.`);
  const items = store[kind.key];
  const present = (r: Resource): Resource => ({
    ...r,
    meta: { ...(r.meta as object), location: location(collection, r.id) },
  });
  if (!id) {
    if (method === "GET") return listReply(items, query, present);
    if (method !== "POST") return scimError(405, `${method} is not supported on /${collection}.`);
    const input = parseBody(body);
    if (isReply(input)) return input;
    if (typeof input[kind.required] !== "string" || !input[kind.required]) {
      return scimError(400, `${kind.required} is required.`, "invalidValue");
    }
    const now = new Date().toISOString();
    const created = {
      ...input,
      schemas: [kind.schema],
      id: store.nextId(kind.prefix),
      meta: { resourceType: kind.resourceType, created: now, lastModified: now },
    } as Resource;
    if (kind.key === "users" && created.active === undefined) created.active = true;
    const conflict = kind.conflict(created, items);
    if (conflict) return scimError(409, conflict, "uniqueness");
    items.push(created);
    return json(201, present(created));
  }
  const index = items.findIndex((r) => r.id === id);
  if (index < 0) return scimError(404, `${kind.resourceType} ${id} not found.`);
  if (method === "GET") return json(200, present(items[index]));
  if (method === "DELETE") {
    items.splice(index, 1);
    return noContent();
  }
  if (method !== "PATCH") return scimError(405, `${method} is not supported on /${collection}/{id}.`);
  const input = parseBody(body);
  if (isReply(input)) return input;
  const problem = store.strictPatch ? strictPatchProblem(input) : undefined;
  if (problem) return scimError(400, problem, "invalidValue");
  const patched = applyPatch(items[index], input);
  if (isReply(patched)) return patched;
  const conflict = kind.conflict(
    patched,
    items.filter((_, i) => i !== index),
  );
  if (conflict) return scimError(409, conflict, "uniqueness");
  items[index] = patched;
  return json(200, present(patched));
}
