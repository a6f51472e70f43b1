import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import type { PageProblems } from "./browser.ts";

/** A level-1 heading with exactly this name (the wizard puts each step title in the page's h1). */
export function stepHeading(page: Page, title: string): Locator {
  return page.getByRole("heading", { level: 1, name: title, exact: true });
}

/** Waits for a locator to be visible, failing with a readable message rather than a timeout stack. */
export async function visible(locator: Locator, timeout = 10_000): Promise<Locator> {
  await locator.waitFor({ state: "visible", timeout });
  return locator;
}

/** Waits until the step titled `title` shows, without caring where focus is (first step, reload, opened link). */
export async function onStep(page: Page, title: string): Promise<void> {
  await visible(stepHeading(page, title));
}

/**
 * After a move inside the wizard: the new step's heading shows and has focus,
 * so a screen reader reads its title first.
 */
export async function movedTo(page: Page, title: string): Promise<void> {
  await onStep(page, title);
  await expect
    .poll(() =>
      page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent })),
    )
    .toEqual({ tag: "H1", text: title });
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
}

/** Clicks "Done, next step" on an instruction step and checks where it leads. */
export async function doneNext(page: Page, nextTitle: string): Promise<void> {
  await page.getByRole("button", { name: "Done, next step", exact: true }).click();
  await movedTo(page, nextTitle);
}

/** The live region a check step announces its result in. */
export function checkStatus(page: Page): Locator {
  return page.getByRole("status", { name: "Check result" });
}

/** Runs the check on the current step and returns the outcome code it announces (e.g. "pass"). */
export async function runCheck(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Run check", exact: true }).click();
  const code = checkStatus(page).locator("code.outcome-code");
  await visible(code, 15_000);
  return (await code.textContent()) ?? "";
}

/**
 * Problems that matter: everything the page logged as an error, except the
 * network line Chromium prints for an expected 4xx answer of a live check.
 */
export function realProblems(problems: PageProblems): string[] {
  return problems.errors.filter((message) => !message.startsWith("Failed to load resource"));
}

/** Escapes text for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
