import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { parse } from "yaml";
import { DEMO_SAMPLES } from "../../src/demo/constants.ts";
import { browserSuite, openPage } from "./browser.ts";
import {
  checkStatus,
  doneNext,
  escapeRegExp,
  movedTo,
  onStep,
  realProblems,
  runCheck,
  stepHeading,
  visible,
} from "./helpers.ts";

const { baseUrl, newContext } = browserSuite();

/** Ticks every sub-step checkbox of the current instruction step, and checks they stay ticked. */
async function tickSubsteps(page: Page): Promise<void> {
  const boxes = page.getByRole("list", { name: "Do these in order" }).getByRole("checkbox");
  const count = await boxes.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    await boxes.nth(i).check();
    expect(await boxes.nth(i).isChecked()).toBe(true);
  }
}

/** An instruction step: tick its sub-steps, then "Done, next step" and land, focused, on the next one. */
async function instruction(page: Page, nextTitle: string): Promise<void> {
  await tickSubsteps(page);
  await doneNext(page, nextTitle);
}

async function submitInput(page: Page, label: string, value: string, nextTitle: string): Promise<void> {
  const field = page.getByRole("textbox", { name: label, exact: true });
  await field.fill(value);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await movedTo(page, nextTitle);
}

async function choose(page: Page, label: string, nextTitle: string): Promise<void> {
  await page.getByRole("button", { name: label, exact: true }).click();
  await movedTo(page, nextTitle);
}

async function continueAfterCheck(page: Page, nextTitle: string): Promise<void> {
  await page.getByRole("button", { name: `Continue: ${nextTitle}`, exact: true }).click();
  await movedTo(page, nextTitle);
}

/** The outcome: its result badge, then the feedback question answered "Yes". */
async function resolvedWithFeedback(page: Page): Promise<void> {
  await visible(page.getByText("Solved", { exact: true }));
  const feedback = page.getByRole("group", { name: "Did this solve your problem?" });
  await feedback.getByRole("button", { name: "Yes", exact: true }).click();
  await visible(feedback.getByRole("status").getByText("Thank you for telling us."));
}

/** From error-500's first step to its UPN check, typing the demo's mismatching user. */
async function toCollisionCheck(page: Page): Promise<void> {
  await doneNext(page, "Which user gets Error 500?");
  await submitInput(
    page,
    "The user's e-mail address",
    DEMO_SAMPLES.upnMismatch.mail,
    "What is the user's UPN in Entra?",
  );
  await submitInput(
    page,
    "User principal name (UPN) in Entra",
    DEMO_SAMPLES.upnMismatch.upn,
    "Compare the user in the workspace with Entra",
  );
}

test("error-500 from the catalogue to the resolved outcome, with the live UPN check on the demo tenant", async () => {
  const context = await newContext();
  const { page, problems } = await openPage(context);
  await page.goto(`${baseUrl}/?demo=upn-mismatch`);
  await page.getByRole("link", { name: "Error 500 when you first activate SCIM", exact: true }).click();
  await onStep(page, "Find out what causes Error 500");
  expect(new URL(page.url()).pathname).toBe("/flows/error-500");
  await visible(page.getByText("Step 1 of about", { exact: false }));

  await toCollisionCheck(page);

  // The check says what it will send before it sends anything, and never shows a key.
  await visible(page.getByText(/GET \/scim\/v2\/Users\?filter=/));
  expect(await runCheck(page)).toBe("upn-mismatch");
  const status = checkStatus(page);
  expect(await status.textContent()).toContain("Bearer ••••");
  await continueAfterCheck(page, "Stop provisioning in Entra");

  await instruction(page, "Turn off SCIM sync in the workspace");
  await instruction(page, "Delete the user");
  await instruction(page, "Delete the account permanently");
  await visible(page.getByRole("complementary", { name: "Warning" }));
  await instruction(page, "Turn SCIM sync back on");
  await instruction(page, "Start provisioning in Entra");
  await instruction(page, "Provision the user on demand");
  await instruction(page, "Did the error come back?");
  await choose(page, "No: the user is back, with the right UPN", "The user is provisioned again");
  await resolvedWithFeedback(page);

  expect(realProblems(problems)).toEqual([]);
});

