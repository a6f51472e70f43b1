/**
 * `npm run demo-server -- --port N [--fault NAME ...] [--graph-fault NAME ...]`: the demo tenant
 * over loopback HTTP, its SCIM API and its Microsoft Graph, to try the doctor against. The key
 * comes from SCIM_TOKEN, the Graph token from GRAPH_TOKEN, or a random one printed at start-up.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { DEMO_APP_WITHOUT_JOB, DEMO_SERVICE_PRINCIPALS, DEMO_TOKEN } from "../demo/constants.ts";
import { DEMO_FAULT_NAMES, type DemoFault, isDemoFault } from "../demo/faults.ts";
import { DEMO_GRAPH_FAULT_NAMES, type DemoGraphFault, isDemoGraphFault } from "../demo/graph-faults.ts";
import { startDemoServer } from "../demo/node-server.ts";
import { isEntry, type Prog } from "./entry.ts";

/**
 * The demo server on this process: runs until SIGINT or SIGTERM; exit code 2 on bad usage.
 * `prog` names this tool, `doctor` the doctor, in the usage and the hint it prints.
 */
export async function cli(
  argv: string[],
  prog: Prog = "npm run demo-server --",
  doctor: Prog = "npm run doctor --",
): Promise<void> {
  const USAGE = `Usage: ${prog} [--port N] [--fault NAME ...] [--graph-fault NAME ...] [--old-token-env NAME]
The key is read from SCIM_TOKEN (the demo key is used when it is unset).
The demo Graph accepts the token in GRAPH_TOKEN, or a random one printed at start-up when it is unset.
Faults: ${DEMO_FAULT_NAMES.join(", ")}
Graph faults: ${DEMO_GRAPH_FAULT_NAMES.join(", ")}`;

  function fail(message: string): never {
    process.stderr.write(`${message}\n\n${USAGE}\n`);
    process.exit(2);
  }

  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: "string", default: "8787" },
        fault: { type: "string", multiple: true },
        "graph-fault": { type: "string", multiple: true },
        "old-token-env": { type: "string" },
        help: { type: "boolean" },
      },
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail("--port must be a number between 0 and 65535.");
  const faults = ((values.fault as string[] | undefined) ?? []).flatMap((f) => f.split(","));
  const unknown = faults.filter((f) => !isDemoFault(f));
  if (unknown.length) fail(`Unknown fault: ${unknown.join(", ")}.`);
  const graphFaults = ((values["graph-fault"] as string[] | undefined) ?? []).flatMap((f) => f.split(","));
  const unknownGraph = graphFaults.filter((f) => !isDemoGraphFault(f));
  if (unknownGraph.length) fail(`Unknown Graph fault: ${unknownGraph.join(", ")}.`);
  const token = process.env.SCIM_TOKEN || DEMO_TOKEN;
  // A demo Graph token opens nothing but this simulator, so printing it is safe; one from GRAPH_TOKEN is never printed.
  const graphToken = process.env.GRAPH_TOKEN || `demo-graph-token-${randomUUID()}`;
  const oldEnv = values["old-token-env"] as string | undefined;

  const server = await startDemoServer({
    port,
    token,
    previousToken: oldEnv ? process.env[oldEnv] : undefined,
    faults: faults as DemoFault[],
    graphToken,
    graphFaults: graphFaults as DemoGraphFault[],
  });
  const [, quarantined] = DEMO_SERVICE_PRINCIPALS;
  const shownGraphToken = process.env.GRAPH_TOKEN ? "<the token in GRAPH_TOKEN>" : graphToken;
  process.stdout.write(
    [
      `Demo Workspace 365 SCIM API on ${server.baseUrl}`,
      `Key: ${process.env.SCIM_TOKEN ? "from SCIM_TOKEN" : "the demo key (SCIM_TOKEN is unset)"}; faults: ${faults.join(", ") || "none"}`,
      `Try: SCIM_TOKEN=<the key> ${doctor} --url ${server.baseUrl}`,
      "",
      `Demo Microsoft Graph (read only) on ${server.graphRoot}`,
      `Graph token: ${process.env.GRAPH_TOKEN ? "from GRAPH_TOKEN" : `${graphToken} (a demo token, new at each start)`}; Graph faults: ${graphFaults.join(", ") || "none"}`,
      "Enterprise applications (--service-principal):",
      ...[...DEMO_SERVICE_PRINCIPALS, { ...DEMO_APP_WITHOUT_JOB, job: "no job" }].map(
        (sp) => `  ${sp.id}  ${sp.displayName} (job: ${sp.job})`,
      ),
      `Try: GRAPH_TOKEN=${shownGraphToken} ${doctor} --graph-url ${server.graphRoot} --service-principal ${quarantined.id}`,
      "",
    ].join("\n"),
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void server.close().then(() => process.exit(0)));
  }
}

if (isEntry(import.meta.url)) await cli(process.argv.slice(2));
