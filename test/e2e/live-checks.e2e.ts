import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { type Relay, startRelay } from "../../src/cli/relay.ts";
import { type DemoServer, startDemoServer } from "../../src/demo/node-server.ts";
import { browserSuite, openPage } from "./browser.ts";
import { checkStatus, doneNext, movedTo, onStep, realProblems, runCheck, visible } from "./helpers.ts";

const { baseUrl, newContext } = browserSuite();

const FAILED = "No: I saw an error, for example “You appear to have entered invalid credentials”";
const PROBE = "Test the connection the way Entra does";

/** From the start of test-connection to the "Check the form of the Tenant URL" check step. */
async function toUrlCheck(page: Page): Promise<void> {
  await onStep(page, "Test the connection in Entra");
  await doneNext(page, "Did the connection test succeed?");
  await page.getByRole("button", { name: FAILED, exact: true }).click();
  await movedTo(page, "Check the form of the Tenant URL");
}

test("with ?demo=invalid-key, test-connection branches by itself to the invalid-key advice", async () => {
  const context = await newContext();
  const { page, problems } = await openPage(context);
  await page.goto(`${baseUrl}/flows/test-connection?demo=invalid-key`);
  await toUrlCheck(page);
  expect(await runCheck(page)).toBe("pass");
  await page.getByRole("button", { name: `Continue: ${PROBE}`, exact: true }).click();
  await movedTo(page, PROBE);

  expect(await runCheck(page)).toBe("unauthorized");
  const status = checkStatus(page);
  expect(await status.textContent()).toContain("401");
  await page.getByRole("button", { name: "Continue: Make a new API key", exact: true }).click();
  await movedTo(page, "Make a new API key");
  await visible(page.getByText("Continue with another guide", { exact: true }));
  await visible(page.getByText(/The workspace refused the key \(401 Unauthorized\)/));
  const handover = page.getByRole("link", { name: "Open “Regenerate the SCIM API key (secret token)”", exact: true });
  await visible(handover);
  expect(await handover.getAttribute("href")).toBe("/flows/regenerate-key");

  // The 401 of the simulated endpoint is the only console line allowed ("Failed to load resource: … 401").
  expect(realProblems(problems)).toEqual([]);
});

test("with no fault, test-connection reaches the resolved outcome", async () => {
  const context = await newContext();
  const { page, problems } = await openPage(context);
  await page.goto(`${baseUrl}/flows/test-connection`);
  await toUrlCheck(page);
  expect(await runCheck(page)).toBe("pass");
  await page.getByRole("button", { name: `Continue: ${PROBE}`, exact: true }).click();
  await movedTo(page, PROBE);
  expect(await runCheck(page)).toBe("pass");
  await page.getByRole("button", { name: "Continue: Use exactly these values in Entra", exact: true }).click();
  await movedTo(page, "Use exactly these values in Entra");
  await doneNext(page, "Test the connection again");
  await doneNext(page, "Did the connection test pass this time?");
  await page.getByRole("button", { name: "Yes: Entra says the credentials are authorized", exact: true }).click();
  await movedTo(page, "The connection works");
  await visible(page.getByText("Solved", { exact: true }));
  expect(realProblems(problems)).toEqual([]);
});

/** The connection panel (a disclosure) on the current check step. */
const panelOf = (page: Page) => page.locator("details.connection");

/** Opens the connection panel of the current check step and selects "My SCIM endpoint". */
async function openEndpointPanel(page: Page): Promise<void> {
  if (!(await panelOf(page).evaluate((d) => (d as HTMLDetailsElement).open))) {
    await page.getByText("Connection for live checks", { exact: false }).click();
  }
  await page.getByRole("radio", { name: "My SCIM endpoint", exact: true }).check();
}

/**
 * Points live checks at "My SCIM endpoint". The token goes in last, as one paste:
 * typing it key by key closes the panel after the first character (see the test below).
 */
async function pointAtEndpoint(page: Page, options: { baseUrl: string; token: string; relayUrl?: string }) {
  await openEndpointPanel(page);
  if (options.relayUrl) {
    await page.getByRole("checkbox", { name: "Send through the local relay (npm run relay)", exact: true }).check();
    await page.getByRole("textbox", { name: "Relay address", exact: true }).fill(options.relayUrl);
  }
  await page.getByRole("textbox", { name: "SCIM base URL (Tenant URL)", exact: true }).fill(options.baseUrl);
  await page.getByLabel("Secret token", { exact: true }).fill(options.token);
}

/** Everything the page could leak the token through: its text, the address and both storages. */
async function leaks(page: Page, token: string): Promise<string[]> {
  const places = await page.evaluate(() => ({
    text: document.body.textContent ?? "",
    url: window.location.href,
    sessionStorage: JSON.stringify({ ...sessionStorage }),
    localStorage: JSON.stringify({ ...localStorage }),
  }));
  return Object.entries(places)
    .filter(([, value]) => value.includes(token))
    .map(([place]) => place);
}

