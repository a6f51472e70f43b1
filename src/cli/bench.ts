import { existsSync } from "node:fs";
import { join } from "node:path";
import { benchAlternatives, reactFloorTimeToHeading, startComparisonSite } from "../bench/alternatives.ts";
import { redirectBridgeFigures } from "../bench/bridge-size.ts";
import { browserFigures } from "../bench/browser-bench.ts";
import { launchBrowser } from "../bench/chromium.ts";
import { embedSizeFigures } from "../bench/embed-size.ts";
import { type Contender, firstStepTimes } from "../bench/first-steps.ts";
import { benchFlows, type Figure } from "../bench/flows-bench.ts";
import { lighthouseFigures } from "../bench/lighthouse.ts";
import { logsFigures } from "../bench/logs-bench.ts";
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
print("Redirect bridge of the Microsoft sign-in", redirectBridgeFigures(dist));

const server = await startStaticServer({ root: dist, port: 0 });
const browser = await launchBrowser();
try {
  print("Production build in headless Chromium (loopback)", await browserFigures(browser, server.url));
  print("Flow maps", [...mapSizeFigures(dist), ...(await mapOpeningFigures(browser, server.url))]);
  print("Provisioning-log reader (100,000 synthetic entries)", await logsFigures(browser, server.url));
  if (!process.argv.includes("--no-alternatives")) {
    print("The same sizes for the alternatives (gzipped JS to render one form)", await benchAlternatives());
    const floor = await reactFloorTimeToHeading(browser);
    print("The floor on this machine", [
      { name: "React alone: navigation → its h1 (median of 15)", value: `${floor.toFixed(1)} ms`, goal: "(compare)" },
    ]);
    const site = await startComparisonSite();
    try {
      print(
        "Error 500's first two steps, side by side (cold loads, alternated; median of 11)",
        await sideBySide(site.url),
      );
      if (!process.argv.includes("--no-lighthouse")) {
        print(
          "Lighthouse 12.2.3 in Debian's Chromium",
          await lighthouseFigures([
            { name: "/", url: `${server.url}/` },
            { name: "a wizard step", url: `${server.url}/flows/error-500` },
            { name: "an article", url: `${server.url}/flows/error-500/article` },
            { name: "SurveyJS page", url: `${site.url}/surveyjs-error-500.html`, goal: "(compare)" },
          ]),
        );
      }
    } finally {
      await site.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

/** The prerendered wizard against SurveyJS's page of the same procedure and plain HTML (the floor). */
async function sideBySide(siteUrl: string): Promise<Figure[]> {
  const steps = { first: "Find out what causes Error 500", second: "Which user gets Error 500?" };
  const contenders: Contender[] = [
    { name: "wizard", url: `${server.url}/flows/error-500`, ...steps, wayOn: "Done, next step" },
    { name: "SurveyJS", url: `${siteUrl}/surveyjs-error-500.html`, ...steps, wayOn: "Next" },
    { name: "plain HTML", url: `${siteUrl}/floor.html`, ...steps, wayOn: "Done, next step" },
  ];
  const times = await firstStepTimes(browser, contenders);
  const at = (name: string) => times.get(name) ?? { first: Number.NaN, second: Number.NaN };
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)} ×`;
  const [wizard, survey, plain] = ["wizard", "SurveyJS", "plain HTML"].map(at);
  return [
    { name: "navigation → first step visible: wizard", value: ms(wizard.first), goal: "(ratio below)" },
    { name: "navigation → first step visible: SurveyJS", value: ms(survey.first), goal: "(anchor)" },
    { name: "navigation → first step visible: plain HTML", value: ms(plain.first), goal: "(floor)" },
    { name: "first step: wizard / SurveyJS", value: ratio(wizard.first, survey.first), goal: "<= 0.25 ×" },
    { name: "eager user, → second step visible: wizard", value: ms(wizard.second), goal: "(ratio below)" },
    { name: "eager user, → second step visible: SurveyJS", value: ms(survey.second), goal: "(anchor)" },
    { name: "eager user, → second step visible: plain HTML", value: ms(plain.second), goal: "(floor)" },
    { name: "second step: wizard / SurveyJS", value: ratio(wizard.second, survey.second), goal: "<= 0.8 ×" },
  ];
}
