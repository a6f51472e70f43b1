import type { CheckCatalog } from "./check-catalog.ts";
import type { Flow, Step, StepOf } from "./schema.ts";
import { type Decision, type DecisionKind, wayOf, waysOn } from "./step-kinds.ts";

/**
 * A flow as a graph for its map: one node per step, one edge per way on, both
 * straight from the step-kind table, so the map can never show a way the
 * machine does not have. Laid out at build time; drawn by the UI.
 */

export interface MapNode {
  id: string;
  kind: Step["kind"];
  title: string;
  where?: NonNullable<StepOf<"instruction">["where"]>;
  /** Outcomes only: resolved, escalate or hand-over. */
  result?: StepOf<"outcome">["result"];
}

export interface MapEdge {
  /** `<from> <via>`: unique, since a step's ways on have distinct `via`s. */
  id: string;
  from: string;
  to: string;
  label: string;
  kind: DecisionKind;
}

export interface FlowGraph {
  flowId: string;
  nodes: MapNode[];
  edges: MapEdge[];
}

export const edgeId = (from: string, via: string) => `${from} ${via}`;

export function flowGraph(flow: Flow, checks?: CheckCatalog): FlowGraph {
  const nodes = flow.steps.map(
    (step): MapNode => ({
      id: step.id,
      kind: step.kind,
      title: step.title,
      ...("where" in step && step.where ? { where: step.where } : {}),
      ...(step.kind === "outcome" ? { result: step.result } : {}),
    }),
  );
  const edges = flow.steps.flatMap((step) =>
    waysOn(step, checks).map(
      (way): MapEdge => ({
        id: edgeId(step.id, way.via),
        from: step.id,
        to: way.target,
        label: way.otherwise ? "otherwise" : way.label,
        kind: way.kind,
      }),
    ),
  );
  return { flowId: flow.id, nodes, edges };
}

export interface LaidOutNode extends MapNode {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The title, wrapped to the node's width; the last line ends in … when cut. */
  lines: string[];
}

export interface LaidOutEdge extends MapEdge {
  /** The edge as a polyline, from the source's border to the target's. */
  points: [number, number][];
  /** Where the label's centre goes, and the label shortened to fit. */
  labelAt: [number, number];
  shortLabel: string;
}

/** A flow's map as the build lays it out (src/build/flow-map-layout.ts) and the UI draws it. */
export interface FlowMapLayout {
  flowId: string;
  width: number;
  height: number;
  nodes: LaidOutNode[];
  edges: LaidOutEdge[];
}

/** Where a walk has been: the steps in the order visited, the ways it took, and where it is now. */
export interface PathTaken {
  /** Step ids in the order visited, the current step last. */
  steps: string[];
  edges: string[];
  current: string;
}

/** The path a list of decisions walks, read with the same judge the machine's guards use. */
export function pathTaken(
  flow: Flow,
  decisions: readonly Decision[],
  current: string,
  checks?: CheckCatalog,
): PathTaken {
  const byId = new Map(flow.steps.map((s) => [s.id, s]));
  const edges: string[] = [];
  for (const decision of decisions) {
    const step = byId.get(decision.step);
    const way = step && wayOf(step, decision, checks);
    if (way) edges.push(edgeId(decision.step, way.via));
  }
  return { steps: [...decisions.map((d) => d.step), current], edges, current };
}
