import { existsSync } from "node:fs";
import { join } from "node:path";
import { benchAlternatives, reactFloorTimeToHeading } from "../bench/alternatives.ts";
import { browserFigures } from "../bench/browser-bench.ts";
import { launchBrowser } from "../bench/chromium.ts";
import { embedSizeFigures } from "../bench/embed-size.ts";
import { benchFlows, type Figure } from "../bench/flows-bench.ts";
import { mapOpeningFigures, mapSizeFigures } from "../bench/map-bench.ts";
import { startStaticServer } from "../server/static-server.ts";

/**
 * npm run bench — prints every figure with its goal beside it; asserts nothing.
 * Needs a build (npm run build) and Debian's Chromium, like the e2e suite.
 */
function print(title: string, figures: Figure[]) {
  console.log(`\n${title}`);
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) console.log(`  ${f.name.padEnd(width)}  ${f.value.padStart(10)}   goal ${f.goal}`);
}

const dist = join(import.meta.dirname, "../../dist");
if (!existsSync(join(dist, "index.html")) || !existsSync(join(dist, "embed.js"))) {
  console.error("bench: no build in dist/: run `npm run build` first.");
  process.exit(2);
}

print("Flow engine (median of 3 runs)", benchFlows());
print("Embed loader", embedSizeFigures(dist));

const server = await startStaticServer({ root: dist, port: 0 });
const browser = await launchBrowser();
try {
  print("Production build in headless Chromium (loopback)", await browserFigures(browser, server.url));
  print("Flow maps", [...mapSizeFigures(dist), ...(await mapOpeningFigures(browser, server.url))]);
  if (!process.argv.includes("--no-alternatives")) {
    print("The same sizes for the alternatives (gzipped JS to render one form)", await benchAlternatives());
    const floor = await reactFloorTimeToHeading(browser);
    print("The floor on this machine", [
      { name: "React alone: navigation → its h1 (median of 15)", value: `${floor.toFixed(1)} ms`, goal: "(compare)" },
    ]);
  }
} finally {
  await browser.close();
  await server.close();
}
