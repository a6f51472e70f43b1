import { Suspense, useMemo } from "react";
import { Outlet } from "react-router";
import { parseEmbedQuery } from "../../embed-loader/options.ts";
import { ConnectionProvider, type DemoTenantAccess } from "../../ui/connection/connection-context.tsx";
import { useQueryAfterHydration } from "../../ui/hydration.ts";
import { messages } from "../../ui/messages/messages.ts";
import { WizardEventsProvider } from "../../ui/walk/wizard-events.tsx";
import { postToHost, useReportHeight } from "./embed-host.ts";
import { useEmbedTheme } from "./embed-theme.ts";

/** The host's options, from the iframe's query: read after hydration, like every query (src/ui/hydration.ts). */
export function useEmbedOptions() {
  const search = useQueryAfterHydration();
  return useMemo(() => parseEmbedQuery(search), [search]);
}

/** The embed chrome: no site header, the host's theme, events and height sent to the host. */
export function EmbedLayout({ demo }: { demo?: DemoTenantAccess }) {
  const options = useEmbedOptions();
  useEmbedTheme(options);
  useReportHeight();
  return (
    // The demo tenant is off in embeds unless the host asks for it (demo=1); the host's answer
    // arrives after hydration, and the connection starts anew with it (its first mode depends on it).
    <ConnectionProvider key={options.demo ? "demo" : "own"} demo={options.demo ? demo : undefined}>
      <WizardEventsProvider value={postToHost}>
        <main id="main" className="embed">
          <Suspense fallback={<p className="hint">{messages.loading}</p>}>
            <Outlet />
          </Suspense>
        </main>
      </WizardEventsProvider>
    </ConnectionProvider>
  );
}
