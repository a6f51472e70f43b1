/**
 * Fault switches of the demo's Microsoft Graph, apart from the SCIM faults (fault-names.ts): they
 * break the Microsoft side of a demo run, never the workspace's. The job states themselves need
 * no switch: each demo application (DEMO_SERVICE_PRINCIPALS) is in one.
 */
export const DEMO_GRAPH_FAULT_NAMES = [
  "graph-expired-token",
  "graph-no-permission",
  "graph-throttled",
  "graph-server-error",
  "graph-slow",
] as const;

export type DemoGraphFault = (typeof DEMO_GRAPH_FAULT_NAMES)[number];

export const DEMO_GRAPH_FAULT_LABELS: Record<DemoGraphFault, string> = {
  "graph-expired-token": "The Microsoft sign-in has expired (401 from Graph)",
  "graph-no-permission": "The signed-in account lacks the permission or role (403 from Graph)",
  "graph-throttled": "Graph is throttling (429 with Retry-After)",
  "graph-server-error": "Graph fails on its side (500)",
  "graph-slow": "Graph answers too slowly (15 s)",
};

export function isDemoGraphFault(name: string): name is DemoGraphFault {
  return (DEMO_GRAPH_FAULT_NAMES as readonly string[]).includes(name);
}
