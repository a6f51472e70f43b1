import { DEMO_BASE_URL, DEMO_PREVIOUS_TOKEN, DEMO_TOKEN } from "../demo/demo-target.ts";
import { type DemoFault, isDemoFault } from "../demo/fault-names.ts";
import type { DemoTenantAccess } from "../ui/connection/connection-context.tsx";

/**
 * The demo tenant in this browser tab. MSW and the simulator are loaded on
 * the first demo check only, so they cost nothing to admins who never run one.
 */
export function browserDemoTenant(): DemoTenantAccess {
  let starting: Promise<import("../demo/browser.ts").BrowserDemo> | undefined;
  return {
    target: { baseUrl: DEMO_BASE_URL, token: DEMO_TOKEN, previousToken: DEMO_PREVIOUS_TOKEN },
    async prepare(faults) {
      const wanted: DemoFault[] = faults.filter(isDemoFault);
      starting ??= import("../demo/browser.ts").then((m) => m.startBrowserDemo(wanted));
      try {
        const demo = await starting;
        demo.setFaults(wanted);
        return demo.fetch;
      } catch (error) {
        starting = undefined; // let a retry try again
        throw error;
      }
    },
  };
}
