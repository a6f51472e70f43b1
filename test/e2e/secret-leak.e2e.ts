import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { buildFlow, checkFlowFiles, FLOWS_DIR, flowFilesIn } from "../../src/build/flow-files.ts";
import { type Relay, startRelay } from "../../src/cli/relay.ts";
import { DEMO_BASE_URL, DEMO_PREVIOUS_TOKEN, DEMO_SAMPLES, DEMO_TOKEN } from "../../src/demo/constants.ts";
import { type DemoServer, startDemoServer } from "../../src/demo/node-server.ts";
import { decisionsTo } from "../../src/engine/path-to-step.ts";
import { encodeShare } from "../../src/ui/share/share-link.ts";
import { launchBrowser } from "./browser.ts";
import { checkStatus, doneNext, movedTo, onStep, runCheck, visible } from "./helpers.ts";
import { findSecrets, frameStorage, type HostSite, helpCenterPage, startHostSite } from "./scan-helpers.ts";

/**
 * The secret token never leaves the tab's memory. An admin enters a token (and, for the key
 * rotation, the previous one), runs every live check against the loopback SCIM server through
 * the relay ("My SCIM endpoint") and against the demo tenant, copies and downloads the summary,
 * shares and opens a link, and uses the embed on a help-center page of another origin. Then
 * every place a secret could end up is searched: each address any frame navigated to (and each
 * session-history entry), history.state, localStorage, sessionStorage, IndexedDB, Cache Storage,
 * cookies, the clipboard, the downloaded summary, every postMessage and message event in every
 * frame, the console, page errors, the DOM's markup, the address and non-SCIM requests, and the
 * relay's log. Neither token appears anywhere, as is, URL-encoded or inside base64.
 */

const baseUrl = inject("baseUrl");
const appOrigin = new URL(baseUrl).origin;
const TOKEN = `leak-probe-token-${randomUUID()}`;
const PREVIOUS = `leak-probe-previous-${randomUUID()}`;
/** A Microsoft Graph token, pasted for Entra's side as an admin would paste Graph Explorer's. */
const GRAPH_TOKEN = `leak-probe-graph-token-${randomUUID()}`;
const ADMIN_SECRETS = { "secret token": TOKEN, "previous secret token": PREVIOUS, "Graph token": GRAPH_TOKEN };
const SECRETS = {
  ...ADMIN_SECRETS,
  // The demo tenant's keys are public, but redaction treats them as the target's token: they must not show either.
  "demo token": DEMO_TOKEN,
  "demo previous token": DEMO_PREVIOUS_TOKEN,
};

let browser: Browser;
let server: DemoServer;
let relay: Relay;
let host: HostSite;
const relayLog: string[] = [];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  // The loopback SCIM server knows both keys: the new one works, the old one is refused.
  server = await startDemoServer({
    port: 0,
    host: "127.0.0.1",
    token: TOKEN,
    previousToken: PREVIOUS,
    faults: [],
    graphToken: GRAPH_TOKEN,
  });
  // It sends no CORS headers, so the browser goes through the relay, which allows the app's origin only.
  relay = await startRelay({
    target: server.baseUrl,
    port: 0,
    host: "127.0.0.1",
    allowOrigin: appOrigin,
    log: (line) => relayLog.push(line),
  });
  host = await startHostSite({
    "/help-center.html": helpCenterPage(appOrigin, "test-connection", 'data-start="probe" data-demo'),
  });
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await relay?.close();
  await server?.close();
  await host?.close();
});

// ---------------------------------------------------------------------------------------------
// Recording everything that could carry a secret

interface Recorded {
  place: string;
  text: string;
}

/** Collects text from every place a secret could leak to, across the context's pages and frames. */
class Recorder {
  readonly records: Recorded[] = [];
  readonly navigations: string[] = [];
  readonly messages: string[] = [];
  private readonly pending: Promise<unknown>[] = [];

