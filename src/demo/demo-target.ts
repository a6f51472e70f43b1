/**
 * Where the demo tenant lives and its keys: all the app's first load needs of
 * the demo (the samples in constants.ts load with the simulator). The host is
 * on the reserved `.invalid` TLD, so a demo request can never reach a real server.
 */
export const DEMO_BASE_URL = "https://demo-tenant.scim-troubleshooter.invalid/scim/v2";

/** Demo keys: public by design, they open nothing but the simulator. */
export const DEMO_TOKEN = "demo-key-5f2b9c7e41d84a6f";
export const DEMO_PREVIOUS_TOKEN = "demo-old-key-8a13d0c2b7e94f55";

/** The demo tenant's Microsoft Graph (read-only simulation), on the same host: the checks' Graph root in the demo. */
export const DEMO_GRAPH_ROOT = "https://demo-tenant.scim-troubleshooter.invalid/graph/v1.0";
