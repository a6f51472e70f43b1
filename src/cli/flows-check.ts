import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { checkFlowFiles, FLOWS_DIR, flowFilesIn, flowIdsIn } from "../build/flow-files.ts";
import { checkProvisioningErrorsFile, PROVISIONING_ERRORS_FILE } from "../build/provisioning-errors-file.ts";
import { formatIssue } from "../engine/issues.ts";

/**
 * npm run flows:check [--json] [files…]
 * Lints the given flow files (all of flows/ when none are given). Links to
 * other flows may point at any flow in flows/. With no files given, the
 * provisioning-log code table (flows/entra/) is checked too: each code's guide
 * and step must exist. Exit 1 on any issue, 2 on bad usage.
 */
function main(argv: string[]): number {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    console.error(`flows:check: ${(error as Error).message}\nusage: npm run flows:check -- [--json] [file.yaml …]`);
    return 2;
  }
  const files = parsed.positionals.length > 0 ? parsed.positionals.map((f) => resolve(f)) : flowFilesIn(FLOWS_DIR);
  const missing = files.filter((f) => !existsSync(f) || !statSync(f).isFile());
  if (missing.length > 0) {
    console.error(`flows:check: no such file: ${missing.join(", ")}`);
    return 2;
  }
  const { flows, issues } = checkFlowFiles(files, flowIdsIn(FLOWS_DIR));
  if (parsed.positionals.length === 0) {
    issues.push(
      ...checkProvisioningErrorsFile(
        PROVISIONING_ERRORS_FILE,
        flows.map((f) => f.flow),
      ).issues,
    );
  }
  if (parsed.values.json) {
    console.log(JSON.stringify({ ok: issues.length === 0, files: files.length, flows: flows.length, issues }, null, 2));
  } else if (issues.length > 0) {
    for (const issue of issues) console.error(formatIssue(issue));
    console.error(`\n${issues.length} problem${issues.length === 1 ? "" : "s"} in ${files.length} file(s).`);
  } else {
    console.log(`${files.length} flow file(s) checked: no problems.`);
  }
  return issues.length === 0 ? 0 : 1;
}

function parseOptions(argv: string[]) {
  return parseArgs({ args: argv, allowPositionals: true, options: { json: { type: "boolean", default: false } } });
}

process.exitCode = main(process.argv.slice(2));