  constructor(private readonly context: BrowserContext) {}

  add(place: string, text: unknown): void {
    this.records.push({ place, text: String(text) });
  }

  async attach(): Promise<void> {
    const { context } = this;
    await context.exposeBinding("__leakRecord", ({ frame }, kind: string, data: string) => {
      const place = `${kind} in ${frame.url()}`;
      if (kind.startsWith("message")) this.messages.push(data);
      this.add(place, data);
    });
    // In every frame (the app, the host page, the embed's iframe), before their own scripts.
    await context.addInitScript(() => {
      const w = window as unknown as { __leakRecord?: (kind: string, data: string) => void };
      const json = (data: unknown) => {
        try {
          return JSON.stringify(data) ?? String(data);
        } catch {
          return String(data);
        }
      };
      const original = window.postMessage.bind(window);
      window.postMessage = ((message: unknown, ...rest: unknown[]) => {
        w.__leakRecord?.("postMessage", json({ message, target: rest[0] }));
        return (original as (...args: unknown[]) => void)(message, ...rest);
      }) as typeof window.postMessage;
      // Were a service worker ever to message the page (the demo used to run in one), that is recorded too.
      navigator.serviceWorker?.addEventListener("message", (event) =>
        w.__leakRecord?.("service-worker message", json(event.data)),
      );
      window.addEventListener(
        "message",
        (event) => w.__leakRecord?.("message event", json({ origin: event.origin, data: event.data })),
        true,
      );
    });
    context.on("request", (request) => {
      this.add(`request address (${request.resourceType()})`, request.url());
      // Only the SCIM requests themselves carry a key: to the relay (the admin's endpoint). The demo
      // tenant answers in the page (an in-page fetch), so none of its requests reaches the network.
      // The Graph checks call Graph (here the loopback server's stand-in) directly, as Graph answers browsers.
      const origin = new URL(request.url()).origin;
      if (origin !== relay.url && !request.url().startsWith(`${server.graphRoot}/`)) {
        this.pending.push(
          request
            .allHeaders()
            .then((headers) => this.add(`request headers of ${request.url()}`, JSON.stringify(headers))),
        );
        this.add(`request body of ${request.url()}`, request.postData() ?? "");
      }
    });
  }

  /** Console lines, page errors, navigations and downloads of a page. */
  watch(page: Page): Page {
    page.on("console", (message) => {
      this.add(`console.${message.type()}`, message.text());
      this.pending.push(
        Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => String(arg)))).then((values) =>
          this.add(`console.${message.type()} arguments`, JSON.stringify(values)),
        ),
      );
    });
    page.on("pageerror", (error) => this.add("page error", `${error.message}\n${error.stack ?? ""}`));
    page.on("framenavigated", (frame) => {
      this.navigations.push(frame.url());
      this.add("a navigated address", frame.url());
    });
    page.on("download", (download) => {
      this.pending.push(
        download
          .path()
          .then((path) => readFile(path, "utf8"))
          .then((text) => this.add(`download ${download.suggestedFilename()}`, text)),
      );
    });
    return page;
  }

  async newPage(): Promise<Page> {
    return this.watch(await this.context.newPage());
  }

  /** Storage, history and markup of every frame of the page, and the context's cookies. */
  async snapshot(page: Page, label: string): Promise<void> {
    for (const frame of page.frames()) {
      if (frame.isDetached() || frame.url() === "about:blank") continue;
      const storage = await frameStorage(frame);
      for (const [place, text] of Object.entries(storage))
        this.add(`${label}: ${place} of ${frame.url()}`, String(text));
      this.add(`${label}: markup of ${frame.url()}`, await frame.content());
    }
    this.add(`${label}: cookies`, JSON.stringify(await this.context.cookies()));
  }

  async clipboard(page: Page, label: string): Promise<string> {
    const text = await page.evaluate(() => navigator.clipboard.readText());
    this.add(`clipboard after ${label}`, text);
    return text;
  }

  /**
   * Walks the tab's whole session history back to its first entry: each entry's address is
   * recorded (framenavigated), and checked against the count history.length gives.
   */
  async history(page: Page): Promise<string[]> {
    await page.bringToFront();
    const length = await page.evaluate(() => history.length);
    const seen = [page.url()];
    for (let i = 1; i < length; i++) {
      if (!(await page.goBack({ waitUntil: "commit" }).then(() => true))) break;
      seen.push(page.url());
      await page.evaluate(() => history.state).then((state) => this.add("history.state", JSON.stringify(state)));
    }
    for (const url of seen) this.add("session history entry", url);
    return seen;
  }

  async settle(): Promise<void> {
    await Promise.allSettled(this.pending);
  }

  leaks(): string[] {
    return this.records.flatMap(({ place, text }) => findSecrets(text, SECRETS).map((what) => `${what} in ${place}`));
  }
}

