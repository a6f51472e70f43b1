import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Plugin } from "vite";
import { CHECK_CATALOG } from "../checks/catalog.ts";
import { type FlowMapLayout, flowGraph } from "../engine/flow-map.ts";
import { FlowMap } from "../ui/flow-map/flow-map.tsx";
import { mapAssetPath } from "../ui/flow-map/map-asset.ts";
import { FLOWS_DIR, flowFilesIn, parseFlowFiles } from "./flow-files.ts";
import { layoutFlowMap } from "./flow-map-layout.ts";

/**
 * Each flow's map, laid out at build time (dagre stays here, out of the browser):
 *
 * - `virtual:map-loaders`: one lazy chunk of coordinates per flow, for the
 *   article page and the wizard's Map panel, which draw it with `FlowMap`;
 * - `maps/<flow id>.svg` in the build: the same drawing as a file of its own,
 *   with the map's stylesheet inside, to download, print or link to.
 *
 * Flows with problems are the flows plugin's to report; this one maps what parses.
 */
const LOADERS = "virtual:map-loaders";
const ONE = "virtual:map/";
const MAP_CSS = join(import.meta.dirname, "../ui/flow-map/flow-map.css");

export interface BuiltMap {
  layout: FlowMapLayout;
  flowTitle: string;
}

/**
 * Every flow's map, laid out. Parsed only: the flows plugin lints the same files and fails the
 * build on any problem, so linting them again here (input-pattern proofs included) would be waste.
 */
export function buildFlowMaps(dir = FLOWS_DIR): BuiltMap[] {
  return parseFlowFiles(flowFilesIn(dir)).flows.map(({ flow }) => ({
    layout: layoutFlowMap(flowGraph(flow, CHECK_CATALOG)),
    flowTitle: flow.title,
  }));
}

/** The static SVG of one map: the component the pages use, rendered once, with its CSS inlined. */
export function flowMapSvg(layout: FlowMapLayout, flowTitle: string): string {
  const css = readFileSync(MAP_CSS, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ");
  const svg = renderToStaticMarkup(createElement(FlowMap, { layout, flowTitle, standalone: { css } }));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}

export function flowMapsPlugin(dir = FLOWS_DIR): Plugin {
  let cache: BuiltMap[] | undefined;
  const maps = () => {
    cache ??= buildFlowMaps(dir);
    return cache;
  };
  return {
    name: "scim-troubleshooter-flow-maps",
    resolveId: (id) => (id === LOADERS || id.startsWith(ONE) ? `\0${id}` : undefined),
    watchChange(id) {
      if (id.startsWith(dir)) cache = undefined;
    },
    load(resolved) {
      if (!resolved.startsWith("\0virtual:map")) return;
      // A flow file changed in dev lays its map out again.
      for (const file of flowFilesIn(dir)) this.addWatchFile(file);
      const id = resolved.slice(1);
      if (id === LOADERS) {
        const entries = maps().map(
          ({ layout }) => `${JSON.stringify(layout.flowId)}: () => import(${JSON.stringify(ONE + layout.flowId)})`,
        );
        return `export const mapLoaders = {\n${entries.join(",\n")}\n};`;
      }
      const map = maps().find(({ layout }) => layout.flowId === id.slice(ONE.length));
      if (!map) this.error(`no flow "${id.slice(ONE.length)}" in ${dir}`);
      return `export const layout = ${JSON.stringify(map.layout)};`;
    },
    generateBundle() {
      for (const { layout, flowTitle } of maps()) {
        this.emitFile({ type: "asset", fileName: mapAssetPath(layout.flowId), source: flowMapSvg(layout, flowTitle) });
      }
    },
  };
}
