import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { countScriptBytes, kb } from "./browser-bench.ts";
import type { Figure } from "./flows-bench.ts";

/** Each flow's map file in the build, gzipped (goal: at most 40 KB each). */
export function mapSizeFigures(dist: string): Figure[] {
  const dir = join(dist, "maps");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".svg"))
    .sort()
    .map((name) => ({
      name: `maps/${name} (gzipped)`,
      value: kb(gzipSync(readFileSync(join(dir, name))).length),
      goal: "<= 40 KB",
    }));
}

/**
 * What the wizard's Map costs, and only when opened: the gzipped JS a fresh
 * error-500 step loads before and after a click on Map.
 */
export async function mapOpeningFigures(browser: Browser, baseUrl: string): Promise<Figure[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const loaded = countScriptBytes(page);
  await page.goto(`${baseUrl}/flows/error-500`);
  await page.locator("h1").first().waitFor();
  await page.waitForLoadState("networkidle");
  const before = await loaded();
  await page.getByRole("button", { name: "Map", exact: true }).click();
  await page.locator(".flow-map").waitFor();
  await page.waitForLoadState("networkidle");
  const after = await loaded();
  await context.close();
  return [
    { name: "a wizard step, Map closed (gzipped JS)", value: kb(before), goal: "<= 110 KB (no map code)" },
    { name: "… added by opening the Map", value: kb(after - before), goal: "(reported)" },
  ];
}
