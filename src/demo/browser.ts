/** Starts the demo tenant in this tab: the simulator behind an in-page fetch (demo-fetch.ts). */
import { DEMO_PREVIOUS_TOKEN, DEMO_TOKEN } from "./constants.ts";
import { demoFetch } from "./demo-fetch.ts";
import { isDemoFault } from "./fault-names.ts";
import { createDemoTenant, type DemoTenant } from "./simulator.ts";

export interface BrowserDemo {
  tenant: DemoTenant;
  /** What the checks send their demo requests through. */
  fetch: typeof fetch;
  /** Switches faults without starting anew (the data is reseeded); names it does not know are ignored. */
  setFaults(faults: readonly string[]): void;
}

export function startBrowserDemo(faults: readonly string[] = []): BrowserDemo {
  const known = (names: readonly string[]) => names.filter(isDemoFault);
  const tenant = createDemoTenant({ token: DEMO_TOKEN, previousToken: DEMO_PREVIOUS_TOKEN, faults: known(faults) });
  return { tenant, fetch: demoFetch(tenant), setFaults: (next) => tenant.reset(known(next)) };
}
