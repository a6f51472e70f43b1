import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { chromiumPath } from "./chromium.ts";
import type { Figure } from "./flows-bench.ts";

/**
 * Lighthouse 12.2.3 (the last for Node 20) in Debian's Chromium, mobile (its default) and
 * desktop presets: the four category scores of each page, printed beside the goal (100 on
 * mobile). A fresh Chromium for every run (cold cache, and a run that went wrong spoils no
 * other), launched by chrome-launcher as Lighthouse expects.
 */
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const PRESETS = [
  { name: "mobile", config: undefined },
  { name: "desktop", config: desktopConfig },
];

async function scores(url: string, config: typeof desktopConfig | undefined): Promise<string> {
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
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, logLevel: "error", output: "json", onlyCategories: [...CATEGORIES] },
      config,
    );
    if (!result || result.lhr.runtimeError) return `failed: ${result?.lhr.runtimeError?.code ?? "no result"}`;
    const categories = result.lhr.categories;
    return CATEGORIES.map((c) => Math.round((categories[c]?.score ?? 0) * 100)).join(" / ");
  } finally {
    chrome.kill();
  }
}

/** A run Lighthouse could not finish (it happens on this shared machine) is tried once more. */
async function scoresOrRetry(url: string, config: typeof desktopConfig | undefined): Promise<string> {
  const first = await scores(url, config);
  return first.startsWith("failed") ? scores(url, config) : first;
}

export async function lighthouseFigures(pages: { name: string; url: string; goal?: string }[]): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const preset of PRESETS) {
    for (const page of pages) {
      figures.push({
        name: `${preset.name}: ${page.name} (perf / a11y / best practices / SEO)`,
        value: await scoresOrRetry(page.url, preset.config),
        goal: preset.name === "mobile" ? (page.goal ?? "100 / 100 / 100 / 100") : "(reported)",
      });
    }
  }
  return figures;
}
