/**
 * Generic SCIM collection behaviour for the simulator: filtered, paged lists
 * (scim2-parse-filter), PATCH (scim-patch), with SCIM's case-insensitive matching.
 */
import { type ScimPatchOperation, type ScimResource, scimPatch } from "scim-patch";
import { filter as compile, type Filter, parse } from "scim2-parse-filter";
import { type DemoReply, list, scimError } from "./replies.ts";
import type { Resource } from "./seed.ts";

/** Attribute names and (for userName, emails, displayName) values compare case-insensitively in SCIM. */
function lowerDeep(value: unknown): unknown {
  if (typeof value === "string") return value.toLowerCase();
  if (Array.isArray(value)) return value.map(lowerDeep);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), lowerDeep(v)]));
  }
  return value;
}

function lowerFilter(f: Filter): Filter {
  switch (f.op) {
    case "and":
    case "or":
      return { ...f, filters: f.filters.map(lowerFilter) };
    case "not":
      return { ...f, filter: lowerFilter(f.filter) };
    case "[]":
      return { ...f, attrPath: f.attrPath.toLowerCase(), valFilter: lowerFilter(f.valFilter) };
    case "pr":
      return { ...f, attrPath: f.attrPath.toLowerCase() };
    default:
      return {
        ...f,
        attrPath: f.attrPath.toLowerCase(),
        compValue: typeof f.compValue === "string" ? f.compValue.toLowerCase() : f.compValue,
      };
  }
}

export function matching(items: Resource[], filterText: string): Resource[] {
  const test = compile(lowerFilter(parse(filterText)));
  return items.filter((item) => test(lowerDeep(item)));
}

function withoutAttributes(item: Resource, excluded: string[]): Resource {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !excluded.includes(k.toLowerCase()))) as Resource;
}

/** GET on a collection, honouring filter, startIndex, count and excludedAttributes. */
export function listReply(items: Resource[], query: URLSearchParams, present: (r: Resource) => Resource): DemoReply {
  let hits = items;
  const filterText = query.get("filter");
  if (filterText) {
    try {
      hits = matching(items, filterText);
    } catch (err) {
      return scimError(400, `The filter could not be parsed: ${(err as Error).message}`, "invalidFilter");
    }
  }
  const startIndex = Math.max(1, Number.parseInt(query.get("startIndex") ?? "1", 10) || 1);
  const count = Math.max(0, Number.parseInt(query.get("count") ?? "100", 10) || 0);
  const excluded = (query.get("excludedAttributes") ?? "")
    .split(",")
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
  const page = hits.slice(startIndex - 1, startIndex - 1 + count).map((r) => withoutAttributes(present(r), excluded));
  return list(page, hits.length, startIndex);
}

const OPS = new Set(["add", "remove", "replace"]);

/**
 * What a strict server objects to in Entra's default PATCH: an op not written exactly as RFC 7644
 * spells it ("Replace"), or a boolean sent as a string ("False"), also inside a value object.
 */
export function strictPatchProblem(body: unknown): string | undefined {
  const ops = (body as { Operations?: unknown })?.Operations;
  if (!Array.isArray(ops)) return undefined;
  for (const raw of ops) {
    const op = (raw ?? {}) as Record<string, unknown>;
    if (typeof op.op === "string" && !OPS.has(op.op)) {
      return `Unsupported operation "${op.op}": op must be one of add, remove, replace.`;
    }
    const value = op.value;
    const stringActive =
      (/^active$/i.test(String(op.path ?? "")) && typeof value === "string") ||
      (typeof value === "object" && value !== null && typeof (value as { active?: unknown }).active === "string");
    if (stringActive) return "The attribute active must be a boolean (true or false), not a string.";
  }
  return undefined;
}

/**
 * Applies a PatchOp body. Entra without the aadOptscim062020 flag sends
 * `{"op":"Replace","path":"active","value":"False"}`; string booleans are made real.
 */
export function applyPatch(item: Resource, body: unknown): Resource | DemoReply {
  const ops = (body as { Operations?: unknown })?.Operations;
  if (!Array.isArray(ops) || ops.length === 0) return scimError(400, "A PatchOp needs Operations.", "invalidSyntax");
  const normalised = ops.map((raw) => {
    const op = { ...(raw as Record<string, unknown>) };
    op.op = typeof op.op === "string" ? op.op.toLowerCase() : op.op;
    if (typeof op.value === "string" && /^(true|false)$/i.test(op.value) && /active$/i.test(String(op.path ?? ""))) {
      op.value = op.value.toLowerCase() === "true";
    }
    return op as unknown as ScimPatchOperation;
  });
  try {
    const patched = scimPatch(item as unknown as ScimResource, normalised, {
      mutateDocument: false,
      treatMissingAsAdd: true,
    });
    const now = new Date().toISOString();
    return { ...(patched as unknown as Resource), id: item.id, meta: { ...(item.meta as object), lastModified: now } };
  } catch (err) {
    const scimType = (err as { scimCode?: string }).scimCode ?? "invalidValue";
    return scimError(400, (err as Error).message, scimType);
  }
}
