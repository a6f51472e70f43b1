import { DEMO_BASE_URL, DEMO_GRAPH_ROOT, DEMO_PREVIOUS_TOKEN, DEMO_TOKEN } from "../demo/demo-target.ts";
import type { DemoTenantAccess } from "../ui/connection/connection-context.tsx";

/**
 * The demo tenant in this browser tab. MSW and the simulator are loaded on
 * the first demo check only, so they cost nothing to admins who never run one.
 */
export function browserDemoTenant(): DemoTenantAccess {
  let starting: Promise<import("../demo/browser.ts").BrowserDemo> | undefined;
  // Made up per tab, unlike the public demo keys: it stands for a real Graph token, so the
  // secret-leak scan can prove that no piece of one leaves memory.
  const graphToken = `demo-graph-token-${crypto.randomUUID()}`;
  return {
    target: { baseUrl: DEMO_BASE_URL, token: DEMO_TOKEN, previousToken: DEMO_PREVIOUS_TOKEN },
    graph: { baseUrl: DEMO_GRAPH_ROOT, token: graphToken },
    async prepare(faults) {
      starting ??= import("../demo/browser.ts").then((m) => m.startBrowserDemo(faults, { graphToken }));
      try {
        const demo = await starting;
        demo.setFaults(faults);
        return demo.fetch;
      } catch (error) {
        starting = undefined; // let a retry try again
        throw error;
      }
    },
  };
}
