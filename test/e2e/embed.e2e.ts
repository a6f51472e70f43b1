import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, BrowserContext, Frame, FrameLocator, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { launchBrowser, openPage, type PageProblems } from "./browser.ts";
import { type HostServer, startHostServer } from "./embed-host-server.ts";

/**
 * The embed, framed cross-origin: a help-center stand-in on a second loopback origin loads
 * dist/embed.js from the app's origin, as docs/embedding.md tells host sites to.
 */

const baseUrl = inject("baseUrl");
const appOrigin = new URL(baseUrl).origin;
/** The app origin examples/help-center.html is written for (`npm start`). */
const EXAMPLE_ORIGIN = "http://localhost:4173";
/** The loader clamps heights to this range (src/embed-loader/core.ts). */
const MIN_HEIGHT = 100;
const MAX_HEIGHT = 10_000;
const DONE = "Done, next step";

let browser: Browser;
let host: HostServer;
const contexts: BrowserContext[] = [];

// ---------------------------------------------------------------------------------------------
// Host pages

/**
 * The host's own code on the generated pages: each container `#x` logs its events into `#x-events`
 * (as the example page does), and the document collects every event with the container it
 * reached, plus the string markers other frames post to say "my earlier messages are sent".
 */
const HOST_SCRIPT = `<script>
  window.allEvents = [];
  window.markers = [];
  for (const name of ["step", "outcome", "feedback"]) {
    document.addEventListener("scim-troubleshooter:" + name, (event) => {
      window.allEvents.push({ type: name, container: event.target.id, detail: event.detail });
    });
  }
  for (const container of document.querySelectorAll("[data-scim-troubleshooter]")) {
    const list = document.getElementById(container.id + "-events");
    for (const name of ["step", "outcome", "feedback"]) {
      container.addEventListener("scim-troubleshooter:" + name, (event) => {
        const item = document.createElement("li");
        item.dataset.event = name;
        item.textContent = name + " " + JSON.stringify(event.detail);
        list.append(item);
      });
    }
  }
  window.addEventListener("message", (event) => {
    if (typeof event.data === "string" && event.data.startsWith("marker:")) window.markers.push(event.data);
  });
</script>`;

function hostPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <style>main { max-width: 46rem; margin: 0 auto; }</style>
  </head>
  <body>
    <main>
      <h1>${title}</h1>
      ${body}
    </main>
    <script src="${appOrigin}/embed.js" async></script>
    ${HOST_SCRIPT}
  </body>
</html>`;
}

function container(id: string, flowId: string): string {
  return `<div id="${id}" data-scim-troubleshooter="${flowId}">
      <a href="${appOrigin}/flows/${flowId}">Open the SCIM troubleshooter</a>
    </div>
    <ol id="${id}-events"></ol>`;
}

async function hostPages(): Promise<Record<string, string>> {
  const example = await readFile(join(import.meta.dirname, "../../examples/help-center.html"), "utf8");
  // The example names the app origin twice (fallback link and loader src): both must follow the app.
  expect(example.split(EXAMPLE_ORIGIN).length - 1).toBe(2);
  return {
    "/help-center.html": example.replaceAll(EXAMPLE_ORIGIN, appOrigin),
    "/two-embeds.html": hostPage(
      "Two troubleshooters",
      `${container("first", "error-500")}\n<p>Between the two embeds.</p>\n${container("second", "test-connection")}`,
    ),
    // A page with one real embed and two frames the loader did not make: one of the host's own
    // origin, and one on the app's very origin and embed route (its real messages must not count).
    "/foreign.html": hostPage(
      "A foreign frame",
      `${container("solo", "error-500")}
    <iframe id="foreign" title="Foreign widget" src="/foreign-frame.html" style="width:300px;height:80px"></iframe>
    <iframe id="rogue" title="Embed framed by hand" src="${appOrigin}/embed/test-connection" style="width:600px;height:600px"></iframe>`,
    ),
    "/foreign-frame.html": `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Widget</title></head><body><p>A widget</p></body></html>`,
    // The full app (not the embed route) framed by another origin: frame-ancestors 'self' must refuse it.
    "/frames-full-app.html": `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>Framing the app</title></head><body><iframe id="full" title="Full app" src="${appOrigin}/flows/error-500" style="width:600px;height:400px"></iframe></body></html>`,
  };
}

beforeAll(async () => {
  browser = await launchBrowser();
  host = await startHostServer(await hostPages());
  // Same host, another port: another origin, as a help center on its own domain would be.
  expect(host.origin).not.toBe(appOrigin);
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await host?.close();
});

/**
 * A fresh context whose every frame (host page and iframes alike) reports CSP violations on the
 * console, where openPage() collects them, besides Chromium's own "Refused to …" lines.
 */
async function newPage(): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext();
  contexts.push(context);
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation in ${location.href}: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return openPage(context);
}

// ---------------------------------------------------------------------------------------------
// The embed on the host page

interface Embed {
  /** The loader's iframe inside the container. */
  iframe: Locator;
  /** The embed's content, for clicking by role. */
  content: FrameLocator;
  /** The embed's Frame, for evaluating in its document. */
  frame(): Promise<Frame>;
}

function embedIn(page: Page, containerId: string): Embed {
  const iframe = page.locator(`#${containerId} > iframe[data-scim-frame]`);
  return {
    iframe,
    content: iframe.contentFrame(),
    async frame() {
      const frame = await (await iframe.elementHandle())?.contentFrame();
      if (!frame) throw new Error(`#${containerId} has no embed frame`);
      return frame;
    },
  };
}

