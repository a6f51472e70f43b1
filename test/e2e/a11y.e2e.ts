import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { DEMO_SAMPLES } from "../../src/demo/constants.ts";
import { launchBrowser, openPage } from "./browser.ts";
import { checkStatus, doneNext, movedTo, onStep, realProblems, runCheck, visible } from "./helpers.ts";
import { auditInBothThemes } from "./scan-helpers.ts";

/**
 * axe-core in real Chromium finds no violation on any kind of page the app shows, in the light
 * and the dark theme: every rule axe enables by default (WCAG 2.x A and AA, best practices), none
 * silenced. axe goes in through the DevTools protocol (see injectAxe), so the app's own CSP stays
 * in force: no context here bypasses it.
 */

let browser: Browser;
const contexts: BrowserContext[] = [];
const baseUrl = inject("baseUrl");
const THEMES = ["light", "dark"] as const;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
});

async function newPage() {
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  contexts.push(context);
  return openPage(context);
}

const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

test("the catalogue, with and without a search", async () => {
  const { page, problems } = await newPage();
  await page.goto(`${baseUrl}/`);
  await visible(page.getByRole("heading", { level: 1, name: "What went wrong?" }));
  const found = await auditInBothThemes(page, "/ (catalogue)");
  await page.getByRole("searchbox").fill("error 500");
  await visible(page.getByRole("status").filter({ hasText: /\S/ }));
  found.push(...(await auditInBothThemes(page, "/ (catalogue, searched for “error 500”)")));
  expect(found, found.join("\n")).toEqual([]);
  expect(realProblems(problems)).toEqual([]);
});

test("every kind of wizard step on error-500: instruction, input (also invalid), check, check result, question, outcome", async () => {
  const { page, problems } = await newPage();
  const found: string[] = [];
  await page.goto(`${baseUrl}/flows/error-500?demo=upn-mismatch`);
  await onStep(page, "Find out what causes Error 500");
  found.push(...(await auditInBothThemes(page, "/flows/error-500 instruction “about”")));

  await doneNext(page, "Which user gets Error 500?");
  found.push(...(await auditInBothThemes(page, "/flows/error-500 input “user-mail”")));
  // An invalid value: the field says so (aria-invalid, an alert) and keeps what was typed.
  const mail = page.getByRole("textbox", { name: "The user's e-mail address", exact: true });
  await mail.fill("not an address");
  await button(page, "Continue").click();
  await visible(page.getByRole("alert"));
  found.push(...(await auditInBothThemes(page, "/flows/error-500 input “user-mail”, invalid value")));
  await mail.fill(DEMO_SAMPLES.upnMismatch.mail);
  await button(page, "Continue").click();
  await movedTo(page, "What is the user's UPN in Entra?");
  await page
    .getByRole("textbox", { name: "User principal name (UPN) in Entra", exact: true })
    .fill(DEMO_SAMPLES.upnMismatch.upn);
  await button(page, "Continue").click();
  await movedTo(page, "Compare the user in the workspace with Entra");
  await visible(button(page, "Run check"));
  found.push(...(await auditInBothThemes(page, "/flows/error-500 check “collision”, before the run")));

  // The connection panel opened, demo tenant and its fault switches, then "My SCIM endpoint" and its fields.
  await page.locator("details.connection > summary").click();
  await visible(page.getByRole("group", { name: "Simulated problems" }));
  found.push(...(await auditInBothThemes(page, "/flows/error-500 check “collision”, connection panel open (demo)")));
  await page.getByRole("radio", { name: "My SCIM endpoint", exact: true }).check();
  await visible(page.getByRole("textbox", { name: "SCIM base URL (Tenant URL)", exact: true }));
  await page.getByRole("checkbox", { name: "Send through the local relay (npm run relay)", exact: true }).check();
  found.push(
    ...(await auditInBothThemes(page, "/flows/error-500 check “collision”, connection panel open (My SCIM endpoint)")),
  );
  await page.getByRole("radio", { name: /demo tenant/i }).check();

  // The result (a problem found), with its evidence table open.
  expect(await runCheck(page)).toBe("upn-mismatch");
  await checkStatus(page).locator("details.evidence > summary").click();
  await visible(checkStatus(page).getByRole("table"));
  found.push(
    ...(await auditInBothThemes(page, "/flows/error-500 check “collision”, result upn-mismatch with evidence")),
  );

  await button(page, "Continue: Stop provisioning in Entra").click();
  await movedTo(page, "Stop provisioning in Entra");
  // Sub-step checkboxes, one ticked.
  await page.getByRole("list", { name: "Do these in order" }).getByRole("checkbox").first().check();
  found.push(...(await auditInBothThemes(page, "/flows/error-500 instruction “stop-sync” with sub-steps")));
  await doneNext(page, "Turn off SCIM sync in the workspace");
  await doneNext(page, "Delete the user");
  await doneNext(page, "Delete the account permanently");
  await visible(page.getByRole("complementary", { name: "Warning" }));
  found.push(...(await auditInBothThemes(page, "/flows/error-500 instruction “delete-permanently” with a warning")));
  await doneNext(page, "Turn SCIM sync back on");
  await doneNext(page, "Start provisioning in Entra");
  await doneNext(page, "Provision the user on demand");
  await doneNext(page, "Did the error come back?");
  found.push(...(await auditInBothThemes(page, "/flows/error-500 question “result”")));

  await button(page, "No: the user is back, with the right UPN").click();
  await movedTo(page, "The user is provisioned again");
  found.push(...(await auditInBothThemes(page, "/flows/error-500 outcome “fixed” (resolved)")));
  const feedback = page.getByRole("group", { name: "Did this solve your problem?" });
  await feedback.getByRole("button", { name: "Yes", exact: true }).click();
  await visible(feedback.getByRole("status").getByText("Thank you for telling us."));
  await button(page, "Copy summary").click();
  await visible(page.locator(".share-status").filter({ hasText: /\S/ }));
  found.push(...(await auditInBothThemes(page, "/flows/error-500 outcome “fixed”, feedback given, summary copied")));

  expect(found, found.join("\n")).toEqual([]);
  expect(realProblems(problems)).toEqual([]);
});

