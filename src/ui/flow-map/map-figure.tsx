import { Suspense } from "react";
import { ErrorBoundary } from "react-error-boundary";
import type { PathTaken } from "../../engine/flow-map.ts";
import { mapMessages } from "../messages/map.ts";
import { messages } from "../messages/messages.ts";
import { FlowMap } from "./flow-map.tsx";
import { mapAssetHref } from "./map-asset.ts";
import { useMapLayout } from "./map-loader.ts";

export interface MapFigureProps {
  flowId: string;
  flowTitle: string;
  path?: PathTaken;
  nodeHref?: (stepId: string) => string | undefined;
  onNodeClick?: (stepId: string) => void;
}

/**
 * A flow's map where a page shows it: "Loading…" while its coordinates arrive, and a sentence
 * of its own if they cannot, so that a map that fails never takes its page with it.
 */
export function MapFigure(props: MapFigureProps) {
  return (
    <ErrorBoundary fallback={<p role="alert">{mapMessages.loadFailed}</p>}>
      <Suspense fallback={<p className="hint">{messages.loading}</p>}>
        <LoadedMapFigure {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}

/**
 * A flow's map in a page: drawn at its own size in a frame that scrolls (the
 * keyboard can reach the frame even when no node is a link), with the file to
 * download. Suspends while the map's coordinates load.
 */
function LoadedMapFigure({ flowId, flowTitle, ...drawing }: MapFigureProps) {
  const layout = useMapLayout(flowId);
  if (!layout) return null;
  return (
    <figure className="flow-map-figure">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a frame that scrolls must be reachable by keyboard */}
      <section className="flow-map-frame" tabIndex={0} aria-label={mapMessages.name(flowTitle)}>
        <FlowMap layout={layout} flowTitle={flowTitle} {...drawing} />
      </section>
      <figcaption className="no-print">
        <a href={mapAssetHref(flowId)} download>
          {mapMessages.download}
        </a>
      </figcaption>
    </figure>
  );
}
