import { flows } from "virtual:flows";
import { StrictMode } from "react";
import { prerender } from "react-dom/static";
import { StaticRouter } from "react-router";
import { browserDemoTenant } from "./demo-access.ts";
import { AppRoutes } from "./routes.tsx";

/**
 * The server side of the prerendered pages, built with `vite build --ssr` and run by
 * src/build/prerender.ts at build time, never shipped to the browser. The same routes and
 * pages as the browser's (src/app/app.tsx), under the router's static rendering: the browser's
 * first render then equals this HTML and hydrates it. React's `prerender` waits for every lazy
 * page and flow chunk, so the HTML is the whole page.
 */
export async function renderPage(path: string): Promise<string> {
  // The same services as the browser's, less what only the address can tell (?demo= faults).
  const services = { demo: browserDemoTenant(), faults: [] };
  const { prelude } = await prerender(
    <StrictMode>
      <StaticRouter location={path}>
        <AppRoutes services={services} />
      </StaticRouter>
    </StrictMode>,
  );
  return new Response(prelude).text();
}

export { flows };
