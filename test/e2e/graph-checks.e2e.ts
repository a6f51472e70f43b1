import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { buildFlow, checkFlowFiles, FLOWS_DIR, flowFilesIn } from "../../src/build/flow-files.ts";
import { DEMO_SERVICE_PRINCIPALS } from "../../src/demo/constants.ts";
import type { BuiltFlow } from "../../src/engine/built-flow.ts";
import { decisionsTo } from "../../src/engine/path-to-step.ts";
import type { StepOf } from "../../src/engine/schema.ts";
import { encodeShare } from "../../src/ui/share/share-link.ts";
import { browserSuite, openPage } from "./browser.ts";
import { checkStatus, movedTo, onStep, realProblems, runCheck, visible } from "./helpers.ts";
import { auditInBothThemes } from "./scan-helpers.ts";

/**
 * Entra's side against the demo tenant's simulated Microsoft Graph: the Graph
 * panel finds the demo's enterprise applications, job-status reads each one's
 * provisioning job and the guide branches on it, and provisioning-logs hands
 * over to the log reader, which reads the same log from Graph.
 */
const { baseUrl, newContext } = browserSuite();

const { flows: files } = checkFlowFiles(flowFilesIn(FLOWS_DIR));
const regenerateKey = buildFlow(files.find(({ flow }) => flow.id === "regenerate-key")?.flow ?? files[0].flow);

function checkStep(flow: BuiltFlow, check: string): StepOf<"check"> {
  const step = flow.steps.find((s): s is StepOf<"check"> => s.kind === "check" && s.check === check);
  if (!step) throw new Error(`${flow.id} has no ${check} step`);
  return step;
}

/** A share link that opens `flow` at `step` (decisions only, no answers). */
function linkTo(flow: BuiltFlow, step: StepOf<"check">): string {
  const decisions = decisionsTo(flow, step.id);
  if (!decisions) throw new Error(`${step.id} cannot be reached`);
  return `${baseUrl}/flows/${flow.id}?s=${encodeShare(flow, decisions, false)}`;
}

/** Where a check's outcome leads, by the flow's own data. */
function titleAfter(flow: BuiltFlow, step: StepOf<"check">, outcome: string): string {
  const next = step.outcomes[outcome] ?? step.otherwise;
  const title = flow.steps.find((s) => s.id === next)?.title;
  if (!title) throw new Error(`${step.id}: ${outcome} leads nowhere`);
  return title;
}

/** In the Graph panel of a check step (demo mode): lists the demo's applications and picks one. */
async function pickDemoApp(page: Page, displayName: string): Promise<void> {
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await visible(page.getByText(/applications? found\./));
  await page.getByRole("button", { name: displayName, exact: true }).click();
  await visible(page.getByText(`Application: ${displayName}`, { exact: false }));
}

const jobStep = checkStep(regenerateKey, "job-status");
const expectedOutcome = {
  active: "active",
  "quarantine-credentials": "quarantine-credentials",
  "escrow-threshold": "quarantine-escrow",
  paused: "paused",
} as const;

test.each(DEMO_SERVICE_PRINCIPALS)("job-status on the demo's $displayName branches the key guide", async (app) => {
  const context = await newContext();
  const { page, problems } = await openPage(context);
  await page.goto(linkTo(regenerateKey, jobStep));
  await onStep(page, jobStep.title);
  // Nothing can run before an application is picked.
  expect(await page.getByRole("button", { name: "Run check", exact: true }).isDisabled()).toBe(true);
  await pickDemoApp(page, app.displayName);
  const outcome = await runCheck(page);
  expect(outcome).toBe(expectedOutcome[app.job]);
  const title = titleAfter(regenerateKey, jobStep, outcome);
  await page.getByRole("button", { name: `Continue: ${title}`, exact: true }).click();
  await movedTo(page, title);
  expect(realProblems(problems)).toEqual([]);
});

test("provisioning-logs finds the failures, and the log reader reads the same log from Graph", async () => {
  const healthy = DEMO_SERVICE_PRINCIPALS[0];
  const failing = DEMO_SERVICE_PRINCIPALS.find((app) => app.job === "escrow-threshold") ?? healthy;
  const logsStep = checkStep(regenerateKey, "provisioning-logs");
  const context = await newContext();
  const { page, problems } = await openPage(context);
  await page.goto(linkTo(regenerateKey, logsStep));
  await onStep(page, logsStep.title);
  // The healthy application's recent log has a warning and a skip, but no failure.
  await pickDemoApp(page, healthy.displayName);
  expect(await runCheck(page)).toBe("no-failures");
  await page.getByRole("button", { name: "Choose another application", exact: true }).click();
  await pickDemoApp(page, failing.displayName);
  await page.getByRole("button", { name: "Retry", exact: true }).click();
  await visible(checkStatus(page).getByText("failures", { exact: true }));
  // The application picked stays in this tab's memory: the reader needs no second pick.
  await page.getByRole("link", { name: "Read these entries in the log reader", exact: true }).click();
  await visible(page.getByRole("heading", { level: 1, name: "Read Entra's provisioning logs" }));
  const read = page.getByRole("button", {
    name: `Read the recent entries of ${DEMO_SERVICE_PRINCIPALS[0].displayName}`,
  });
  await read.click();
  await visible(page.getByText(/^Read \d+ entries\.$/));
  // The groups of the reader, each with its guide: the demo's log holds an EntryConflict for the Error 500 guide.
  await visible(page.getByText(/EntryConflict/).first());
  expect(realProblems(problems)).toEqual([]);
});

test("axe finds nothing on the Graph panel, with its application list and in the admin's own tenant", async () => {
  const context = await newContext();
  const { page } = await openPage(context);
  await page.goto(linkTo(regenerateKey, jobStep));
  await onStep(page, jobStep.title);
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await visible(page.getByText(/applications? found\./));
  const found = await auditInBothThemes(page, "Graph panel, demo, applications listed");
  await page.getByRole("radio", { name: "My Entra tenant", exact: true }).check();
  await visible(page.getByLabel("Graph access token", { exact: true }));
  await page.getByText("Another Microsoft Graph (national cloud or test server)", { exact: true }).click();
  await page.getByRole("textbox", { name: "Microsoft Graph address", exact: true }).fill("https://graph.example");
  await visible(page.getByText(/This Graph address cannot be used/));
  found.push(...(await auditInBothThemes(page, "Graph panel, own tenant, wrong address")));
  expect(found).toEqual([]);
});
