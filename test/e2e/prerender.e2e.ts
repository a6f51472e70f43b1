import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { buildFlow, checkFlowFiles, FLOWS_DIR, flowFilesIn } from "../../src/build/flow-files.ts";
import type { BuiltFlow } from "../../src/engine/built-flow.ts";
import { catalogueMessages } from "../../src/ui/messages/catalogue.ts";
import { logsMessages } from "../../src/ui/messages/logs.ts";
import { messages } from "../../src/ui/messages/messages.ts";
import { encodeShare } from "../../src/ui/share/share-link.ts";
import { browserSuite } from "./browser.ts";
import { movedTo, onStep, stepHeading } from "./helpers.ts";

/**
 * Issue 13: every public page is prerendered, readable as served, hydrated without a warning,
 * and a share link or a restored walk never shows the guide's first step on its way.
 */
const suite = browserSuite();
const { baseUrl } = suite;

const { flows: files, issues } = checkFlowFiles(flowFilesIn(FLOWS_DIR));
if (issues.length > 0) throw new Error(`flows have issues: ${issues.map((i) => i.message).join("; ")}`);
const flows: BuiltFlow[] = files.map(({ flow }) => buildFlow(flow));
const flow = (id: string) => flows.find((f) => f.id === id) as BuiltFlow;
const error500 = flow("error-500");
const [first, second] = error500.steps;

/** One page of each kind, with its heading and a sentence of its text. */
const PAGE_KINDS = [
  { path: "/", heading: catalogueMessages.heading, text: flow("deletion").summary },
  { path: "/flows/error-500", heading: first.title, text: messages.nav.article },
  { path: "/flows/error-500/article", heading: error500.title, text: second.title },
  { path: "/embed", heading: catalogueMessages.heading, text: flow("user-scope").title },
  { path: "/embed/error-500", heading: first.title, text: messages.embed.openFull },
  { path: "/review", heading: "Review a walk", text: "Share link or summary" },
  { path: "/logs", heading: logsMessages.heading, text: logsMessages.fileLabel },
];

const decode = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
const h1Of = (html: string) => decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? "").replace(/<[^>]+>/g, "");

test("the HTML as served, before any JavaScript: each page kind holds its heading and text, and no 'needs JavaScript' notice", async () => {
  for (const { path, heading, text } of PAGE_KINDS) {
    const response = await fetch(`${baseUrl}${path}`);
    expect(response.status, path).toBe(200);
    const html = decode(await response.text());
    expect(h1Of(html), path).toBe(heading);
    expect(html, path).toContain(text);
    expect(html, path).not.toMatch(/needs JavaScript/i);
  }
});

test("each page has a title of its own: the guide's, its article's, the review page's", async () => {
  const titleOf = async (path: string) =>
    /<title>([^<]*)<\/title>/.exec(decode(await (await fetch(`${baseUrl}${path}`)).text()))?.[1];
  expect(await titleOf("/")).toBe(messages.appName);
  expect(await titleOf("/flows/error-500")).toBe(`${error500.title} · ${messages.appName}`);
  expect(await titleOf("/flows/error-500/article")).toBe(`${error500.title} (article) · ${messages.appName}`);
  expect(await titleOf("/review")).toBe(`Review a walk · ${messages.appName}`);
});

test("every guide is prerendered whole: its first step on its page and in its embed, every step in its article", async () => {
  for (const f of flows) {
    const wizard = decode(await (await fetch(`${baseUrl}/flows/${f.id}`)).text());
    expect(h1Of(wizard), f.id).toBe(f.steps[0].title);
    expect(h1Of(decode(await (await fetch(`${baseUrl}/embed/${f.id}`)).text())), f.id).toBe(f.steps[0].title);
    const article = decode(await (await fetch(`${baseUrl}/flows/${f.id}/article`)).text());
    for (const step of f.steps) expect(article, `${f.id} article`).toContain(`>${step.title}`);
  }
});

test("a share link gets the guide's own page; an address that is no page gets the app's Not found page with a 404", async () => {
  const shared = await fetch(`${baseUrl}/flows/error-500?s=${encodeShare(error500, [], false)}`);
  expect(shared.status).toBe(200);
  expect(h1Of(await shared.text())).toBe(first.title);
  for (const path of ["/nowhere", "/flows/no-such-guide", "/flows/error-500/article/more"]) {
    const response = await fetch(`${baseUrl}${path}`);
    expect(response.status, path).toBe(404);
    expect(response.headers.get("content-security-policy"), path).toContain("script-src 'self'");
    expect(h1Of(await response.text()), path).toBe(messages.notFound.heading);
  }
});

