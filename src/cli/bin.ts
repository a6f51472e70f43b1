#!/usr/bin/env node
/**
 * `scim-troubleshooter <doctor|relay|demo-server> …`: the packed package's one command, built by
 * `npm run build:cli` (src/cli/vite.config.ts) into dist-cli/. Each tool takes the same flags,
 * gives the same exit codes and output as its npm script; only its usage names it differently.
 * Tools load on demand, so the doctor never loads the simulator.
 */
const BIN = "scim-troubleshooter";
/** The package's version, set by the build (src/cli/vite.config.ts); absent when run from source. */
declare const __CLI_VERSION__: string | undefined;
const VERSION = typeof __CLI_VERSION__ === "string" ? __CLI_VERSION__ : "from source";

const TOOLS: Record<string, { about: string; run: (argv: string[]) => Promise<void> }> = {
  doctor: {
    about:
      "run the live SCIM checks against an endpoint (token from SCIM_TOKEN), and Entra's via Graph (--service-principal)",
    run: async (argv) => (await import("./doctor.ts")).cli(argv, `${BIN} doctor`),
  },
  relay: {
    about: "a loopback relay so the browser's checks reach an endpoint without CORS",
    run: async (argv) => (await import("./relay.ts")).cli(argv, `${BIN} relay`),
  },
  "demo-server": {
    about: "the simulated Workspace 365 SCIM API and its Microsoft Graph on 127.0.0.1",
    run: async (argv) => (await import("./demo-server.ts")).cli(argv, `${BIN} demo-server`, `${BIN} doctor`),
  },
};

const USAGE = [
  `Usage: ${BIN} <tool> [options]   (${BIN} <tool> --help for its options; ${BIN} --version)`,
  ...Object.entries(TOOLS).map(([name, tool]) => `  ${name.padEnd(12)}  ${tool.about}`),
].join("\n");

/** Runs the tool named first in argv; exit code 2 for a missing or unknown tool. */
async function runBin(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write(`${BIN} ${VERSION}\n`);
    return;
  }
  const tool = name === undefined ? undefined : Object.hasOwn(TOOLS, name) ? TOOLS[name] : undefined;
  if (!tool) {
    process.stderr.write(`${name === undefined ? "Name a tool." : `Unknown tool: ${name}.`}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  await tool.run(rest);
}

// Always: this file is only ever an entry (npm's bin link or `node dist-cli/…`), never imported.
void runBin(process.argv.slice(2));
