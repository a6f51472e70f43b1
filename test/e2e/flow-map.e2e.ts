import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { browserSuite, openPage } from "./browser.ts";
import { doneNext, movedTo, onStep, realProblems, visible } from "./helpers.ts";
import { auditInBothThemes } from "./scan-helpers.ts";

/**
 * The flow map and the support review page in Chromium: the map drawn on an article page,
 * the wizard's Map with the path highlighted and Back by clicking a node, /review from a
 * pasted share link and from a pasted summary, and axe on each in light and dark.
 */
const { baseUrl, newContext } = browserSuite();
const ERROR_500 = "Error 500 when you first activate SCIM";
const MAIL = "megan.bowen@contoso.example";

const mapOf = (page: Page) => page.getByRole("group", { name: `Map of “${ERROR_500}”`, exact: true });
const taken = (page: Page) =>
  mapOf(page)
    .locator(".map-taken")
    .evaluateAll((edges) => edges.map((e) => e.getAttribute("data-edge")));

/** Walks error-500 to its UPN step: two decisions. */
async function toUpnStep(page: Page) {
  await page.goto(`${baseUrl}/flows/error-500`);
  await onStep(page, "Find out what causes Error 500");
  await doneNext(page, "Which user gets Error 500?");
  await page.getByRole("textbox", { name: "The user's e-mail address", exact: true }).fill(MAIL);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await movedTo(page, "What is the user's UPN in Entra?");
}

test("an article page draws its map: one node per step, themed, each node a link to its step", async () => {
  const { page, problems } = await openPage(await newContext());
  await page.goto(`${baseUrl}/flows/error-500/article`);
  const map = await visible(mapOf(page));
  expect(await map.getByRole("link").count()).toBe(16);
  const box = await map.boundingBox();
  expect(box && box.width > 300 && box.height > 300).toBe(true);
  // The theme reaches the drawing: node boxes are filled with the surface colour, not SVG's default black.
  const fills = async () =>
    map
      .locator(".map-node rect")
      .first()
      .evaluate((r) => getComputedStyle(r).fill);
  await page.emulateMedia({ colorScheme: "light" });
  expect(await fills()).toBe("rgb(255, 255, 255)");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await fills()).toBe("rgb(22, 27, 34)");
  await page.emulateMedia({ colorScheme: "light" });

  await map.getByRole("link", { name: /^Question Are the UPNs different\?/ }).click();
  await expect.poll(() => page.evaluate(() => location.hash)).toBe("#step-compare");
  const found = await auditInBothThemes(page, "/flows/error-500/article with its map");
  expect(found, found.join("\n")).toEqual([]);

  // The static asset: an SVG file that styles itself under its own narrow CSP.
  const asset = await page.request.get(`${baseUrl}/maps/error-500.svg`);
  expect(asset.headers()["content-type"]).toBe("image/svg+xml");
  expect(asset.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(await asset.text()).toContain('data-step="collision"');
  expect(realProblems(problems)).toEqual([]);
});

test("the wizard's Map highlights the path, and clicking a visited node goes back to it", async () => {
  const { page, problems } = await openPage(await newContext());
  await toUpnStep(page);
  const loaded: string[] = [];
  page.on("request", (r) => loaded.push(new URL(r.url()).pathname));
  const toggle = page.getByRole("button", { name: "Map", exact: true });
  expect(await toggle.getAttribute("aria-expanded")).toBe("false");
  expect(await mapOf(page).count()).toBe(0);
  await toggle.click();
  await visible(mapOf(page));
  // Only now does the map's code arrive.
  expect(loaded.some((path) => path.endsWith(".js"))).toBe(true);
  expect(await taken(page)).toEqual(["about next", "user-mail next"]);
  expect(await mapOf(page).locator(".map-here").getAttribute("data-step")).toBe("entra-upn");
  expect(await mapOf(page).locator(".map-ahead").count()).toBeGreaterThan(10);
  const found = await auditInBothThemes(page, "/flows/error-500 with the Map open");
  expect(found, found.join("\n")).toEqual([]);

  await mapOf(page)
    .getByRole("link", { name: /^Input Which user gets Error 500\?/ })
    .click();
  await movedTo(page, "Which user gets Error 500?");
  await expect.poll(() => taken(page)).toEqual(["about next"]);
  expect(realProblems(problems)).toEqual([]);
});

test("/review reads a pasted share link and a pasted summary; Continue from here opens the wizard there", async () => {
  const context = await newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const { page, problems } = await openPage(context);
  await toUpnStep(page);
  await page.getByRole("button", { name: "Share link", exact: true }).click();
  await visible(page.getByText("Link copied to the clipboard.", { exact: true }));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  await page.getByRole("button", { name: "Copy summary", exact: true }).click();
  await visible(page.getByText("Summary copied to the clipboard.", { exact: true }));
  const summary = await page.evaluate(() => navigator.clipboard.readText());

  await page.goto(`${baseUrl}/review`);
  await visible(page.getByRole("heading", { level: 1, name: "Review a walk" }));
  let found = await auditInBothThemes(page, "/review, empty");
  const field = page.getByRole("textbox", { name: "Share link or summary", exact: true });
  for (const [pasted, source] of [
    [link, "From a share link: it carries no times and no check evidence."],
    [summary, "From a summary."],
  ]) {
    await field.fill(pasted);
    await page.getByRole("button", { name: "Review", exact: true }).click();
    await visible(page.getByText(source, { exact: true }));
    await visible(mapOf(page));
    expect(await taken(page)).toEqual(["about next", "user-mail next"]);
    expect(await page.getByRole("list", { name: "Decisions" }).getByRole("listitem").count()).toBe(2);
    found.push(...(await auditInBothThemes(page, `/review with a ${source}`)));
  }
  expect(await page.locator(".review-decisions time").count()).toBe(2);
  await page.emulateMedia({ colorScheme: "light" });
  await page.getByRole("link", { name: "Continue from here", exact: true }).click();
  await onStep(page, "What is the user's UPN in Entra?");

  await page.goto(`${baseUrl}/review`);
  await field.fill(summary.replace('"kind":"next"', '"kind":"manual"'));
  await page.getByRole("button", { name: "Review", exact: true }).click();
  await visible(page.getByRole("alert").filter({ hasText: "changed after it was made" }));
  found = found.concat(await auditInBothThemes(page, "/review with a changed summary"));
  expect(found, found.join("\n")).toEqual([]);
  expect(realProblems(problems)).toEqual([]);
});