// ---------------------------------------------------------------------------------------------
// The walks

const button = (page: Page | FrameLocator, name: string) => page.getByRole("button", { name, exact: true });

/** Opens the connection panel of the current check step when it is closed. */
async function openPanel(page: Page | FrameLocator): Promise<void> {
  const details = page.locator("details.connection");
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await details.locator(":scope > summary").click();
  }
}

/**
 * "My SCIM endpoint" through the relay, with the token (and the previous token) pasted in as an
 * admin would. The settings stay in the tab's memory for later check steps.
 */
async function pointAtEndpoint(page: Page | FrameLocator, options: { previous?: boolean } = {}): Promise<void> {
  await openPanel(page);
  await page.getByRole("radio", { name: "My SCIM endpoint", exact: true }).check();
  const relayBox = page.getByRole("checkbox", { name: "Send through the local relay (npm run relay)", exact: true });
  await relayBox.check();
  await page.getByRole("textbox", { name: "Relay address", exact: true }).fill(relay.url);
  await page.getByRole("textbox", { name: "SCIM base URL (Tenant URL)", exact: true }).fill(server.baseUrl);
  await page.getByLabel("Secret token", { exact: true }).fill(TOKEN);
  if (options.previous) {
    await page.getByLabel("Previous secret token (only for the key rotation check)", { exact: true }).fill(PREVIOUS);
  }
}

/** Switches to "My SCIM endpoint" again, with what was entered before still in memory. */
async function backToEndpoint(page: Page): Promise<void> {
  await openPanel(page);
  await page.getByRole("radio", { name: "My SCIM endpoint", exact: true }).check();
  expect(await page.getByLabel("Secret token", { exact: true }).inputValue()).toBe(TOKEN);
}

async function pickDemoTenant(page: Page): Promise<void> {
  await openPanel(page);
  await page.getByRole("radio", { name: "Demo tenant (a simulation, no account needed)", exact: true }).check();
}

async function back(page: Page, title: string): Promise<void> {
  await button(page, "Back").click();
  await movedTo(page, title);
}

async function fillAndContinue(page: Page, label: string, value: string, nextTitle: string): Promise<void> {
  await page.getByRole("textbox", { name: label, exact: true }).fill(value);
  await button(page, "Continue").click();
  await movedTo(page, nextTitle);
}

async function choose(page: Page, label: string, nextTitle: string): Promise<void> {
  await button(page, label).click();
  await movedTo(page, nextTitle);
}

/** Each run's outcome, to show the checks really ran where they were sent. */
type Outcomes = Record<string, string>;

const URL_CHECK = "Check the form of the Tenant URL";
const PROBE = "Test the connection the way Entra does";

/** Continues from a check's result to the step it leads to, so the result goes into the walk (and the summary). */
async function continueFromCheck(page: Page): Promise<string> {
  const next = page.getByRole("button", { name: /^Continue: / });
  const title = ((await next.textContent()) ?? "").replace(/^Continue: /, "");
  await next.click();
  await movedTo(page, title);
  return title;
}

