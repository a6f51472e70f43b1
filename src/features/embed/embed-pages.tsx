import { useMemo } from "react";
import { useParams } from "react-router";
import { embedPath } from "../../embed-loader/options.ts";
import { decisionsTo } from "../../engine/path-to-step.ts";
import { useFlow } from "../../ui/flows/flow-loader.ts";
import { useHydrated } from "../../ui/hydration.ts";
import { messages } from "../../ui/messages/messages.ts";
import { useRevealWalk } from "../../ui/walk/walk-gate.ts";
import { WalkView } from "../../ui/walk/walk-view.tsx";
import { useEmbedOptions } from "./embed-layout.tsx";

/** `/embed/:flowId`: the wizard, opened at `start` when given, with no storage and no share link. */
export function EmbedWizardPage() {
  const options = useEmbedOptions();
  const { flowId } = useParams();
  const flow = useFlow(flowId);
  const initial = useMemo(
    () => (flow && options.start ? decisionsTo(flow, options.start) : undefined),
    [flow, options],
  );
  useRevealWalk(useHydrated());
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
        // A hand-over to another guide is a new walk, even when that guide's chunk is already here;
        // so is the host's start step, known once hydrated.
        key={`${flow.id}:${options.start ?? ""}`}
        flow={flow}
        initialDecisions={initial ?? []}
        // The host's start step belongs to its guide: a hand-over opens the next one at its start.
        flowHref={(id) => embedPath(id, { ...options, start: undefined })}
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

/** Where the embedded catalogue's links lead: into the embed, with the host's options. */
export function useEmbedFlowHref(): (flowId: string) => string {
  const options = useEmbedOptions();
  return (id) => embedPath(id, options);
}
