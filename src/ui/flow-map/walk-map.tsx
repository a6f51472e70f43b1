import { useEffect, useState } from "react";
import type { BuiltFlow } from "../../engine/built-flow.ts";
import { pathTaken } from "../../engine/flow-map.ts";
import type { Decision } from "../../engine/session.ts";
import { mapMessages } from "../messages/map.ts";
import { MapFigure } from "./map-figure.tsx";

export interface WalkMapProps {
  flow: BuiltFlow;
  decisions: readonly Decision[];
  current: string;
  /** Back to a visited step: the walk keeps the decisions made before it. */
  goBack: (keep: number) => void;
}

/**
 * The wizard's Map panel (loaded when first opened): the path taken, as a list
 * and on the map; a visited step, in either, goes back to it.
 */
export function WalkMap({ flow, decisions, current, goBack }: WalkMapProps) {
  const path = pathTaken(flow, decisions, current, flow.checks);
  const titleOf = (id: string) => flow.steps.find((s) => s.id === id)?.title ?? id;
  // A step visited twice (a loop) goes back to its latest visit.
  const lastVisit = (id: string) => decisions.findLastIndex((d) => d.step === id);
  const visited = new Set(decisions.map((d) => d.step));
  // The panel mounts anew with each walk (after Back too): its live region is filled a tick
  // later, so that screen readers hear the path, which a region born full does not announce.
  const summary = mapMessages.pathSummary(path.steps.length, titleOf(current));
  const [announced, setAnnounced] = useState("");
  useEffect(() => {
    const tick = setTimeout(() => setAnnounced(summary), 50);
    return () => clearTimeout(tick);
  }, [summary]);
  return (
    <section className="walk-map" aria-labelledby="walk-map-heading">
      <h2 id="walk-map-heading">{mapMessages.pathHeading}</h2>
      <p className="visually-hidden" aria-live="polite">
        {announced}
      </p>
      <ol className="walk-map-path" aria-labelledby="walk-map-heading">
        {path.steps.map((id, move) => (
          // The n-th move of a walk is that entry's identity: a walk only grows or is cut at its end.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={move} aria-current={move === path.steps.length - 1 ? "step" : undefined}>
            {move === path.steps.length - 1 ? (
              <>
                <strong>{titleOf(id)}</strong> ({mapMessages.here})
              </>
            ) : (
              <button type="button" className="link" onClick={() => goBack(move)}>
                {titleOf(id)}
              </button>
            )}
          </li>
        ))}
      </ol>
      <MapFigure
        flowId={flow.id}
        flowTitle={flow.title}
        path={path}
        nodeHref={(id) => (id !== current && visited.has(id) ? `#step-${id}` : undefined)}
        onNodeClick={(id) => goBack(lastVisit(id))}
      />
    </section>
  );
}
