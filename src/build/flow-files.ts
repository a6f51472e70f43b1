import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { CHECK_CATALOG, entryOf, isCheckName } from "../checks/catalog.ts";
import type { BuiltFlow } from "../engine/built-flow.ts";
import type { CheckCatalog } from "../engine/check-catalog.ts";
import { markdownSources } from "../engine/graph.ts";
import type { FlowIssue } from "../engine/issues.ts";
import { lintFlow, lintFlowSet } from "../engine/lint.ts";
import { parseMarkdown } from "../engine/markdown.ts";
import { parseFlowSource } from "../engine/parse.ts";
import type { RichTextIndex } from "../engine/rich-text-tree.ts";
import type { Flow } from "../engine/schema.ts";
import { createPatternSafety } from "./pattern-safety.ts";

/** Node-only glue: flow files on disk → checked flows, for the build, the CLI and the tests. */

export const FLOWS_DIR = join(import.meta.dirname, "../../flows");

export function flowFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

export interface CheckedFlows {
  flows: { file: string; flow: Flow }[];
  issues: FlowIssue[];
}

/** Parses `files`: the flows that parse, and what is wrong with the others (no lint). */
export function parseFlowFiles(files: string[]): CheckedFlows {
  const flows: CheckedFlows["flows"] = [];
  const issues: FlowIssue[] = [];
  for (const path of files) {
    const file = relative(process.cwd(), path) || path;
    const parsed = parseFlowSource(file, readFileSync(path, "utf8"));
    issues.push(...parsed.issues);
    if (parsed.flow) flows.push({ file, flow: parsed.flow });
  }
  return { flows, issues };
}

/**
 * Parses and lints `files`. Links and hand-overs may point at any flow in
 * `knownFlowIds` as well as at the flows being checked.
 */
export function checkFlowFiles(files: string[], knownFlowIds: Iterable<string> = []): CheckedFlows {
  const { flows, issues } = parseFlowFiles(files);
  const knownFlows = new Set([...knownFlowIds, ...flows.map((f) => f.flow.id)]);
  const patternSafety = createPatternSafety();
  for (const { file, flow } of flows) {
    issues.push(...lintFlow(flow, { file, checks: CHECK_CATALOG, knownFlows, patternSafety }));
  }
  issues.push(...lintFlowSet(flows));
  return { flows, issues };
}

/** Ids of the flows in a directory that parse, whatever else is wrong with them. */
export function flowIdsIn(dir: string): string[] {
  return parseFlowFiles(flowFilesIn(dir)).flows.map(({ flow }) => flow.id);
}

export function buildFlow(flow: Flow): BuiltFlow {
  const richText: RichTextIndex = {};
  for (const step of flow.steps) {
    for (const source of markdownSources(step)) richText[source] = parseMarkdown(source).tree;
  }
  const { $schema: _editorOnly, ...rest } = flow;
  return { ...rest, richText, checks: checksNamedIn(flow) };
}

/** The catalogue's entries of the checks a flow's steps name, with only what the engine reads. */
function checksNamedIn(flow: Flow): CheckCatalog {
  const checks: Record<string, CheckCatalog[string]> = {};
  for (const step of flow.steps) {
    if (step.kind !== "check" || !isCheckName(step.check)) continue;
    const { outcomes, params } = entryOf(step.check);
    checks[step.check] = {
      outcomes,
      params: Object.fromEntries(Object.entries(params).map(([name, spec]) => [name, { label: spec.label }])),
    };
  }
  return checks;
}
