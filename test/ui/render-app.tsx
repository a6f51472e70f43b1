import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setupServer } from "msw/node";
import { StrictMode } from "react";
import { MemoryRouter, useLocation } from "react-router";
import { AppRoutes } from "../../src/app/routes.tsx";
import { DEMO_BASE_URL, DEMO_GRAPH_ROOT, DEMO_PREVIOUS_TOKEN, DEMO_TOKEN } from "../../src/demo/constants.ts";
import { demoFetch } from "../../src/demo/demo-fetch.ts";
import type { DemoFault } from "../../src/demo/fault-names.ts";
import { demoHandlers } from "../../src/demo/msw-handlers.ts";
import { createDemoTenant } from "../../src/demo/simulator.ts";
import type { DemoTenantAccess } from "../../src/ui/connection/connection-context.tsx";
import { type WizardEvent, WizardEventsProvider } from "../../src/ui/walk/wizard-events.tsx";

/**
 * The demo tenant as the browser runs it: demo checks go through its in-page
 * fetch. `server` serves the same tenant to Node's fetch, for tests that type
 * its address in as an endpoint.
 */
/** The demo's Graph token in component tests: made up, as the browser makes one per tab. */
export const TEST_DEMO_GRAPH_TOKEN = "demo-graph-token-for-component-tests";

export function demoTenantForTests() {
  const tenant = createDemoTenant({
    token: DEMO_TOKEN,
    previousToken: DEMO_PREVIOUS_TOKEN,
    faults: [],
    graphToken: TEST_DEMO_GRAPH_TOKEN,
  });
  const server = setupServer(...demoHandlers(tenant));
  const transport = demoFetch(tenant);
  const access: DemoTenantAccess = {
    target: { baseUrl: DEMO_BASE_URL, token: DEMO_TOKEN, previousToken: DEMO_PREVIOUS_TOKEN },
    prepare: async (faults) => {
      tenant.reset(faults as DemoFault[]);
      return transport;
    },
    graph: { baseUrl: DEMO_GRAPH_ROOT, token: TEST_DEMO_GRAPH_TOKEN },
  };
  return { tenant, server, access };
}

export interface RenderOptions {
  strict?: boolean;
  demo?: DemoTenantAccess;
  faults?: string[];
  mode?: "demo" | "endpoint";
}

/** The whole app on a memory router, optionally under StrictMode, recording wizard events. */
export function renderApp(path: string, options: RenderOptions = {}) {
  const services = { demo: options.demo, faults: options.faults, initialMode: options.mode, timeoutMs: 2000 };
  const events: WizardEvent[] = [];
  let location = path;
  const ui = (
    <MemoryRouter initialEntries={[path]}>
      <WizardEventsProvider value={(e) => events.push(e)}>
        <AppRoutes services={services} />
      </WizardEventsProvider>
      <LocationProbe onChange={(at) => (location = at)} />
    </MemoryRouter>
  );
  const user = userEvent.setup();
  const view = render(options.strict === false ? ui : <StrictMode>{ui}</StrictMode>);
  return { ...view, events, user, location: () => location };
}

/** The URL the app would put on the clipboard, without the origin. */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

/** Reports the memory router's current path and query, so tests can scan the "URL". */
function LocationProbe({ onChange }: { onChange: (at: string) => void }) {
  const location = useLocation();
  onChange(location.pathname + location.search);
  return null;
}