/** Every console error or warning and every uncaught exception of the page. */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

test("with JavaScript on, every public page hydrates the HTML it was served (the same nodes), with no console error or warning", async () => {
  const context = await suite.newContext();
  // Marks the served heading with a property (not an attribute, which hydration would see):
  // hydration keeps the node, a render from nothing would replace it.
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const h1 = document.querySelector("h1") as (HTMLElement & { served?: boolean }) | null;
      if (!h1) return;
      h1.served = true;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const paths = [
    ...PAGE_KINDS.map((p) => p.path),
    ...flows.flatMap((f) => [`/flows/${f.id}`, `/flows/${f.id}/article`, `/embed/${f.id}`]),
  ];
  for (const path of new Set(paths)) {
    const page = await context.newPage();
    const problems = collectProblems(page);
    await page.goto(`${baseUrl}${path}`);
    await page.waitForLoadState("networkidle");
    expect(problems, path).toEqual([]);
    expect(await page.evaluate(() => (document.querySelector("h1") as { served?: boolean }).served), path).toBe(true);
    await page.close();
  }
});

test("after hydration the page works: the first step's way on moves the walk, the embed's too", async () => {
  const context = await suite.newContext();
  for (const path of ["/flows/error-500", "/embed/error-500"]) {
    const page = await context.newPage();
    const problems = collectProblems(page);
    await page.goto(`${baseUrl}${path}`);
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: messages.wizard.done, exact: true }).click();
    await onStep(page, second.title);
    expect(problems, path).toEqual([]);
    await page.close();
  }
});

test("each page's HTML names every script the page loads (module preloads), so none waits for another to ask for it", async () => {
  const context = await suite.newContext();
  for (const { path } of PAGE_KINDS) {
    const page = await context.newPage();
    const html = await (await fetch(`${baseUrl}${path}`)).text();
    const named = new Set([...html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]));
    const loaded: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") loaded.push(new URL(request.url()).pathname);
    });
    await page.goto(`${baseUrl}${path}`);
    await page.waitForLoadState("networkidle");
    expect(loaded.length, path).toBeGreaterThan(1);
    expect(
      loaded.filter((file) => !named.has(file)),
      path,
    ).toEqual([]);
    await page.close();
  }
});

/**
 * Records, from navigation start, the text of every h1 the page shows: at each DOM change once
 * the stylesheets are in, and before each frame is painted. A heading hidden from sight (the
 * prerendered first step behind the early gate) is no heading shown.
 */
async function recordShownHeadings(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { shownHeadings: string[] }).shownHeadings = seen;
    const look = () => {
      // Nothing is painted while a stylesheet is still loading (they block rendering).
      if ([...document.querySelectorAll("link[rel=stylesheet]")].some((l) => !(l as HTMLLinkElement).sheet)) return;
      for (const h1 of document.querySelectorAll("h1")) {
        const text = h1.textContent ?? "";
        if (h1.checkVisibility({ visibilityProperty: true }) && seen.at(-1) !== text) seen.push(text);
      }
    };
    new MutationObserver(look).observe(document, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
    });
    const everyFrame = () => {
      look();
      if (performance.now() < 10_000) requestAnimationFrame(everyFrame);
    };
    requestAnimationFrame(everyFrame);
  });
}

const shownHeadings = (page: Page) =>
  page.evaluate(() => (window as unknown as { shownHeadings: string[] }).shownHeadings);

test("a share link's first heading shown is the shared step's, though the served HTML holds the first step", async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  const problems = collectProblems(page);
  await recordShownHeadings(page);
  const link = `${baseUrl}/flows/error-500?s=${encodeShare(error500, [{ kind: "next", step: first.id }], false)}`;
  expect(h1Of(await (await fetch(link)).text())).toBe(first.title);
  await page.goto(link);
  await onStep(page, second.title);
  await page.waitForLoadState("networkidle");
  expect(await shownHeadings(page)).toEqual([second.title]);
  expect(problems).toEqual([]);
});

test("a restored walk (reload in the same tab) shows its own step first, never the guide's start", async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  const problems = collectProblems(page);
  await recordShownHeadings(page);
  await page.goto(`${baseUrl}/flows/error-500`);
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: messages.wizard.done, exact: true }).click();
  await onStep(page, second.title);
  await page.reload();
  await onStep(page, second.title);
  await page.waitForLoadState("networkidle");
  expect(await shownHeadings(page)).toEqual([second.title]);
  expect(problems).toEqual([]);
});