test("test-connection with no fault reaches the resolved outcome through the live checks", async () => {
  const context = await newContext();
  const { page, problems } = await openPage(context);
  await page.goto(`${baseUrl}/flows/test-connection`);
  await onStep(page, "Test the connection in Entra");

  await instruction(page, "Did the connection test succeed?");
  await choose(
    page,
    "No: I saw an error, for example “You appear to have entered invalid credentials”",
    "Check the form of the Tenant URL",
  );
  expect(await runCheck(page)).toBe("pass");
  await continueAfterCheck(page, "Test the connection the way Entra does");
  expect(await runCheck(page)).toBe("pass");
  expect(await checkStatus(page).textContent()).toContain("Test connection would succeed");
  await continueAfterCheck(page, "Use exactly these values in Entra");
  await instruction(page, "Test the connection again");
  await instruction(page, "Did the connection test pass this time?");
  await choose(page, "Yes: Entra says the credentials are authorized", "The connection works");
  await resolvedWithFeedback(page);

  expect(realProblems(problems)).toEqual([]);
});

test("a share link opened in a new browser context lands on the same step, without the personal answers", async () => {
  const sender = await newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const { page, problems } = await openPage(sender);
  await page.goto(`${baseUrl}/flows/error-500`);
  await onStep(page, "Find out what causes Error 500");
  await toCollisionCheck(page);
  await page.getByRole("button", { name: "Skip the live check and compare the UPNs by hand", exact: true }).click();
  await movedTo(page, "Are the UPNs different?");
  await choose(page, "Yes, they are different", "Stop provisioning in Entra");

  await page.getByRole("button", { name: "Share link", exact: true }).click();
  await visible(page.getByText("Link copied to the clipboard.", { exact: true }));
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link.startsWith(`${baseUrl}/flows/error-500?s=`)).toBe(true);
  // The e-mail address and UPN stay out of the link unless the admin ticks "Include my answers".
  const param = new URL(link).searchParams.get("s") ?? "";
  const payload = Buffer.from(param, "base64url").toString("utf8");
  expect(payload).toContain('"f":"error-500"');
  expect(payload).not.toContain("megan.bowen");
  expect(realProblems(problems)).toEqual([]);

  const receiver = await newContext();
  const opened = await openPage(receiver);
  await opened.page.goto(link);
  await onStep(opened.page, "Stop provisioning in Entra");
  expect(await opened.page.getByRole("button", { name: "Back", exact: true }).isEnabled()).toBe(true);
  // Once opened, the walk lives in the tab: the link's parameter is dropped from the address.
  await expect.poll(() => new URL(opened.page.url()).search).toBe("");
  expect(realProblems(opened.problems)).toEqual([]);
});

test("a reload keeps the step; a malformed link explains itself without a page error", async () => {
  const context = await newContext();
  const { page, problems } = await openPage(context);
  await page.goto(`${baseUrl}/flows/test-connection`);
  await onStep(page, "Test the connection in Entra");
  await doneNext(page, "Did the connection test succeed?");
  await choose(
    page,
    "No: I saw an error, for example “You appear to have entered invalid credentials”",
    "Check the form of the Tenant URL",
  );
  await page.reload();
  await onStep(page, "Check the form of the Tenant URL");
  expect(await page.evaluate(() => Object.keys(sessionStorage))).toContain("scim-troubleshooter:walk:test-connection");

  await page.goto(`${baseUrl}/flows/error-500?s=garbage`);
  await visible(stepHeading(page, "This link cannot be opened"));
  await page.getByRole("button", { name: "Open the guide at its start", exact: true }).click();
  await onStep(page, "Find out what causes Error 500");
  expect(problems.errors.filter((e) => e.startsWith("page error"))).toEqual([]);
  expect(realProblems(problems)).toEqual([]);
});

test("the article view shows every branch and prints to PDF", async () => {
  const flow = parse(await readFile(join(import.meta.dirname, "../../flows/error-500.yaml"), "utf8")) as {
    title: string;
    steps: { title: string }[];
  };
  const context = await newContext();
  const { page, problems } = await openPage(context);
  await page.goto(`${baseUrl}/flows/error-500/article`);
  await visible(page.getByRole("heading", { level: 1, name: flow.title, exact: true }));
  // Every step, on every branch (both escalations and the manual comparison too), with its where-label.
  for (const step of flow.steps) {
    const name = new RegExp(`^${escapeRegExp(step.title)}( \\(.+\\))?$`);
    expect(await page.getByRole("heading", { level: 3, name }).count(), step.title).toBe(1);
  }

  const dir = await mkdtemp(join(tmpdir(), "scim-e2e-pdf-"));
  try {
    const path = join(dir, "error-500.pdf");
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path, format: "A4" });
    const pdf = await readFile(path);
    expect(pdf.length).toBeGreaterThan(1000);
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  expect(realProblems(problems)).toEqual([]);
});