/** test-connection: url-format and test-connection, on the loopback server and on the demo tenant. */
async function testConnection(page: Page, recorder: Recorder): Promise<Outcomes> {
  const outcomes: Outcomes = {};
  const FAILED = "No: I saw an error, for example “You appear to have entered invalid credentials”";
  await page.goto(`${baseUrl}/flows/test-connection`);
  await onStep(page, "Test the connection in Entra");
  await doneNext(page, "Did the connection test succeed?");
  await choose(page, FAILED, URL_CHECK);
  await pointAtEndpoint(page);
  // url-format judges the Tenant URL as Entra would: https only, so the http:// loopback server fails it.
  outcomes["url-format, endpoint"] = await runCheck(page);
  await back(page, "Did the connection test succeed?");
  await choose(page, FAILED, URL_CHECK);
  // The demo tenant, while the token stays in memory.
  await pickDemoTenant(page);
  outcomes["url-format, demo"] = await runCheck(page);
  await choose(page, `Continue: ${PROBE}`, PROBE);
  outcomes["test-connection, demo"] = await runCheck(page);
  await recorder.snapshot(page, "test-connection after demo checks");

  await back(page, URL_CHECK);
  outcomes["url-format, demo again"] = await runCheck(page);
  await choose(page, `Continue: ${PROBE}`, PROBE);
  await backToEndpoint(page);
  outcomes["test-connection, endpoint"] = await runCheck(page);
  expect(await checkStatus(page).textContent()).toContain("Bearer ••••");
  await continueFromCheck(page);
  await recorder.snapshot(page, "test-connection at its end");
  return outcomes;
}

/** deletion: user-state and group-leftover, on the loopback server and on the demo tenant with faults. */
async function deletion(page: Page, recorder: Recorder): Promise<Outcomes> {
  const outcomes: Outcomes = {};
  const USER = "Look the user up in the workspace";
  const GROUP = "Look the group up in the workspace";
  await page.goto(`${baseUrl}/flows/deletion?demo=soft-deleted,leftover-group`);
  await onStep(page, "Know what a delete in Entra does in the workspace");
  await doneNext(page, "Is it a user or a group?");
  await choose(page, "A user", "Which user is it?");
  await fillAndContinue(page, "User principal name (UPN)", DEMO_SAMPLES.softDeletedUser.userName, USER);
  await pointAtEndpoint(page);
  outcomes["user-state, endpoint"] = await runCheck(page);
  await back(page, "Which user is it?");
  await fillAndContinue(page, "User principal name (UPN)", DEMO_SAMPLES.softDeletedUser.userName, USER);
  await pickDemoTenant(page);
  outcomes["user-state, demo"] = await runCheck(page);
  await recorder.snapshot(page, "deletion after user-state");

  await back(page, "Which user is it?");
  await back(page, "Is it a user or a group?");
  await choose(page, "A group", "Which group is it?");
  await fillAndContinue(page, "Group name", DEMO_SAMPLES.leftoverGroup.groupName, GROUP);
  outcomes["group-leftover, demo"] = await runCheck(page);
  await back(page, "Which group is it?");
  await fillAndContinue(page, "Group name", DEMO_SAMPLES.leftoverGroup.groupName, GROUP);
  await backToEndpoint(page);
  outcomes["group-leftover, endpoint"] = await runCheck(page);
  await continueFromCheck(page);
  await recorder.snapshot(page, "deletion after group-leftover");
  return outcomes;
}

const COLLISION = "Compare the user in the workspace with Entra";

