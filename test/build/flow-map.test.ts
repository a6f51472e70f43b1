import { gzipSync } from "node:zlib";
import { flows } from "virtual:flows";
import { layoutFlowMap, wrapTitle } from "../../src/build/flow-map-layout.ts";
import { flowMapSvg } from "../../src/build/flow-maps-plugin.ts";
import { CHECK_CATALOG } from "../../src/checks/catalog.ts";
import { flowGraph } from "../../src/engine/flow-map.ts";
import { waysOn } from "../../src/engine/step-kinds.ts";

describe.each(flows.map((flow) => [flow.id, flow] as const))("the map of %s", (_id, flow) => {
  const graph = flowGraph(flow, CHECK_CATALOG);
  const layout = layoutFlowMap(graph);

  test("has one node per step and one edge per way on, from the step-kind table", () => {
    expect(graph.nodes.map((n) => n.id)).toEqual(flow.steps.map((s) => s.id));
    const ways = flow.steps.flatMap((step) => waysOn(step, CHECK_CATALOG).map((w) => [step.id, w.target, w.kind]));
    expect(graph.edges.map((e) => [e.from, e.to, e.kind])).toEqual(ways);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  });

  test("every node shows its whole title, so what it shows is what it is named", () => {
    for (const node of layout.nodes) expect(node.lines.join(" ")).toBe(node.title);
  });

  test("outcomes carry their result; every edge is drawn between its two nodes", () => {
    for (const step of flow.steps) {
      const node = graph.nodes.find((n) => n.id === step.id);
      expect(node?.result).toBe(step.kind === "outcome" ? step.result : undefined);
    }
    for (const edge of layout.edges) expect(edge.points.length).toBeGreaterThanOrEqual(2);
  });

  test("lays nodes out inside the drawing without overlapping", () => {
    const boxes = layout.nodes;
    for (const a of boxes) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
      for (const b of boxes) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  test("its SVG asset is well under 40 KB gzipped and names every step", () => {
    const svg = flowMapSvg(layout, flow.title);
    expect(gzipSync(svg).length).toBeLessThan(40 * 1024);
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    expect(doc.querySelector("parsererror")).toBeNull();
    expect([...doc.querySelectorAll("[data-step]")].map((n) => n.getAttribute("data-step"))).toEqual(
      flow.steps.map((s) => s.id),
    );
    expect(doc.querySelector("style")?.textContent).toContain(".flow-map");
  });
});

test("titles wrap at word boundaries into at most five lines, ending in … when cut", () => {
  expect(wrapTitle("Compare the user in the workspace with Entra")).toEqual([
    "Compare the user in the",
    "workspace with Entra",
  ]);
  const long = wrapTitle("word ".repeat(40));
  expect(long).toHaveLength(5);
  expect(long[4].endsWith("…")).toBe(true);
  expect(wrapTitle("Averyveryveryverylongwordthatcannotwrap")[0]).toHaveLength(25);
});

test("a title with markup stays text in the SVG", () => {
  const flow = flows[0];
  const graph = flowGraph({
    ...flow,
    steps: flow.steps.map((s, i) => (i === 0 ? { ...s, title: '<img src=x onerror="alert(1)">' } : s)),
  });
  const svg = flowMapSvg(layoutFlowMap(graph), "<b>title</b>");
  expect(svg).not.toContain("<img");
  expect(svg).not.toContain("<b>");
});
