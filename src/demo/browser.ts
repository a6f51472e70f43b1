/** Starts the demo tenant in the browser through MSW's service worker (public/mockServiceWorker.js). */
import { setupWorker } from "msw/browser";
import { DEMO_PREVIOUS_TOKEN, DEMO_TOKEN } from "./constants";
import { demoHandlers } from "./msw-handlers";
import { createDemoTenant, type DemoFault, type DemoTenant } from "./simulator";

export interface DemoWorker {
  tenant: DemoTenant;
  /** Switches faults without restarting the worker (the data is reseeded). */
  setFaults(faults: readonly DemoFault[]): void;
  stop(): void;
}

export async function startDemoWorker(faults: readonly DemoFault[] = []): Promise<DemoWorker> {
  const tenant = createDemoTenant({ token: DEMO_TOKEN, previousToken: DEMO_PREVIOUS_TOKEN, faults });
  const worker = setupWorker(...demoHandlers(tenant));
  // "bypass": the real app's own requests (assets, a live endpoint) must pass untouched.
  await worker.start({ serviceWorker: { url: "/mockServiceWorker.js" }, onUnhandledRequest: "bypass", quiet: true });
  return { tenant, setFaults: (next) => tenant.reset(next), stop: () => worker.stop() };
}