/** error-500: upn-collision on the demo tenant (UPN mismatch) and on the loopback server. */
async function error500(page: Page, recorder: Recorder): Promise<Outcomes> {
  const outcomes: Outcomes = {};
  const UPN_STEP = "What is the user's UPN in Entra?";
  await page.goto(`${baseUrl}/flows/error-500?demo=upn-mismatch`);
  await onStep(page, "Find out what causes Error 500");
  await doneNext(page, "Which user gets Error 500?");
  await fillAndContinue(page, "The user's e-mail address", DEMO_SAMPLES.upnMismatch.mail, UPN_STEP);
  await fillAndContinue(page, "User principal name (UPN) in Entra", DEMO_SAMPLES.upnMismatch.upn, COLLISION);
  outcomes["upn-collision, demo"] = await runCheck(page);
  await back(page, UPN_STEP);
  await fillAndContinue(page, "User principal name (UPN) in Entra", DEMO_SAMPLES.upnMismatch.upn, COLLISION);
  await pointAtEndpoint(page);
  outcomes["upn-collision, endpoint"] = await runCheck(page);
  await continueFromCheck(page);
  await recorder.snapshot(page, "error-500 after upn-collision");
  return outcomes;
}

const ROTATION = "Check that the new key works and the old one does not";

/** regenerate-key: key-rotation on the demo tenant (old key still valid), then with the new and the previous token. */
async function regenerateKey(page: Page, recorder: Recorder): Promise<Outcomes> {
  const outcomes: Outcomes = {};
  const PASTE = "Paste the new key as Secret token";
  await page.goto(`${baseUrl}/flows/regenerate-key?demo=old-key-valid`);
  await onStep(page, "Open User provisioning in the workspace");
  await doneNext(page, "Regenerate the key and copy it");
  await doneNext(page, "Open the admin credentials in Entra");
  await doneNext(page, PASTE);
  await doneNext(page, ROTATION);
  outcomes["key-rotation, demo"] = await runCheck(page);
  await back(page, PASTE);
  await doneNext(page, ROTATION);
  await pointAtEndpoint(page, { previous: true });
  outcomes["key-rotation, endpoint"] = await runCheck(page);
  await continueFromCheck(page);
  await recorder.snapshot(page, "regenerate-key after key-rotation");
  return outcomes;
}

const PROVISIONING_STATUS = "Check that Entra's provisioning runs again";

/** regenerate-key's Graph checks: job-status and provisioning-logs with a pasted Graph token, then on the demo's Graph. */
async function entraSide(page: Page, recorder: Recorder): Promise<Outcomes> {
  const outcomes: Outcomes = {};
  const { flows } = checkFlowFiles(flowFilesIn(FLOWS_DIR));
  const flow = buildFlow(flows.find((f) => f.flow.id === "regenerate-key")?.flow ?? flows[0].flow);
  await page.goto(
    `${baseUrl}/flows/regenerate-key?s=${encodeShare(flow, decisionsTo(flow, "provisioning-status") ?? [], false)}`,
  );
  await onStep(page, PROVISIONING_STATUS);
  await openPanel(page);
  await page.getByRole("radio", { name: "My Entra tenant", exact: true }).check();
  await page.getByLabel("Graph access token", { exact: true }).fill(GRAPH_TOKEN);
  await button(page, "Use this token").click();
  await page.getByText("Another Microsoft Graph (national cloud or test server)", { exact: true }).click();
  await page.getByRole("textbox", { name: "Microsoft Graph address", exact: true }).fill(server.graphRoot);
  await button(page, "Find").click();
  await button(page, "Workspace 365").click();
  outcomes["job-status, endpoint"] = await runCheck(page);
  expect(await checkStatus(page).textContent()).toContain("Bearer ••••");
  await continueFromCheck(page);
  outcomes["provisioning-logs, endpoint"] = await runCheck(page);
  await recorder.snapshot(page, "regenerate-key after the Graph checks");
  await back(page, PROVISIONING_STATUS);
  await pickDemoTenant(page);
  await button(page, "Find").click();
  await button(page, "Workspace 365 (quarantined)").click();
  outcomes["job-status, demo"] = await runCheck(page);
  await continueFromCheck(page);
  await recorder.snapshot(page, "regenerate-key after the demo's Graph");
  return outcomes;
}

