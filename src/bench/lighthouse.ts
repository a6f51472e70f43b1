import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { chromiumPath } from "./chromium.ts";
import type { Figure } from "./flows-bench.ts";

/**
 * Lighthouse 12.2.3 (the last for Node 20) in Debian's Chromium, mobile (its default) and
 * desktop presets: the four category scores of each page, printed beside the goal (100 on
 * mobile). One Chromium for every run, launched by chrome-launcher as Lighthouse expects.
 */
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const PRESETS = [
  { name: "mobile", config: undefined },
  { name: "desktop", config: desktopConfig },
];

export async function lighthouseFigures(pages: { name: string; url: string }[]): Promise<Figure[]> {
  const chrome = await launch({
    chromePath: chromiumPath(),
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
    ],
  });
  const figures: Figure[] = [];
  try {
    for (const preset of PRESETS) {
      for (const page of pages) {
        const result = await lighthouse(
          page.url,
          { port: chrome.port, logLevel: "error", output: "json", onlyCategories: [...CATEGORIES] },
          preset.config,
        );
        const categories = result?.lhr.categories ?? {};
        const scores = CATEGORIES.map((c) => Math.round((categories[c]?.score ?? 0) * 100));
        figures.push({
          name: `${preset.name}: ${page.name} (perf / a11y / best practices / SEO)`,
          value: scores.join(" / "),
          goal: preset.name === "mobile" ? "100 / 100 / 100 / 100" : "(reported)",
        });
      }
    }
  } finally {
    chrome.kill();
  }
  return figures;
}
