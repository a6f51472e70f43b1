/** Starts the demo tenant in this tab: the simulator behind an in-page fetch (demo-fetch.ts). */
import { DEMO_GRAPH_ROOT, DEMO_PREVIOUS_TOKEN, DEMO_TOKEN } from "./constants.ts";
import { demoFetch } from "./demo-fetch.ts";
import { isDemoFault } from "./fault-names.ts";
import { isDemoGraphFault } from "./graph-faults.ts";
import { createDemoTenant, type DemoTenant } from "./simulator.ts";

export interface BrowserDemo {
  tenant: DemoTenant;
  /** What the checks send their demo requests through: the SCIM API and the Graph root alike. */
  fetch: typeof fetch;
  /** Switches faults without starting anew (the data is reseeded); names it does not know are ignored. */
  setFaults(faults: readonly string[]): void;
  /** The Graph checks' baseUrl in the demo (DEMO_GRAPH_ROOT). */
  graphRoot: string;
  /** Switches the demo Graph's faults (graph-faults.ts) and reseeds it; unknown names are ignored. */
  setGraphFaults(faults: readonly string[]): void;
}

export interface BrowserDemoOptions {
  /**
   * The Graph token the demo's Graph accepts. The page makes a random one per tab and keeps it in
   * memory, as it would a real token, so a secret-leak scan can look for it everywhere.
   */
  graphToken?: string;
  graphFaults?: readonly string[];
}

export function startBrowserDemo(faults: readonly string[] = [], options: BrowserDemoOptions = {}): BrowserDemo {
  const known = (names: readonly string[]) => names.filter(isDemoFault);
  const knownGraph = (names: readonly string[]) => names.filter(isDemoGraphFault);
  const tenant = createDemoTenant({
    token: DEMO_TOKEN,
    previousToken: DEMO_PREVIOUS_TOKEN,
    faults: known(faults),
    graphToken: options.graphToken,
    graphFaults: knownGraph(options.graphFaults ?? []),
  });
  return {
    tenant,
    fetch: demoFetch(tenant),
    setFaults: (next) => tenant.reset(known(next)),
    graphRoot: DEMO_GRAPH_ROOT,
    setGraphFaults: (next) => tenant.graph.reset(knownGraph(next)),
  };
}