// ---------------------------------------------------------------------------------------------

test("Chromium: no token in any address, storage, cookie, clipboard, download, message or console line", async () => {
  // The scanner itself: it finds a secret as is and inside a base64url share payload.
  expect(findSecrets(`x${TOKEN}y`, SECRETS)).toEqual(["secret token"]);
  const payload = Buffer.from(JSON.stringify({ v: 1, t: PREVIOUS })).toString("base64url");
  expect(findSecrets(`${baseUrl}/flows/error-500?s=${payload}`, SECRETS)).not.toEqual([]);
  // A piece of a token is a leak too (a token cut to length).
  expect(findSecrets(`…${GRAPH_TOKEN.slice(-20, -3)}…`, SECRETS)).toEqual([
    expect.stringContaining("Graph token (as "),
  ]);

  const context = await browser.newContext({
    permissions: ["clipboard-read", "clipboard-write"],
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  contexts.push(context);
  const recorder = new Recorder(context);
  await recorder.attach();

  // Every check type, each flow in its own tab, one after the other (a tab in the background
  // hardly renders, so each comes to the front for its walk).
  const walks = {
    "test-connection": testConnection,
    deletion,
    "error-500": error500,
    "regenerate-key": regenerateKey,
    "regenerate-key, Entra's side": entraSide,
  };
  const pages: Record<string, Page> = {};
  const outcomes: Outcomes = {};
  for (const [flowId, walk] of Object.entries(walks)) {
    const page = await recorder.newPage();
    pages[flowId] = page;
    Object.assign(outcomes, await walk(page, recorder));
  }
  // Each run reached its target: the loopback server (no faults) and the demo tenant (with faults) answer differently.
  expect(outcomes).toEqual({
    "url-format, demo": "pass",
    "test-connection, demo": "pass",
    "url-format, demo again": "pass",
    "test-connection, endpoint": "pass",
    "url-format, endpoint": "bad-url",
    "user-state, endpoint": "active",
    "user-state, demo": "inactive",
    "group-leftover, demo": "present",
    "group-leftover, endpoint": "pass",
    "upn-collision, endpoint": expect.any(String),
    "upn-collision, demo": "upn-mismatch",
    "key-rotation, endpoint": "pass",
    "key-rotation, demo": "old-key-still-valid",
    "job-status, endpoint": "active",
    "provisioning-logs, endpoint": "no-failures",
    "job-status, demo": "quarantine-credentials",
  });
  expect(outcomes["upn-collision, endpoint"]).not.toBe("upn-mismatch");
  // The demo runs in the page: no service worker, and no request of it on the network, while the
  // endpoint's requests (after the demo's, in the same tab) went out to the relay, not into the demo.
  for (const page of Object.values(pages)) {
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  }
  const demoHost = new URL(DEMO_BASE_URL).host;
  expect(recorder.records.filter((r) => r.place.startsWith("request address") && r.text.includes(demoHost))).toEqual(
    [],
  );
  for (const resource of ["Users", "Groups"]) {
    expect(
      relayLog.some((line) => line.startsWith(`GET /scim/v2/${resource}`)),
      `the relay forwarded ${resource}`,
    ).toBe(true);
  }

  // Copy the summary, download it and share a link, in each tab (one at a time: one clipboard).
  for (const [flowId, page] of Object.entries(pages)) {
    await page.bringToFront();
    await button(page, "Copy summary").click();
    await visible(page.getByText("Summary copied to the clipboard.", { exact: true }));
    const summary = await recorder.clipboard(page, `Copy summary on ${flowId}`);
    expect(summary).toContain("live check");
    const download = page.waitForEvent("download");
    await button(page, "Download summary (.md)").click();
    await (await download).path();
    await button(page, "Share link").click();
    await visible(page.getByText("Link copied to the clipboard.", { exact: true }));
    // A walk's name is its flow id, with what it covers after a comma when one flow has two walks.
    expect(await recorder.clipboard(page, `Share link on ${flowId}`)).toContain(`/flows/${flowId.split(",")[0]}?s=`);
  }
  // With "Include my answers" too, and the link opened in its tab.
  const e500Page = pages["error-500"];
  await e500Page.bringToFront();
  await e500Page
    .getByRole("checkbox", { name: "Include my answers (UPN, e-mail) in the link and the summary", exact: true })
    .check();
  await button(e500Page, "Copy summary").click();
  await recorder.clipboard(e500Page, "Copy summary with answers on error-500");
  await button(e500Page, "Share link").click();
  await visible(e500Page.getByText("Link copied to the clipboard.", { exact: true }));
  const link = await recorder.clipboard(e500Page, "Share link with answers on error-500");
  expect(link).toContain("/flows/error-500?s=");
  const here = (await e500Page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  await e500Page.goto(link);
  await onStep(e500Page, here);
  await recorder.snapshot(e500Page, "error-500 opened from the share link");

  // The embed on a help-center page of another origin, with its own memory: a token typed into the frame.
  const hostPage = await recorder.newPage();
  await hostPage.goto(`${host.origin}/help-center.html`);
  const frame = hostPage.locator("#troubleshooter > iframe").contentFrame();
  await frame.getByRole("heading", { level: 1, name: PROBE, exact: true }).waitFor();
  await pointAtEndpoint(frame);
  await button(frame, "Run check").click();
  const code = frame.getByRole("status", { name: "Check result" }).locator("code.outcome-code");
  await code.waitFor();
  expect(await code.textContent()).toBe("pass");
  await button(frame, "Copy summary").click();
  await frame.getByText("Summary copied to the clipboard.", { exact: true }).waitFor();
  await recorder.clipboard(hostPage, "Copy summary in the embed");
  await button(frame, "Continue: Use exactly these values in Entra").click();
  await frame.getByRole("heading", { level: 1, name: "Use exactly these values in Entra", exact: true }).waitFor();
  await expect.poll(() => hostPage.locator("#events > li").count()).toBeGreaterThanOrEqual(2);
  const embedFrame = hostPage.frames().find((f: Frame) => f.url().startsWith(`${appOrigin}/embed/`));
  expect(embedFrame, "the embed's frame").toBeDefined();
  await recorder.snapshot(hostPage, "help-center page with the embed");
  // The snapshot held the frame's own storage and markup, not only the host page's.
  expect(
    recorder.records.some((r) =>
      r.place.startsWith(`help-center page with the embed: sessionStorage of ${appOrigin}/embed/`),
    ),
  ).toBe(true);
  // The host page got the embed's messages (and the recorder saw them): step events, heights.
  expect(recorder.messages.some((m) => m.includes('"type":"step"'))).toBe(true);
  expect(recorder.messages.some((m) => m.includes('"type":"resize"'))).toBe(true);

  // Every address each tab has held: its whole session history, walked back entry by entry.
  const history: string[] = [];
  for (const page of [...Object.values(pages), hostPage]) history.push(...(await recorder.history(page)));
  expect(history.filter((url) => url.startsWith(appOrigin)).length).toBeGreaterThanOrEqual(4);
  // The opened share link was an address too (the wizard then replaces it with the plain route).
  expect(recorder.navigations.some((url) => url.includes("/flows/error-500?s="))).toBe(true);
  expect(recorder.navigations.some((url) => url.startsWith(`${appOrigin}/embed/test-connection`))).toBe(true);

  for (const line of relayLog) recorder.add("relay log", line);
  await recorder.settle();
  const leaks = recorder.leaks();
  expect(leaks, leaks.join("\n")).toEqual([]);
});
