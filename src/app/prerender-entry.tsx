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
  const errors: unknown[] = [];
  const { prelude } = await prerender(
    <StrictMode>
      <StaticRouter location={path}>
        <AppRoutes services={services} />
      </StaticRouter>
    </StrictMode>,
    {
      // Whole boundaries in place, however long (an article is): a boundary cut out to be put
      // in place later needs an inline script, which the CSP refuses.
      progressiveChunkSize: Number.POSITIVE_INFINITY,
      onError: (error) => {
        errors.push(error);
      },
    },
  );
  const html = await new Response(prelude).text();
  // A page that failed on the server would be rendered anew in the browser: the build fails instead.
  if (errors.length > 0) throw new Error(`prerender ${path}: ${errors.map(String).join("; ")}`);
  if (/<script\b/i.test(html))
    throw new Error(`prerender ${path}: the page's HTML holds a script, which the CSP refuses`);
  return html;
}

export { flows };
