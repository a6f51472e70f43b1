import type { Plugin } from "vite";
import { type BuiltFlow, CARD_SYMPTOMS, type FlowSummary } from "../engine/built-flow.ts";
import { formatIssue } from "../engine/issues.ts";
import { buildFlow, checkFlowFiles, FLOWS_DIR, flowFilesIn } from "./flow-files.ts";
import { checkProvisioningErrorsFile, PROVISIONING_ERRORS_FILE } from "./provisioning-errors-file.ts";

/**
 * The flows of flows/ as modules, parsed, linted and pre-rendered at build
 * time, so no YAML or Markdown parser ships to the browser. A flow with any
 * issue fails the build, naming file and step.
 *
 * - `virtual:flows`: every flow (tests, the search index)
 * - `virtual:flow-summaries`: titles, summaries and symptoms (the catalogue)
 * - `virtual:flow-loaders`: one lazy chunk per flow (the wizard, the article)
 * - `virtual:provisioning-errors`: the provisioning-log code table (the /logs reader)
 */
const ALL = "virtual:flows";
const SUMMARIES = "virtual:flow-summaries";
const LOADERS = "virtual:flow-loaders";
const ONE = "virtual:flow/";
const ERRORS = "virtual:provisioning-errors";

export function flowsPlugin(dir = FLOWS_DIR, errorsFile = PROVISIONING_ERRORS_FILE): Plugin {
  let cache: BuiltFlow[] | undefined;
  const built = (addWatchFile: (file: string) => void, fail: (message: string) => never): BuiltFlow[] => {
    if (cache) return cache;
    const files = flowFilesIn(dir);
    for (const file of files) addWatchFile(file);
    const { flows, issues } = checkFlowFiles(files);
    if (issues.length > 0) fail(`invalid flows:\n${issues.map(formatIssue).join("\n")}`);
    cache = flows.map(({ flow }) => buildFlow(flow));
    return cache;
  };
  return {
    name: "scim-troubleshooter-flows",
    resolveId: (id) =>
      id === ALL || id === SUMMARIES || id === LOADERS || id === ERRORS || id.startsWith(ONE) ? `\0${id}` : undefined,
    watchChange(id) {
      if (id.startsWith(dir)) cache = undefined;
    },
    load(resolved) {
      if (resolved === `\0${ERRORS}`) {
        this.addWatchFile(errorsFile);
        const flows = built(
          (file) => this.addWatchFile(file),
          (message) => this.error(message),
        );
        const { table, issues } = checkProvisioningErrorsFile(errorsFile, flows);
        if (!table) this.error(`invalid provisioning error codes:\n${issues.map(formatIssue).join("\n")}`);
        return `export const provisioningErrors = ${JSON.stringify(table)};`;
      }
      if (!resolved.startsWith("\0virtual:flow")) return;
      const id = resolved.slice(1);
      const flows = built(
        (file) => this.addWatchFile(file),
        (message) => this.error(message),
      );
      if (id === ALL) return `export const flows = ${JSON.stringify(flows)};`;
      if (id === SUMMARIES) {
        const summaries: FlowSummary[] = flows.map(({ id, title, summary, symptoms }) => ({
          id,
          title,
          summary,
          symptoms: symptoms.slice(0, CARD_SYMPTOMS),
        }));
        return `export const summaries = ${JSON.stringify(summaries)};`;
      }
      if (id === LOADERS) {
        const entries = flows.map((f) => `${JSON.stringify(f.id)}: () => import(${JSON.stringify(ONE + f.id)})`);
        return `export const loaders = {\n${entries.join(",\n")}\n};`;
      }
      const flow = flows.find((f) => f.id === id.slice(ONE.length));
      if (!flow) this.error(`no flow "${id.slice(ONE.length)}" in ${dir}`);
      return `export const flow = ${JSON.stringify(flow)};`;
    },
  };
}
