import dagre from "@dagrejs/dagre";
import type { FlowGraph, FlowMapLayout } from "../engine/flow-map.ts";

/**
 * Lays a flow's graph out at build time with dagre, so the browser gets
 * coordinates and no layout code. Text is wrapped here too: the map's font
 * metrics are estimated (system-ui at 13px averages under 7px a character),
 * and each node's full title stays in its accessible name.
 */

const NODE_WIDTH = 184;
const CHARS_PER_LINE = 25;
/** Enough for every title the flows have: a node shows its whole title, so what it says is what it is named. */
const MAX_LINES = 5;
const LINE_HEIGHT = 16;
/** The kind line ("LIVE CHECK", or an outcome's result) plus padding above and below. */
const NODE_CHROME = 30;
const WHERE_LINE = 15;
const LABEL_CHARS = 22;
const LABEL_CHAR_WIDTH = 6.2;

export function wrapTitle(title: string, width = CHARS_PER_LINE, maxLines = MAX_LINES): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of title.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const cut = lines.map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l));
  if (cut.length <= maxLines) return cut;
  const kept = cut.slice(0, maxLines);
  const last = kept[maxLines - 1];
  kept[maxLines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return kept;
}

export const shorten = (label: string, max = LABEL_CHARS) =>
  label.length > max ? `${label.slice(0, max - 1)}…` : label;

/** A step's one plain way on needs no words on the map: only branches are labelled. */
const drawnLabel = (edge: FlowGraph["edges"][number]) =>
  edge.kind === "next" || edge.kind === "input" ? "" : shorten(edge.label);

const round = (n: number) => Math.round(n);

export function layoutFlowMap(graph: FlowGraph): FlowMapLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "TB", nodesep: 28, ranksep: 56, edgesep: 14, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const lines = new Map(graph.nodes.map((n) => [n.id, wrapTitle(n.title)]));
  for (const node of graph.nodes) {
    // A step that happens somewhere names the place on a line of its own, under its kind.
    const height = NODE_CHROME + (node.where ? WHERE_LINE : 0) + (lines.get(node.id)?.length ?? 1) * LINE_HEIGHT;
    g.setNode(node.id, { width: NODE_WIDTH, height });
  }
  for (const edge of graph.edges) {
    const shortLabel = drawnLabel(edge);
    g.setEdge(
      edge.from,
      edge.to,
      shortLabel ? { width: round(shortLabel.length * LABEL_CHAR_WIDTH) + 8, height: 16, labelpos: "c" } : {},
      edge.id,
    );
  }
  dagre.layout(g);
  const size = g.graph();
  return {
    flowId: graph.flowId,
    width: round(size.width ?? 0),
    height: round(size.height ?? 0),
    nodes: graph.nodes.map((node) => {
      const laid = g.node(node.id);
      return {
        ...node,
        x: round(laid.x - laid.width / 2),
        y: round(laid.y - laid.height / 2),
        width: laid.width,
        height: laid.height,
        lines: lines.get(node.id) ?? [node.title],
      };
    }),
    edges: graph.edges.map((edge) => {
      const laid = g.edge(edge.from, edge.to, edge.id);
      return {
        ...edge,
        points: (laid.points ?? []).map((p: { x: number; y: number }): [number, number] => [round(p.x), round(p.y)]),
        labelAt: [round(laid.x ?? 0), round(laid.y ?? 0)],
        shortLabel: drawnLabel(edge),
      };
    }),
  };
}
