import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { launchBrowser } from "../../src/bench/chromium.ts";

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

/**
 * One Chromium for a test file, started before its tests and closed after them with every
 * context the file opened. Contexts wait 10 s at most for any locator.
 */
export function browserSuite() {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
  });
  return {
    baseUrl: inject("baseUrl"),
    async newContext(options: Parameters<Browser["newContext"]>[0] = {}): Promise<BrowserContext> {
      if (!browser) throw new Error("browserSuite: the browser starts in beforeAll; open contexts in tests");
      const context = await browser.newContext(options);
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      return context;
    },
  };
}
