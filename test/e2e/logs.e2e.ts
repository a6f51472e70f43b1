import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { graphEntry, SCIM } from "../logs/log-fixtures.ts";
import { launchBrowser, openPage } from "./browser.ts";
import { onStep, realProblems, visible } from "./helpers.ts";
import { auditInBothThemes } from "./scan-helpers.ts";

/**
 * Issue 14: the provisioning-log reader in real Chromium. A log picked through the file field is
 * read in the browser (in a worker), grouped, and a group's button opens the guide at the step
 * that fixes it with the UPN filled in; no request carries anything of the file.
 */
let browser: Browser;
const contexts: BrowserContext[] = [];
const dirs: string[] = [];
const baseUrl = inject("baseUrl");
const MARKER = "zq7marker";
const UPN = `${MARKER}.jan@fabrikam.example`;
const LOG = JSON.stringify({
  "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#auditLogs/provisioning",
  value: [
    graphEntry({ status: "failure", code: `${SCIM}EntryConflict`, upn: UPN, name: `Jan ${MARKER}` }),
    graphEntry({ status: "failure", code: `${SCIM}Unheard${MARKER}`, reason: `SYNTHETIC ${MARKER}` }),
    graphEntry({ status: "skipped", action: "other", skipReason: "NotEffectivelyEntitled", name: "Kees" }),
    graphEntry({ status: "success", action: "update" }),
  ],
});

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function newPage() {
  const context = await browser.newContext();
  context.setDefaultTimeout(10_000);
  contexts.push(context);
  return openPage(context);
}

async function pickLog(page: Page, text = LOG) {
  // Playwright hands over at most 50 MB as a buffer; a file on disk has no such limit.
  const dir = mkdtempSync(join(tmpdir(), "logs-e2e-"));
  const file = join(dir, "ProvisioningLogs.json");
  writeFileSync(file, text);
  dirs.push(dir); // the browser reads the file from disk when the page reads it: kept to the end
  await page.getByLabel("Provisioning log file (JSON or CSV)").setInputFiles(file);
}

test("a picked log is grouped; its button opens Error 500 at the UPN check with the UPN filled in; no request carries the file", async () => {
  const { page, problems } = await newPage();
  const requests: string[] = [];
  page.on("request", (request) => requests.push(`${request.url()} ${request.postData() ?? ""}`));
  await page.goto(`${baseUrl}/logs`);
  await visible(page.getByRole("heading", { level: 1, name: "Read Entra's provisioning logs" }));
  await pickLog(page);
  const conflict = page.getByRole("region", { name: "The user already exists in the workspace" });
  await visible(conflict);
  await visible(page.getByRole("region", { name: `${SCIM}Unheard${MARKER}` }));
  await visible(page.getByRole("region", { name: "Not assigned or out of scope" }));
  const open = conflict.getByRole("link", { name: `Open “Error 500 when you first activate SCIM” for ${UPN}` });
  expect(await open.getAttribute("href")).not.toContain(MARKER);
  await open.click();
  await onStep(page, "Compare the user in the workspace with Entra");
  expect(page.url()).toBe(`${baseUrl}/flows/error-500`);
  await page.getByRole("button", { name: "Back" }).click();
  await expect
    .poll(() => page.getByRole("textbox", { name: "User principal name (UPN) in Entra" }).inputValue())
    .toBe(UPN);
  expect(requests.filter((r) => r.includes(MARKER))).toEqual([]);
  expect(
    requests.some((r) => /log-worker/.test(r)),
    "the log was read in the worker",
  ).toBe(true);
  expect(realProblems(problems)).toEqual([]);
});

test("axe finds nothing on /logs, empty and with results, light and dark", async () => {
  const { page, problems } = await newPage();
  await page.goto(`${baseUrl}/logs`);
  await visible(page.getByRole("heading", { level: 1, name: "Read Entra's provisioning logs" }));
  const found = await auditInBothThemes(page, "/logs (empty)");
  await pickLog(page);
  await visible(page.getByRole("region", { name: "The user already exists in the workspace" }));
  found.push(...(await auditInBothThemes(page, "/logs (with results)")));
  await pickLog(page, LOG.slice(0, 100));
  await visible(page.getByRole("alert"));
  found.push(...(await auditInBothThemes(page, "/logs (cut-off file)")));
  expect(found, found.join("\n")).toEqual([]);
  expect(realProblems(problems)).toEqual([]);
});

test("a 100,000-entry file is read (in the worker) and grouped", async () => {
  const { page, problems } = await newPage();
  await page.goto(`${baseUrl}/logs`);
  await visible(page.getByRole("heading", { level: 1, name: "Read Entra's provisioning logs" }));
  const entry = JSON.stringify(
    graphEntry({ status: "failure", code: `${SCIM}EntryConflict`, upn: "a@contoso.example" }),
  );
  await pickLog(page, `[${Array.from({ length: 100_000 }, () => entry).join(",")}]`);
  await visible(page.getByText("Read 100000 entries."), 45_000);
  await visible(page.getByRole("region", { name: "The user already exists in the workspace" }));
  expect(realProblems(problems)).toEqual([]);
});
