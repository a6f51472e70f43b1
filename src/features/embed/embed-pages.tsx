import { useMemo } from "react";
import { Outlet, useParams, useSearchParams } from "react-router";
import { messages } from "../../app/messages";
import { embedPath, parseEmbedQuery } from "../../embed-loader/options";
import { decisionsTo } from "../../engine/path-to-step";
import { CataloguePage } from "../catalogue/catalogue-page";
import { ConnectionProvider, type DemoTenantAccess } from "../connection/connection-context";
import { findFlow } from "../flows/flow-registry";
import { WalkView } from "../wizard/walk-view";
import { WizardEventsProvider } from "../wizard/wizard-events";
import { postToHost, useReportHeight } from "./embed-host";
import { useEmbedTheme } from "./embed-theme";

function useEmbedOptions() {
  const [search] = useSearchParams();
  return useMemo(() => parseEmbedQuery(search), [search]);
}

/** The embed chrome: no site header, the host's theme, events and height sent to the host. */
export function EmbedLayout({ demo }: { demo?: DemoTenantAccess }) {
  const options = useEmbedOptions();
  useEmbedTheme(options);
  useReportHeight();
  return (
    // The demo tenant is off in embeds unless the host asks for it (demo=1).
    <ConnectionProvider demo={options.demo ? demo : undefined}>
      <WizardEventsProvider value={postToHost}>
        <main id="main" className="embed">
          <Outlet />
        </main>
      </WizardEventsProvider>
    </ConnectionProvider>
  );
}

/** `/embed/:flowId`: the wizard, opened at `start` when given, with no storage and no share link. */
export function EmbedWizardPage() {
  const options = useEmbedOptions();
  const { flowId } = useParams();
  const flow = findFlow(flowId);
  const initial = useMemo(
    () => (flow && options.start ? decisionsTo(flow, options.start) : undefined),
    [flow, options],
  );
  if (!flow) {
    return (
      <section>
        <h1>{messages.notFound.heading}</h1>
        <p>{messages.wizard.unknownFlow(flowId ?? "")}</p>
      </section>
    );
  }
  return (
    <>
      <WalkView
        flow={flow}
        initialDecisions={initial ?? []}
        flowHref={(id) => embedPath(id, options)}
        persist={false}
      />
      <p className="embed-footer">
        <a href={`/flows/${flow.id}`} target="_blank" rel="noopener">
          {messages.embed.openFull}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
      </p>
    </>
  );
}

/** `/embed`: the catalogue, its links staying inside the embed. */
export function EmbedCataloguePage() {
  const options = useEmbedOptions();
  return <CataloguePage flowHref={(id) => embedPath(id, options)} />;
}