function heading(embed: Embed, title: string): Locator {
  return embed.content.getByRole("heading", { level: 1, name: title, exact: true });
}

async function onStep(embed: Embed, title: string): Promise<void> {
  await heading(embed, title).waitFor({ state: "visible", timeout: 15_000 });
}

async function click(embed: Embed, name: string, nextTitle: string): Promise<void> {
  await embed.content.getByRole("button", { name, exact: true }).click();
  await onStep(embed, nextTitle);
}

async function submitInput(embed: Embed, label: string, value: string, nextTitle: string): Promise<void> {
  await embed.content.getByRole("textbox", { name: label, exact: true }).fill(value);
  await click(embed, "Continue", nextTitle);
}

interface Measure {
  /** The iframe element's height on the host page (CSS px). */
  iframeHeight: number;
  clientHeight: number;
  /** The embed document's own height, as the embed measures it for its resize messages. */
  contentHeight: number;
  scrollHeight: number;
}

async function measure(embed: Embed): Promise<Measure> {
  const frame = await embed.frame();
  const [iframeHeight, clientHeight] = await embed.iframe.evaluate((el) => [
    el.getBoundingClientRect().height,
    el.clientHeight,
  ]);
  const doc = await frame.evaluate(() => ({
    contentHeight: Math.ceil(document.documentElement.getBoundingClientRect().height),
    scrollHeight: document.documentElement.scrollHeight,
  }));
  return { iframeHeight, clientHeight, ...doc };
}

const clamp = (height: number) => Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, height));

/**
 * Waits until the iframe is exactly as tall as the step's content (clamped like the loader does)
 * and its document has nothing to scroll; returns that height.
 */
async function settledHeight(embed: Embed): Promise<number> {
  // In view, as for a reader: Chromium throttles rendering (so ResizeObserver) in cross-origin
  // frames outside the viewport, and an embed below the fold keeps its last height until then.
  await embed.iframe.scrollIntoViewIfNeeded();
  let last: Measure | undefined;
  await expect
    .poll(
      async () => {
        last = await measure(embed);
        return last;
      },
      { timeout: 10_000, interval: 100 },
    )
    .toSatisfy(
      (m: Measure) =>
        m.iframeHeight === clamp(m.contentHeight) &&
        m.clientHeight === m.iframeHeight &&
        m.scrollHeight <= m.clientHeight + 1,
      "the iframe's height follows its content, with no inner scrollbar",
    );
  return (last as Measure).iframeHeight;
}

interface HostEvent {
  type: string;
  detail: Record<string, unknown>;
}

