import type { BrowserContext, Page } from "playwright-core";

export { chromiumPath, launchBrowser } from "../../src/bench/chromium.ts";

export interface PageProblems {
  /** Console errors, CSP violations and uncaught exceptions seen on the page. */
  errors: string[];
}

/** A page that records every console error, CSP violation and page error, for tests to assert none. */
export async function openPage(context: BrowserContext): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  const problems: PageProblems = { errors: [] };
  page.on("console", (message) => {
    if (message.type() === "error") problems.errors.push(message.text());
  });
  page.on("pageerror", (error) => problems.errors.push(`page error: ${error.message}`));
  return { page, problems };
}
