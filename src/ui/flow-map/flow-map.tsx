import type { MouseEvent } from "react";
import type { FlowMapLayout, LaidOutEdge, LaidOutNode, PathTaken } from "../../engine/flow-map.ts";
import { mapMessages } from "../messages/map.ts";
import { messages } from "../messages/messages.ts";

export interface FlowMapProps {
  layout: FlowMapLayout;
  flowTitle: string;
  /** A walk's path: its steps and ways are highlighted, the current step marked, the rest dimmed. */
  path?: PathTaken;
  /** Where a node leads; a node without a link is not a stop for the keyboard. */
  nodeHref?: (stepId: string) => string | undefined;
  onNodeClick?: (stepId: string) => void;
  /** The static asset: its own namespace and styles, for a file opened on its own. */
  standalone?: { css: string };
}

/**
 * One drawing of a flow's map, from coordinates laid out at build time: the
 * article page, the wizard's Map panel and the static SVG asset all render
 * this. Colours come from classes (flow-map.css), so the map follows the theme
 * and prints in black on white.
 */
export function FlowMap({ layout, flowTitle, path, nodeHref, onNodeClick, standalone }: FlowMapProps) {
  const arrow = `map-arrow-${layout.flowId}`;
  const visited = new Set(path?.steps);
  const taken = new Set(path?.edges);
  return (
    // biome-ignore lint/a11y/useSemanticElements: an <svg> cannot be a <fieldset>; its links need a named group
    <svg
      className={`flow-map${path ? " flow-map-walk" : ""}`}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width={layout.width}
      height={layout.height}
      role="group"
      aria-label={mapMessages.name(flowTitle)}
      {...(standalone ? { xmlns: "http://www.w3.org/2000/svg" } : {})}
    >
      {standalone && <style>{standalone.css}</style>}
      <defs>
        {["", "-taken"].map((variant) => (
          <marker
            key={variant}
            id={`${arrow}${variant}`}
            className={`map-arrowhead${variant}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" />
          </marker>
        ))}
      </defs>
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <g> of paths is not focusable; the ways on are in the text alternative */}
      <g aria-hidden="true">
        {layout.edges.map((edge) => (
          <MapEdgeView key={edge.id} edge={edge} arrow={arrow} taken={taken.has(edge.id)} walking={Boolean(path)} />
        ))}
      </g>
      {layout.nodes.map((node) => (
        <MapNodeView
          key={node.id}
          node={node}
          state={!path ? undefined : node.id === path.current ? "here" : visited.has(node.id) ? "visited" : "ahead"}
          href={nodeHref?.(node.id)}
          onClick={onNodeClick}
        />
      ))}
    </svg>
  );
}

function MapEdgeView({
  edge,
  arrow,
  taken,
  walking,
}: {
  edge: LaidOutEdge;
  arrow: string;
  taken: boolean;
  walking: boolean;
}) {
  const d = edge.points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${x},${y}`).join(" ");
  const state = taken ? " map-taken" : walking ? " map-ahead" : "";
  return (
    <g className={`map-edge map-edge-${edge.kind}${state}`} data-edge={edge.id}>
      <path d={d} markerEnd={`url(#${arrow}${taken ? "-taken" : ""})`} />
      {edge.shortLabel && (
        <text x={edge.labelAt[0]} y={edge.labelAt[1]} dy="0.35em" textAnchor="middle">
          {edge.shortLabel}
        </text>
      )}
    </g>
  );
}

type NodeState = "here" | "visited" | "ahead" | undefined;

/** The line above a node's title: its kind, or for an outcome its result (the border colour says "outcome"). */
const kindLine = (node: LaidOutNode) => (node.result ? messages.outcome[node.result] : mapMessages.kind[node.kind]);

/** A node's accessible name is what it shows (kind line, place, title), then what the drawing implies. */
function nodeName(node: LaidOutNode, state: NodeState, linksBack: boolean): string {
  const facts = [
    node.result && mapMessages.kind.outcome,
    state && mapMessages[state],
    linksBack && state === "visited" ? mapMessages.goBackTo : undefined,
  ].filter(Boolean);
  const shown = [kindLine(node), node.where && messages.where[node.where], node.title].filter(Boolean).join(" ");
  return `${shown}${facts.length > 0 ? ` (${facts.join(", ")})` : ""}`;
}

function MapNodeView(props: {
  node: LaidOutNode;
  state: NodeState;
  href?: string;
  onClick?: (stepId: string) => void;
}) {
  const { node, state, href, onClick } = props;
  const shape = (
    <>
      <rect x={node.x} y={node.y} width={node.width} height={node.height} rx="8" />
      <text x={node.x + 10} y={node.y + 18} className="map-kind">
        {/* A space between the kind and the title, in the text a screen reader gets. */}
        {`${kindLine(node)} `}
      </text>
      {node.where && (
        <text x={node.x + 10} y={node.y + 33} className="map-where">
          {`${messages.where[node.where]} `}
        </text>
      )}
      <text x={node.x + 10} y={node.y + (node.where ? 51 : 36)} className="map-title">
        {node.lines.map((line, i) => (
          // Lines of one title never reorder: the index is their identity.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <tspan key={i} x={node.x + 10} dy={i === 0 ? 0 : 16}>
            {/* The space keeps words apart in the text a screen reader gets; SVG draws each line on its own. */}
            {i < node.lines.length - 1 ? `${line} ` : line}
          </tspan>
        ))}
      </text>
    </>
  );
  const className = `map-node map-node-${node.kind}${node.result ? ` map-result-${node.result}` : ""}${state ? ` map-${state}` : ""}`;
  if (!href) {
    // Not a stop for the keyboard, but read as a whole by a screen reader: the current step among them.
    return (
      // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG <g> is not interactive
      <g
        className={className}
        data-step={node.id}
        role="img"
        aria-label={nodeName(node, state, false)}
        aria-current={state === "here" ? "step" : undefined}
      >
        {shape}
      </g>
    );
  }
  const click = onClick
    ? (event: MouseEvent) => {
        event.preventDefault();
        onClick(node.id);
      }
    : undefined;
  return (
    <a
      href={href}
      className={className}
      data-step={node.id}
      aria-label={nodeName(node, state, Boolean(onClick))}
      aria-current={state === "here" ? "step" : undefined}
      onClick={click}
    >
      {shape}
    </a>
  );
}
