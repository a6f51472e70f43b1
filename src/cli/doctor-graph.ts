/**
 * The doctor's Microsoft Graph options (issue 14): `--service-principal ID` runs the Graph checks
 * for that enterprise application, with the Graph access token from `--graph-token-env NAME`
 * (default GRAPH_TOKEN), never from argv, against `--graph-url` (default GRAPH_ROOT; tests and the
 * demo server give their own). The Graph checks only read.
 */
import { CHECK_NAMES, entryOf } from "../checks/catalog.ts";
import { checkGraphRoot } from "../checks/graph-root.ts";
import { isGuid } from "../checks/graph-urls.ts";
import { GRAPH_ROOT } from "../checks/types.ts";
import { UsageError, variableNamed } from "./usage-error.ts";

export const GRAPH_CHECKS = CHECK_NAMES.filter((c) => entryOf(c).system === "graph");

export const GRAPH_OPTIONS = {
  "graph-token-env": { type: "string", default: "GRAPH_TOKEN" },
  "service-principal": { type: "string" },
  "graph-url": { type: "string", default: GRAPH_ROOT },
} as const;

/** The Graph flags that take a value, for the doctor's check that no token is typed in their place. */
export const GRAPH_VALUE_FLAGS = Object.keys(GRAPH_OPTIONS).map((flag) => `--${flag}`);

export function graphUsage(option: (flag: string, text: string) => string): string[] {
  return [
    option(
      "--service-principal ID",
      `the Object ID of the SCIM enterprise application in Entra: runs the Graph checks (${GRAPH_CHECKS.join(", ")}), read only`,
    ),
    option(
      "--graph-token-env NAME",
      "environment variable holding a Microsoft Graph access token (default GRAPH_TOKEN)",
    ),
    option("--graph-url URL", `Microsoft Graph root (default ${GRAPH_ROOT})`),
  ];
}

export interface GraphTarget {
  baseUrl: string;
  token: string;
  servicePrincipalId?: string;
}

type Values = { [K in keyof typeof GRAPH_OPTIONS]?: string };

/** The service principal given, checked for its form without ever printing it back. */
export function servicePrincipalOf(v: Values): string | undefined {
  const id = v["service-principal"]?.trim();
  if (id === undefined) return undefined;
  if (!isGuid(id)) {
    throw new UsageError(
      "--service-principal takes the enterprise application's Object ID, a GUID (Enterprise apps > the SCIM application > Overview > Object ID); the value given was not printed.",
    );
  }
  return id;
}

/** The Graph target of the run; its token is demanded only when a Graph check will run. */
export function graphTargetOf(v: Values, env: Record<string, string | undefined>, runsGraph: boolean): GraphTarget {
  const tokenEnv = v["graph-token-env"] ?? GRAPH_OPTIONS["graph-token-env"].default;
  const token = env[tokenEnv] ?? "";
  const typedRoot = v["graph-url"] ?? GRAPH_ROOT;
  const root = checkGraphRoot(typedRoot);
  const baseUrl = root.ok ? root.root : typedRoot;
  const target = { baseUrl, token, servicePrincipalId: servicePrincipalOf(v) };
  if (!runsGraph) return target;
  if (!token.trim()) {
    throw new UsageError(
      `Set ${variableNamed(tokenEnv, "--graph-token-env")} to a Microsoft Graph access token (delegated read permissions: Synchronization.Read.All for job-status, AuditLog.Read.All and Directory.Read.All for provisioning-logs).`,
    );
  }
  // The token goes only to a Microsoft Graph root (or a local stand-in): a typo cannot hand it to another host.
  if (!root.ok) throw new UsageError(`--graph-url is ${root.problem}.`);
  return target;
}
