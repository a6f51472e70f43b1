import { z } from "zod";
import type { FlowIssue } from "./issues.ts";
import type { Flow } from "./schema.ts";

/**
 * The provisioning-log code table (flows/entra/provisioning-errors.yaml): each
 * error code or skip reason Entra writes, what it means, and the guide step
 * that fixes it. Data, like the flows: validated here, checked against the
 * flows by `lintProvisioningErrors`, parsed at build time.
 */
const Id = z.string().regex(/^[a-z][a-z0-9-]*$/, "ids are lowercase words joined by hyphens");
const Text = z.string().trim().min(1).max(600);
/** A guide step, and which of its inputs the affected user's UPN or e-mail address fills in. */
const Guide = z.strictObject({ flow: Id, step: Id });
const Fill = z.record(z.string().min(1), z.enum(["upn", "mail"]));

const Explained = {
  id: Id,
  title: Text,
  explanation: Text,
  recommendedAction: Text.optional(),
  guide: Guide.optional(),
  fill: Fill.optional(),
};

export const ErrorCodeSchema = z.strictObject({ ...Explained, suffixes: z.array(z.string().regex(/^\w+$/)).min(1) });
export const SkipReasonSchema = z.strictObject({ ...Explained, reasons: z.array(z.string().regex(/^\w+$/)).min(1) });
export const ProvisioningErrorsSchema = z.strictObject({
  version: z.literal(1),
  codes: z.array(ErrorCodeSchema).min(1),
  skips: z.array(SkipReasonSchema),
});

export type ErrorCodeEntry = z.infer<typeof ErrorCodeSchema>;
export type SkipReasonEntry = z.infer<typeof SkipReasonSchema>;
export type ProvisioningErrors = z.infer<typeof ProvisioningErrorsSchema>;
export type ExplainedEntry = ErrorCodeEntry | SkipReasonEntry;

/**
 * What the schema cannot see: every guide and step exists, each filled input
 * is an input step of that guide, no id or suffix is given twice.
 */
export function lintProvisioningErrors(
  file: string,
  table: ProvisioningErrors,
  flows: readonly Pick<Flow, "id" | "steps">[],
): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const byId = new Map(flows.map((f) => [f.id, f]));
  const ids = new Set<string>();
  const keys = new Set<string>();
  for (const entry of [...table.codes, ...table.skips]) {
    const issue = (rule: string, message: string) => issues.push({ file, step: entry.id, rule, message });
    if (ids.has(entry.id)) issue("duplicate-id", `the id "${entry.id}" is used twice`);
    ids.add(entry.id);
    for (const key of "suffixes" in entry ? entry.suffixes : entry.reasons) {
      if (keys.has(key.toLowerCase())) issue("duplicate-code", `"${key}" is listed twice`);
      keys.add(key.toLowerCase());
    }
    if (!entry.guide) {
      if (entry.fill) issue("fill-without-guide", "fill is given, but no guide to fill in");
      continue;
    }
    const flow = byId.get(entry.guide.flow);
    if (!flow) {
      issue("unknown-flow", `guide "${entry.guide.flow}" does not exist`);
      continue;
    }
    if (!flow.steps.some((s) => s.id === entry.guide?.step)) {
      issue("unknown-step", `guide "${flow.id}" has no step "${entry.guide.step}"`);
    }
    for (const name of Object.keys(entry.fill ?? {})) {
      if (!flow.steps.some((s) => s.kind === "input" && s.name === name)) {
        issue("unknown-input", `guide "${flow.id}" has no input named "${name}"`);
      }
    }
  }
  return issues;
}