test("My SCIM endpoint: test-connection passes against the loopback SCIM server through the relay, and the token stays hidden", async () => {
  const token = `e2e-token-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  let server: DemoServer | undefined;
  let relay: Relay | undefined;
  const relayLog: string[] = [];
  try {
    server = await startDemoServer({ port: 0, host: "127.0.0.1", token, faults: [] });
    // The demo server sends no CORS headers, so the browser goes through the relay, which allows the app's origin only.
    relay = await startRelay({
      target: server.baseUrl,
      port: 0,
      host: "127.0.0.1",
      allowOrigin: new URL(baseUrl).origin,
      log: (line) => relayLog.push(line),
    });

    const context = await newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const { page, problems } = await openPage(context);
    await page.goto(`${baseUrl}/flows/test-connection`);
    await toUrlCheck(page);
    // url-format judges the Tenant URL Entra would use: https only, so the http:// loopback server cannot
    // pass it. Run it on the demo tenant, then point the next check at the loopback server.
    expect(await runCheck(page)).toBe("pass");
    await page.getByRole("button", { name: `Continue: ${PROBE}`, exact: true }).click();
    await movedTo(page, PROBE);

    await pointAtEndpoint(page, { baseUrl: server.baseUrl, token, relayUrl: relay.url });
    expect(await runCheck(page)).toBe("pass");
    const status = checkStatus(page);
    expect(await status.textContent()).toContain("Test connection would succeed");
    expect(await status.textContent()).toContain("Bearer ••••");
    expect(relayLog.some((line) => /^GET \/scim\/v2\/Users → 200/.test(line))).toBe(true);
    expect(await leaks(page, token)).toEqual([]);

    // The summary copied for support is scrubbed of the token too.
    await page.getByRole("button", { name: "Copy summary", exact: true }).click();
    await visible(page.getByText("Summary copied to the clipboard.", { exact: true }));
    const summary = await page.evaluate(() => navigator.clipboard.readText());
    expect(summary.length).toBeGreaterThan(0);
    expect(summary).not.toContain(token);

    // "Forget token" drops it from memory: then not even the DOM holds it, and checks wait for a new one.
    // The panel stays as the admin left it (open since the token was typed).
    if (!(await panelOf(page).evaluate((d) => (d as HTMLDetailsElement).open))) {
      await panelOf(page).getByText("Connection for live checks", { exact: false }).click();
    }
    await page.getByRole("button", { name: "Forget token", exact: true }).click();
    await visible(page.getByText("Token forgotten.", { exact: true }));
    expect(await page.evaluate((t) => document.documentElement.outerHTML.includes(t), token)).toBe(false);
    expect(await page.getByRole("button", { name: "Retry", exact: true }).isDisabled()).toBe(true);

    await page.getByRole("button", { name: "Continue: Use exactly these values in Entra", exact: true }).click();
    await movedTo(page, "Use exactly these values in Entra");
    expect(await leaks(page, token)).toEqual([]);
    await page.reload();
    await onStep(page, "Use exactly these values in Entra");
    expect(await leaks(page, token)).toEqual([]);
    expect(realProblems(problems)).toEqual([]);
  } finally {
    await relay?.close();
    await server?.close();
  }
});

test("url-format judges the Tenant URL itself, not the relay address, when the relay is on", async () => {
  // Nothing is sent: url-format only reads the address. The relay address is never contacted.
  const context = await newContext();
  const { page, problems } = await openPage(context);
  await page.goto(`${baseUrl}/flows/test-connection`);
  await toUrlCheck(page);
  await pointAtEndpoint(page, {
    baseUrl: "https://scim.example.com/scim/v2",
    token: "not-a-real-token",
    relayUrl: "http://127.0.0.1:9",
  });
  expect(await runCheck(page)).toBe("pass");
  expect(realProblems(problems)).toEqual([]);
});

test("typing the secret token key by key keeps the connection panel open and every character", async () => {
  const context = await newContext();
  const { page, problems } = await openPage(context);
  await page.goto(`${baseUrl}/flows/test-connection`);
  await toUrlCheck(page);
  await openEndpointPanel(page);
  await page
    .getByRole("textbox", { name: "SCIM base URL (Tenant URL)", exact: true })
    .fill("https://scim.example.com/scim/v2");
  const field = page.getByLabel("Secret token", { exact: true });
  await field.click();
  await field.pressSequentially("typed-key-42");
  expect(await field.inputValue()).toBe("typed-key-42");
  expect(await panelOf(page).evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.getAttribute("type"))).toBe("password");
  expect(realProblems(problems)).toEqual([]);
});