test("the first way on works before the page's script has run: the next step shows at once, and the walk goes on from it", async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  const problems = collectProblems(page);
  await recordShownHeadings(page);
  // The main bundle is held back until the click has been made: the page is still the HTML as served.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${baseUrl}/flows/error-500`, { waitUntil: "commit" });
  await onStep(page, first.title);
  await page.getByRole("link", { name: messages.wizard.done, exact: true }).click();
  await onStep(page, second.title);
  expect(new URL(page.url()).hash).toBe("#next-step");
  // Shown but not yet live: nothing typed before the walk has it could be lost or sent.
  expect(await page.getByRole("textbox").isDisabled()).toBe(true);
  release();
  await page.waitForLoadState("networkidle");
  // Hydrated, the walk has taken the first step's way on: the live step, focused, the fragment gone.
  await movedTo(page, second.title);
  expect(new URL(page.url()).hash).toBe("");
  await page.getByRole("textbox").fill("jane.doe@contoso.com");
  await page.getByRole("button", { name: messages.wizard.continue }).click();
  await movedTo(page, error500.steps[2].title);
  await page.getByRole("button", { name: messages.wizard.back }).click();
  await movedTo(page, second.title);
  expect(await shownHeadings(page)).toEqual([first.title, second.title, error500.steps[2].title, second.title]);
  // The walk is this tab's, as after any move: a reload opens it where it was.
  await page.reload();
  await onStep(page, second.title);
  expect(problems).toEqual([]);
});

test("an embed opened at its host's start step shows that step first", async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  const problems = collectProblems(page);
  await recordShownHeadings(page);
  const compare = error500.steps.find((s) => s.id === "compare");
  await page.goto(`${baseUrl}/embed/error-500?start=compare`);
  await onStep(page, compare?.title ?? "");
  await page.waitForLoadState("networkidle");
  expect(await shownHeadings(page)).toEqual([compare?.title]);
  expect(problems).toEqual([]);
});

test("a dark embed paints dark from its first frame: the host's look is on before the body, not after hydration", async () => {
  for (const path of ["/embed/error-500?theme=dark&accent=%23aa3300", "/embed?theme=dark"]) {
    const context = await suite.newContext({ colorScheme: "light" });
    const page = await context.newPage();
    // The look the page has when its body first arrives, before anything could paint.
    await page.addInitScript(() => {
      const seen = { theme: "unset", accent: "unset" };
      (window as unknown as { firstLook: typeof seen }).firstLook = seen;
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        const root = document.documentElement;
        seen.theme = root.dataset.theme ?? "none";
        seen.accent = root.style.getPropertyValue("--accent") || "none";
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${baseUrl}${path}`);
    await page.waitForLoadState("networkidle");
    const first = await page.evaluate(() => (window as unknown as { firstLook: unknown }).firstLook);
    expect(first, path).toEqual({ theme: "dark", accent: path.includes("accent") ? "#aa3300" : "none" });
    await context.close();
  }
});

test("with JavaScript off: the catalogue, an article and a guide's first step read completely; the guide offers its article", async () => {
  const context = await suite.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByRole("heading", { level: 1, name: catalogueMessages.heading }).waitFor();
  for (const f of flows.filter((f) => f.id !== "triage")) {
    expect(await page.getByRole("link", { name: f.title, exact: true }).count(), f.id).toBe(1);
  }
  await page.getByRole("link", { name: error500.title, exact: true }).click();
  await onStep(page, first.title);
  expect(await page.getByText(/needs JavaScript/i).count()).toBe(0);
  // The first way on is a link: the second step reads too, its field disabled (nothing could take an answer).
  await page.getByRole("link", { name: messages.wizard.done, exact: true }).click();
  await onStep(page, second.title);
  expect(await page.getByRole("textbox").isDisabled()).toBe(true);
  await page.getByRole("link", { name: messages.nav.article }).click();
  await page.getByRole("heading", { level: 1, name: error500.title }).waitFor();
  for (const step of error500.steps) {
    expect(
      await page
        .getByRole("heading", { level: 3, name: new RegExp(`^${step.title.replace(/[?.()]/g, "\\$&")}`) })
        .count(),
      step.id,
    ).toBe(1);
  }
  expect(await stepHeading(page, first.title).count()).toBe(0);
});
