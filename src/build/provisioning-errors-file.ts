import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import type { FlowIssue } from "../engine/issues.ts";
import {
  lintProvisioningErrors,
  type ProvisioningErrors,
  ProvisioningErrorsSchema,
} from "../engine/provisioning-errors.ts";
import type { Flow } from "../engine/schema.ts";
import { FLOWS_DIR } from "./flow-files.ts";

/**
 * Node-only glue for the provisioning-log code table. It sits in a folder of
 * its own under flows/, so that the flow loaders (which read only flows/*.yaml)
 * never take it for a flow.
 */
export const PROVISIONING_ERRORS_FILE = join(FLOWS_DIR, "entra", "provisioning-errors.yaml");

export function checkProvisioningErrorsFile(
  path: string,
  flows: readonly Pick<Flow, "id" | "steps">[],
): { table?: ProvisioningErrors; issues: FlowIssue[] } {
  const file = relative(process.cwd(), path) || path;
  let data: unknown;
  try {
    data = load(readFileSync(path, "utf8"), { schema: CORE_SCHEMA, filename: file });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { issues: [{ file, rule: "yaml", message: `not valid YAML: ${message}` }] };
  }
  const parsed = ProvisioningErrorsSchema.safeParse(data);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((issue) => ({
        file,
        rule: "schema",
        message: `${issue.path.join(".") || "(top)"}: ${issue.message}`,
      })),
    };
  }
  const issues = lintProvisioningErrors(file, parsed.data, flows);
  return issues.length > 0 ? { issues } : { table: parsed.data, issues };
}
