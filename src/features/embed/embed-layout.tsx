import { Suspense, useMemo } from "react";
import { Outlet, useSearchParams } from "react-router";
import { parseEmbedQuery } from "../../embed-loader/options.ts";
import { ConnectionProvider, type DemoTenantAccess } from "../../ui/connection/connection-context.tsx";
import { EmbeddedContext } from "../../ui/embedded.tsx";
import { useHydrated } from "../../ui/hydration.ts";
import { messages } from "../../ui/messages/messages.ts";
import { WizardEventsProvider } from "../../ui/walk/wizard-events.tsx";
import { postToHost, useReportHeight } from "./embed-host.ts";
import { useEmbedTheme } from "./embed-theme.ts";

const NO_OPTIONS = parseEmbedQuery("");

/**
 * The host's options, from the iframe's query, once hydrated (src/ui/hydration.ts): the
 * prerendered embed is the same for every query, and the first render must match it.
 */
export function useEmbedOptions() {
  const [search] = useSearchParams();
  const hydrated = useHydrated();
  return useMemo(() => (hydrated ? parseEmbedQuery(search) : NO_OPTIONS), [hydrated, search]);
}

/** The embed chrome: no site header, the host's theme, events and height sent to the host. */
export function EmbedLayout({ demo }: { demo?: DemoTenantAccess }) {
  const options = useEmbedOptions();
  useEmbedTheme(options);
  useReportHeight();
  // One element for the page's boundary, made once: this layout renders again when hydrated
  // (the host's options), and a new element would be an update to a boundary still hydrating
  // its prerendered page, which React then drops and renders anew. Outlet follows the route by context.
  const page = useMemo(
    () => (
      <Suspense fallback={<p className="hint">{messages.loading}</p>}>
        <Outlet />
      </Suspense>
    ),
    [],
  );
  return (
    // The demo tenant is off in embeds unless the host asks for it (demo=1); the host's answer
    // arrives after hydration, and the connection starts anew with it (its first mode depends on it).
    <ConnectionProvider key={options.demo ? "demo" : "own"} demo={options.demo ? demo : undefined}>
      <WizardEventsProvider value={postToHost}>
        <EmbeddedContext.Provider value={true}>
          <main id="main" className="embed">
            {page}
          </main>
        </EmbeddedContext.Provider>
      </WizardEventsProvider>
    </ConnectionProvider>
  );
}
