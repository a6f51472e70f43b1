import { CORE_SCHEMA, load } from "js-yaml";
import type { z } from "zod";
import type { FlowIssue } from "./issues.ts";
import { FLOW_MIGRATIONS, type FlowMigration, migrateFlow } from "./migrate.ts";
import { type Flow, FlowSchema } from "./schema.ts";

/**
 * YAML text → a validated Flow, or the reasons it is not one. Node and build
 * time only: the browser receives flows already parsed. A file in an older
 * format is migrated to the current one first (migrate.ts).
 */
export function parseFlowSource(
  file: string,
  text: string,
  migrations: Readonly<Record<number, FlowMigration>> = FLOW_MIGRATIONS,
): { flow?: Flow; issues: FlowIssue[] } {
  if (text.length > MAX_SOURCE_LENGTH) {
    return { issues: [{ file, rule: "yaml", message: `too large: over ${MAX_SOURCE_LENGTH} characters` }] };
  }
  let data: unknown;
  try {
    // YAML 1.2 core types only (no dates, no binary); a key given twice is an error.
    data = load(text, { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { issues: [{ file, rule: "yaml", message: `not valid YAML: ${message}` }] };
  }
  if (!withinSize(data, MAX_VALUES)) {
    return {
      issues: [{ file, rule: "yaml", message: `too large: expands to over ${MAX_VALUES} values (an alias bomb?)` }],
    };
  }
  const current = migrateFlow(data, migrations);
  const result = FlowSchema.safeParse(current);
  if (result.success) return { flow: result.data, issues: [] };
  // Issues are about the migrated document: its step ids name the steps.
  return { issues: result.error.issues.map((issue) => schemaIssue(file, current, issue)) };
}

/** Ten times the largest real flow, and small enough that everything after it stays quick. */
const MAX_SOURCE_LENGTH = 1_000_000;

/**
 * js-yaml shares one object for every use of an alias, so a "billion laughs"
 * file parses small but explodes when walked. Count values as a walk would
 * meet them and give up past the limit.
 */
const MAX_VALUES = 100_000;
function withinSize(root: unknown, limit: number): boolean {
  let budget = limit;
  const stack = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (--budget < 0) return false;
    if (!value || typeof value !== "object") continue;
    // Counted before anything is spread: 150,000 items as arguments overflow the stack (issue 12 point 7).
    const children = Object.values(value);
    if (children.length > budget) return false;
    for (const child of children) stack.push(child);
  }
  return true;
}

function schemaIssue(file: string, data: unknown, issue: z.core.$ZodIssue): FlowIssue {
  const path = issue.path;
  let step: string | undefined;
  let rest = path;
  if (path[0] === "steps" && typeof path[1] === "number") {
    const raw = (data as { steps?: { id?: unknown }[] }).steps?.[path[1]];
    step = typeof raw?.id === "string" ? raw.id : `#${path[1] + 1}`;
    rest = path.slice(2);
  }
  const field = rest.length > 0 ? `${rest.join(".")}: ` : "";
  return { file, step, rule: "schema", message: `${field}${issue.message}` };
}