/** The events a host list shows (`<li data-event="step">step {"flowId":…}</li>`), parsed back. */
async function listed(page: Page, listId: string): Promise<HostEvent[]> {
  const items = await page
    .locator(`#${listId} > li`)
    .evaluateAll((lis) =>
      lis.map((li) => ({ type: (li as HTMLElement).dataset.event ?? "", text: li.textContent ?? "" })),
    );
  return items.map(({ type, text }) => {
    expect(text.startsWith(`${type} `)).toBe(true);
    return { type, detail: JSON.parse(text.slice(type.length + 1)) as Record<string, unknown> };
  });
}

async function waitForListed(page: Page, listId: string, count: number): Promise<HostEvent[]> {
  await expect.poll(() => page.locator(`#${listId} > li`).count(), { timeout: 10_000 }).toBe(count);
  return listed(page, listId);
}

const step = (flowId: string, stepId: string, stepKind: string): HostEvent => ({
  type: "step",
  detail: { flowId, stepId, stepKind },
});

/** All the `scim-troubleshooter:*` events the generated pages' document saw, with their container. */
function allEvents(page: Page): Promise<{ type: string; container: string; detail: Record<string, unknown> }[]> {
  return page.evaluate(() => (window as unknown as { allEvents: never[] }).allEvents);
}

/**
 * Lets a frame's pending work (effects, messages) run, then posts a marker to its parent. A timer,
 * not requestAnimationFrame, which never fires in a throttled (off-screen cross-origin) frame.
 */
async function postMarker(frame: Frame, marker: string): Promise<void> {
  await frame.evaluate(async (text) => {
    await new Promise((done) => setTimeout(done, 100));
    window.parent.postMessage(`marker:${text}`, "*");
  }, marker);
}

async function waitForMarkers(page: Page, markers: string[]): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { markers: string[] }).markers), { timeout: 10_000 })
    .toEqual(expect.arrayContaining(markers.map((m) => `marker:${m}`)));
}

function problemsOf(problems: PageProblems): string[] {
  // The demo tenant is off in embeds, so no live check runs and no request may fail: no filter.
  return problems.errors;
}

// ---------------------------------------------------------------------------------------------
// Tests