test("a passed check result, a refused key, and the hand-over outcome on test-connection", async () => {
  const { page, problems } = await newPage();
  const found: string[] = [];
  await page.goto(`${baseUrl}/flows/test-connection?demo=invalid-key`);
  await onStep(page, "Test the connection in Entra");
  await doneNext(page, "Did the connection test succeed?");
  found.push(...(await auditInBothThemes(page, "/flows/test-connection question “tested”")));
  await button(page, "No: I saw an error, for example “You appear to have entered invalid credentials”").click();
  await movedTo(page, "Check the form of the Tenant URL");
  expect(await runCheck(page)).toBe("pass");
  found.push(...(await auditInBothThemes(page, "/flows/test-connection check “url”, result pass")));
  await button(page, "Continue: Test the connection the way Entra does").click();
  await movedTo(page, "Test the connection the way Entra does");
  expect(await runCheck(page)).toBe("unauthorized");
  found.push(...(await auditInBothThemes(page, "/flows/test-connection check “probe”, result unauthorized")));
  await button(page, "Continue: Make a new API key").click();
  await movedTo(page, "Make a new API key");
  found.push(...(await auditInBothThemes(page, "/flows/test-connection outcome “key-refused” (hand-over)")));
  expect(found, found.join("\n")).toEqual([]);
  expect(realProblems(problems)).toEqual([]);
});

test("the article view", async () => {
  const { page, problems } = await newPage();
  await page.goto(`${baseUrl}/flows/error-500/article`);
  await visible(page.getByRole("heading", { level: 1, name: "Error 500 when you first activate SCIM" }));
  const found = await auditInBothThemes(page, "/flows/error-500/article");
  await page.goto(`${baseUrl}/flows/deletion/article`);
  await visible(page.getByRole("heading", { level: 1, name: "Deleted users or groups stay in the workspace" }));
  found.push(...(await auditInBothThemes(page, "/flows/deletion/article")));
  expect(found, found.join("\n")).toEqual([]);
  expect(realProblems(problems)).toEqual([]);
});

test("the embed view: a step, a check result, forced light and dark themes, the embedded catalogue", async () => {
  const { page, problems } = await newPage();
  const found: string[] = [];
  await page.goto(`${baseUrl}/embed/error-500`);
  await onStep(page, "Find out what causes Error 500");
  found.push(...(await auditInBothThemes(page, "/embed/error-500")));

  await page.goto(`${baseUrl}/embed/test-connection?start=probe&demo=1`);
  await onStep(page, "Test the connection the way Entra does");
  found.push(...(await auditInBothThemes(page, "/embed/test-connection?start=probe&demo=1, before the run")));
  expect(await runCheck(page)).toBe("pass");
  found.push(...(await auditInBothThemes(page, "/embed/test-connection?start=probe&demo=1, result pass")));

  // The host's theme wins over the reader's system preference: audit both against both.
  for (const theme of THEMES) {
    await page.goto(`${baseUrl}/embed/error-500?theme=${theme}`);
    await onStep(page, "Find out what causes Error 500");
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    found.push(...(await auditInBothThemes(page, `/embed/error-500?theme=${theme}`)));
  }
  await page.goto(`${baseUrl}/embed`);
  await visible(page.getByRole("heading", { level: 1, name: "What went wrong?" }));
  found.push(...(await auditInBothThemes(page, "/embed (catalogue)")));

  expect(found, found.join("\n")).toEqual([]);
  expect(realProblems(problems)).toEqual([]);
});
