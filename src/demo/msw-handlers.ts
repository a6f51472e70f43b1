/** MSW request handlers that serve a demo tenant at its base URL (the browser demo and the MSW tests). */
import { HttpResponse, http } from "msw";
import { DEMO_BASE_URL } from "./constants.ts";
import type { DemoTenant } from "./simulator.ts";

export function demoHandlers(tenant: DemoTenant, baseUrl: string = DEMO_BASE_URL) {
  const origin = new URL(baseUrl).origin;
  return [
    http.all(`${origin}/*`, async ({ request }) => {
      const method = request.method.toUpperCase();
      const reply = await tenant.handle({
        method,
        url: request.url,
        headers: request.headers,
        body: method === "GET" || method === "HEAD" ? undefined : await request.text(),
        signal: request.signal,
      });
      // A 204 must have no body at all, or the Response constructor throws.
      return new HttpResponse(reply.body === "" ? null : reply.body, { status: reply.status, headers: reply.headers });
    }),
  ];
}