test("the app's headers: the embed route may be framed by any site, the full app by itself only", async () => {
  const directives = async (path: string) => {
    const response = await fetch(`${baseUrl}${path}`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const csp = response.headers.get("content-security-policy") ?? "";
    return csp.split(";").map((d) => d.trim());
  };
  const embed = await directives("/embed/error-500");
  expect(embed).toContain("frame-ancestors *");
  expect(embed.filter((d) => d.startsWith("frame-ancestors"))).toEqual(["frame-ancestors *"]);
  expect(await directives("/embed")).toContain("frame-ancestors *");
  for (const path of ["/", "/flows/error-500"]) {
    const app = await directives(path);
    expect(
      app.filter((d) => d.startsWith("frame-ancestors")),
      path,
    ).toEqual(["frame-ancestors 'self'"]);
  }
  // The loader is served fresh, so hosts pick up a new one with the next release.
  const loader = await fetch(`${baseUrl}/embed.js`);
  expect(loader.status).toBe(200);
  expect(loader.headers.get("cache-control")).toBe("no-cache");
  expect(loader.headers.get("content-type")).toContain("javascript");
  await loader.arrayBuffer();
});

test("Chromium refuses to let the host origin frame the full app", async () => {
  const { page, problems } = await newPage();
  await page.goto(`${host.origin}/frames-full-app.html`);
  await expect.poll(() => problems.errors.some((e) => e.includes("frame-ancestors")), { timeout: 10_000 }).toBe(true);
  const frame = await (await page.locator("#full").elementHandle())?.contentFrame();
  const headings = frame ? await frame.getByRole("heading", { level: 1 }).count() : 0;
  expect(headings).toBe(0);
});

test("help-center page: the embed frames error-500, follows each step's height and reports step and outcome events", async () => {
  const { page, problems } = await newPage();
  await page.goto(`${host.origin}/help-center.html`);
  const embed = embedIn(page, "troubleshooter");
  await embed.iframe.waitFor({ state: "visible", timeout: 10_000 });

  // The iframe as documented: on the app origin's embed route, lazy, no scrollbar of its own.
  const attrs = await embed.iframe.evaluate((el) => {
    const frame = el as HTMLIFrameElement;
    return {
      src: frame.src,
      title: frame.title,
      loading: frame.getAttribute("loading"),
      scrolling: frame.getAttribute("scrolling"),
      allow: frame.getAttribute("allow"),
    };
  });
  expect(attrs).toEqual({
    src: `${appOrigin}/embed/error-500`,
    title: "SCIM Troubleshooter: error-500",
    loading: "lazy",
    scrolling: "no",
    allow: "clipboard-write",
  });
  expect(attrs.title).toContain("SCIM Troubleshooter");
  expect(await page.locator("#troubleshooter").getAttribute("data-scim-mounted")).toBe("");
  // The fallback link is hidden, not deleted.
  expect(await page.getByRole("link", { name: "Open the SCIM troubleshooter" }).isHidden()).toBe(true);
  expect(await page.locator("#troubleshooter > a").count()).toBe(1);

  await onStep(embed, "Find out what causes Error 500");
  const first = await waitForListed(page, "events", 1);
  expect(first).toEqual([step("error-500", "about", "instruction")]);

  // The host's own listener, on the container, registered now the first step has been reported.
  await page.evaluate(() => {
    const w = window as unknown as { collected: unknown[] };
    w.collected = [];
    const box = document.getElementById("troubleshooter");
    for (const name of ["step", "outcome", "feedback"]) {
      box?.addEventListener(`scim-troubleshooter:${name}`, (event) => {
        const detail = (event as CustomEvent<Record<string, unknown>>).detail;
        w.collected.push({
          type: event.type,
          bubbles: event.bubbles,
          target: (event.target as Element).id,
          plain: Object.getPrototypeOf(detail) === Object.prototype,
          keys: Object.keys(detail).sort(),
          detail,
        });
      });
    }
  });

  // Walk the shortest path to an outcome: the manual comparison, answered "the same".
  const heights: Record<string, number> = {};
  heights.about = await settledHeight(embed);
  await click(embed, DONE, "Which user gets Error 500?");
  heights["user-mail"] = await settledHeight(embed);
  await submitInput(embed, "The user's e-mail address", "jane.doe@contoso.com", "What is the user's UPN in Entra?");
  heights["entra-upn"] = await settledHeight(embed);
  await submitInput(
    embed,
    "User principal name (UPN) in Entra",
    "jane.doe@contoso.onmicrosoft.com",
    "Compare the user in the workspace with Entra",
  );
  heights.collision = await settledHeight(embed);
  await click(embed, "Skip the live check and compare the UPNs by hand", "Are the UPNs different?");
  heights.compare = await settledHeight(embed);
  await click(embed, "No, they are the same", "The UPNs match, so the cause is something else");
  heights["no-mismatch"] = await settledHeight(embed);

  // The iframe followed the content both ways: the long introduction shrinks to a one-field
  // step, and the outcome (badge, advice, feedback) is taller than the question before it.
  expect(heights["user-mail"], JSON.stringify(heights)).toBeLessThan(heights.about);
  expect(heights["no-mismatch"], JSON.stringify(heights)).toBeGreaterThan(heights.compare);
  expect(new Set(Object.values(heights)).size, JSON.stringify(heights)).toBeGreaterThan(2);

  const walked = [
    step("error-500", "about", "instruction"),
    step("error-500", "user-mail", "input"),
    step("error-500", "entra-upn", "input"),
    step("error-500", "collision", "check"),
    step("error-500", "compare", "question"),
    step("error-500", "no-mismatch", "outcome"),
    { type: "outcome", detail: { flowId: "error-500", stepId: "no-mismatch", outcome: "escalate" } },
  ];
  expect(await waitForListed(page, "events", walked.length)).toEqual(walked);

  // "Did this solve your problem?" → a feedback event.
  await embed.content
    .getByRole("group", { name: "Did this solve your problem?" })
    .getByRole("button", { name: "No", exact: true })
    .click();
  const all = await waitForListed(page, "events", walked.length + 1);
  expect(all.at(-1)).toEqual({
    type: "feedback",
    detail: { flowId: "error-500", stepId: "no-mismatch", helpful: false },
  });

  // The listener on the container saw the same, each detail holding the documented fields only.
  const collected = await page.evaluate(() => (window as unknown as { collected: unknown[] }).collected);
  const envelope = { bubbles: true, target: "troubleshooter", plain: true };
  expect(collected).toEqual([
    ...walked.slice(1).map((e) => ({
      ...envelope,
      type: `scim-troubleshooter:${e.type}`,
      keys: Object.keys(e.detail).sort(),
      detail: e.detail,
    })),
    {
      ...envelope,
      type: "scim-troubleshooter:feedback",
      keys: ["flowId", "helpful", "stepId"],
      detail: { flowId: "error-500", stepId: "no-mismatch", helpful: false },
    },
  ]);
  for (const event of collected as { type: string; keys: string[] }[]) {
    expect(event.keys).toEqual(expect.arrayContaining(["flowId", "stepId"]));
    if (event.type.endsWith(":step")) expect(event.keys).toEqual(["flowId", "stepId", "stepKind"]);
  }

  // What the admin typed stays inside the frame: nowhere in the host's document, nor its address.
  const hostDocument = await page.evaluate(() => `${location.href}\n${document.documentElement.outerHTML}`);
  expect(hostDocument).not.toContain("jane.doe");
  expect(problemsOf(problems)).toEqual([]);
});

test("messages forged by frames the loader did not make are ignored", async () => {
  const { page, problems } = await newPage();
  await page.goto(`${host.origin}/foreign.html`);
  const embed = embedIn(page, "solo");
  await onStep(embed, "Find out what causes Error 500");
  expect(await waitForListed(page, "solo-events", 1)).toEqual([step("error-500", "about", "instruction")]);
  const before = await settledHeight(embed);

  // A copy of the embed framed by hand (no loader): its own, genuine step and resize messages
  // come from the app's origin but not from one of the loader's iframes.
  const rogueIframe = page.locator("#rogue");
  const rogue = rogueIframe.contentFrame();
  await rogue.getByRole("heading", { level: 1, name: "Test the connection in Entra", exact: true }).waitFor();
  await rogue.getByRole("button", { name: DONE, exact: true }).click();
  await rogue.getByRole("heading", { level: 1, name: "Did the connection test succeed?", exact: true }).waitFor();
  const rogueFrame = await (await rogueIframe.elementHandle())?.contentFrame();
  const foreignFrame = await (await page.locator("#foreign").elementHandle())?.contentFrame();
  if (!rogueFrame || !foreignFrame) throw new Error("the foreign frames did not load");

  const forged = [
    { scimTroubleshooter: 1, type: "outcome", flowId: "error-500", stepId: "no-mismatch", outcome: "resolved" },
    { scimTroubleshooter: 1, type: "step", flowId: "error-500", stepId: "delete-user", stepKind: "instruction" },
    { scimTroubleshooter: 1, type: "feedback", flowId: "error-500", stepId: "fixed", helpful: true },
    { scimTroubleshooter: 1, type: "resize", height: 5000 },
  ];
  const forge = (frame: Frame) =>
    frame.evaluate((messages) => {
      for (const message of messages) window.parent.postMessage(message, "*");
    }, forged);
  // From a frame of the host's origin, from the hand-made app frame, and from the host page itself.
  await forge(foreignFrame);
  await forge(rogueFrame);
  await page.evaluate((messages) => {
    for (const message of messages) window.postMessage(message, "*");
    window.postMessage("marker:top", "*");
  }, forged);
  // Messages from one frame arrive in order: once its marker is in, its forgeries have been handled.
  await postMarker(foreignFrame, "foreign");
  await postMarker(rogueFrame, "rogue");
  await waitForMarkers(page, ["foreign", "rogue", "top"]);

  expect(await listed(page, "solo-events")).toEqual([step("error-500", "about", "instruction")]);
  expect(await allEvents(page)).toEqual([
    { type: "step", container: "solo", detail: { flowId: "error-500", stepId: "about", stepKind: "instruction" } },
  ]);
  expect(await embed.iframe.evaluate((el) => el.getBoundingClientRect().height)).toBe(before);
  expect(await settledHeight(embed)).toBe(before);
  for (const id of ["#foreign", "#rogue"]) {
    // The loader leaves frames it did not make alone.
    expect(await page.locator(id).evaluate((el) => [el.style.height, el.hasAttribute("data-scim-frame")])).toEqual([
      id === "#foreign" ? "80px" : "600px",
      false,
    ]);
  }

  // The real embed still works after the forgeries.
  await click(embed, DONE, "Which user gets Error 500?");
  expect(await settledHeight(embed)).not.toBe(before);
  expect(await waitForListed(page, "solo-events", 2)).toEqual([
    step("error-500", "about", "instruction"),
    step("error-500", "user-mail", "input"),
  ]);
  expect(problemsOf(problems)).toEqual([]);
});

test("two embeds on one page keep their own height and their own events", async () => {
  const { page, problems } = await newPage();
  await page.goto(`${host.origin}/two-embeds.html`);
  const a = embedIn(page, "first");
  const b = embedIn(page, "second");
  await onStep(a, "Find out what causes Error 500");
  await onStep(b, "Test the connection in Entra");
  expect(await waitForListed(page, "first-events", 1)).toEqual([step("error-500", "about", "instruction")]);
  expect(await waitForListed(page, "second-events", 1)).toEqual([
    step("test-connection", "test-in-entra", "instruction"),
  ]);
  const a0 = await settledHeight(a);
  const b0 = await settledHeight(b);
  expect(await a.iframe.getAttribute("src")).toBe(`${appOrigin}/embed/error-500`);
  expect(await b.iframe.getAttribute("src")).toBe(`${appOrigin}/embed/test-connection`);

  // A step in the first embed: only the first one moves and reports.
  await click(a, DONE, "Which user gets Error 500?");
  const a1 = await settledHeight(a);
  expect(a1).not.toBe(a0);
  await postMarker(await b.frame(), "second-idle");
  await waitForMarkers(page, ["second-idle"]);
  expect(await b.iframe.evaluate((el) => el.getBoundingClientRect().height)).toBe(b0);
  expect(await waitForListed(page, "first-events", 2)).toEqual([
    step("error-500", "about", "instruction"),
    step("error-500", "user-mail", "input"),
  ]);
  expect(await listed(page, "second-events")).toHaveLength(1);

  // Then the second, to its outcome: only the second one moves and reports.
  await click(b, DONE, "Did the connection test succeed?");
  const b1 = await settledHeight(b);
  expect(b1).not.toBe(b0);
  await click(b, "Yes: Entra says the credentials are authorized", "The connection works");
  await settledHeight(b);
  await postMarker(await a.frame(), "first-idle");
  await waitForMarkers(page, ["first-idle"]);
  expect(await a.iframe.evaluate((el) => el.getBoundingClientRect().height)).toBe(a1);
  expect(await waitForListed(page, "second-events", 4)).toEqual([
    step("test-connection", "test-in-entra", "instruction"),
    step("test-connection", "tested", "question"),
    step("test-connection", "connected", "outcome"),
    { type: "outcome", detail: { flowId: "test-connection", stepId: "connected", outcome: "resolved" } },
  ]);
  expect(await listed(page, "first-events")).toHaveLength(2);

  // Every event reached the container of its own embed, carrying that embed's flow id.
  const events = await allEvents(page);
  expect(events).toHaveLength(6);
  for (const event of events) {
    expect(event.detail.flowId, JSON.stringify(event)).toBe(
      event.container === "first" ? "error-500" : "test-connection",
    );
  }
  expect(new Set(events.map((e) => e.container))).toEqual(new Set(["first", "second"]));
  expect(problemsOf(problems)).toEqual([]);
});
