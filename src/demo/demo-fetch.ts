/**
 * The demo tenant as a fetch of its own: the checks' transport seam
 * (`runCheck(…, { fetch })`) hands it their requests, and MSW's `getResponse`
 * answers them from the same handlers the tests use. No service worker: no
 * other request of the page ever passes through the demo, and it runs in an
 * embed on any site, with no storage (storage-less-frame.ts keeps MSW from tripping over its absence).
 */
// First, so that MSW finds a localStorage it can read even in a frame whose storage is blocked.
import "./storage-less-frame.ts";
import { getResponse } from "msw";
import { DEMO_BASE_URL } from "./constants.ts";
import { demoHandlers } from "./msw-handlers.ts";
import type { DemoTenant } from "./simulator.ts";

export function demoFetch(tenant: DemoTenant, baseUrl: string = DEMO_BASE_URL): typeof fetch {
  const handlers = demoHandlers(tenant, baseUrl);
  const { host } = new URL(baseUrl);
  return async (input, init) => {
    const request = new Request(input, init);
    // Refused like a network error: a bug can never send a real endpoint's request, key and all, to the demo.
    if (new URL(request.url).host !== host)
      throw new TypeError("Failed to fetch: the demo tenant answers its own host only");
    if (request.signal.aborted) throw request.signal.reason;
    const response = await getResponse(handlers, request);
    // What the service worker gave an unmatched request: the network, where a .invalid host does not resolve.
    if (!response) throw new TypeError("Failed to fetch");
    return response;
  };
}
