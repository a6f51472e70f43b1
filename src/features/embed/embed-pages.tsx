import { useMemo } from "react";
import { useParams } from "react-router";
import { messages } from "../../app/messages";
import { embedPath } from "../../embed-loader/options";
import { decisionsTo } from "../../engine/path-to-step";
import { CataloguePage } from "../catalogue/catalogue-page";
import { useFlow } from "../flows/flow-loader";
import { WalkView } from "../wizard/walk-view";
import { useEmbedOptions } from "./embed-layout";

/** `/embed/:flowId`: the wizard, opened at `start` when given, with no storage and no share link. */
export function EmbedWizardPage() {
  const options = useEmbedOptions();
  const { flowId } = useParams();
  const loaded = useFlow(flowId);
  const flow = loaded.loading ? undefined : loaded.flow;
  const initial = useMemo(
    () => (flow && options.start ? decisionsTo(flow, options.start) : undefined),
    [flow, options],
  );
  if (loaded.loading) return <p className="hint">{messages.loading}</p>;
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
          <span className="visually-hidden"> {messages.opensInNewTab}</span>
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
