import type { Plugin } from "vite";
import { formatIssue } from "../engine/issues.ts";
import { buildFlow, checkFlowFiles, FLOWS_DIR, flowFilesIn } from "./flow-files.ts";

/**
 * `import { flows } from "virtual:flows"`: every flow of flows/, parsed,
 * linted and pre-rendered at build time, so no YAML or Markdown parser ships
 * to the browser. A flow with any issue fails the build, naming file and step.
 */
const ID = "virtual:flows";
const RESOLVED = `\0${ID}`;

export function flowsPlugin(dir = FLOWS_DIR): Plugin {
  return {
    name: "scim-troubleshooter-flows",
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return;
      const files = flowFilesIn(dir);
      for (const file of files) this.addWatchFile(file);
      const { flows, issues } = checkFlowFiles(files);
      if (issues.length > 0) {
        this.error(`invalid flows:\n${issues.map(formatIssue).join("\n")}`);
      }
      const built = flows.map(({ flow }) => buildFlow(flow));
      return `export const flows = ${JSON.stringify(built)};`;
    },
  };
}
