import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { launchBrowser, openPage } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test("the app loads and shows its heading, with no console error or CSP violation", async () => {
  const context = await browser.newContext();
  const { page, problems } = await openPage(context);
  const response = await page.goto(inject("baseUrl"));
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
  await page.getByRole("heading", { level: 1, name: "What went wrong?" }).waitFor();
  expect(problems.errors).toEqual([]);
  await context.close();
});
