import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { DEMO_SAMPLES } from "../../src/demo/constants.ts";
import { browserSuite, openPage } from "./browser.ts";
import { checkStatus, onStep, realProblems, visible } from "./helpers.ts";
import { type FocusInfo, focusInfo, hasVisibleFocus } from "./scan-helpers.ts";

/**
 * error-500 from the catalogue to its outcome with the keyboard only: Tab, Shift+Tab, Enter,
 * Space and typing, never the mouse (no locator.click/fill/check here: locators only wait and
 * read). Every element that takes focus shows it, each move lands on the new step's heading,
 * and the check result is announced by the polite live region.
 */

const { baseUrl, newContext } = browserSuite();

const describe = (f: FocusInfo | null) =>
  f
    ? `<${f.tag.toLowerCase()}${f.type ? ` type=${f.type}` : ""}> “${f.name.slice(0, 80)}” (focus-visible: ${f.focusVisible}, outline: ${f.outlineStyle} ${f.outlineWidth} ${f.outlineColor}, box-shadow: ${f.boxShadow})`
    : "nothing (document.body)";

/** A keyboard-only walker that checks the focus indicator of everything it focuses. */
class Keyboard {
  /** Focused elements without a visible focus indicator, with where they were met. */
  readonly invisible: string[] = [];
  /** Actions after which focus fell to <body>. */
  readonly lost: string[] = [];
  /** Moves after which focus was not on the new step's heading. */
  readonly missed: string[] = [];
  /** Every element focused, in order, for the failure messages. */
  readonly trail: string[] = [];
  constructor(
    private readonly page: Page,
    public where = "",
  ) {}

  /** Records what has focus now and whether it shows it. */
  async check(): Promise<FocusInfo | null> {
    const info = await focusInfo(this.page);
    this.trail.push(`${this.where}: ${describe(info)}`);
    if (info && !hasVisibleFocus(info)) this.invisible.push(`${this.where}: ${describe(info)}`);
    return info;
  }

  /**
   * After Enter or Space activated something that stays on the page: focus must still be on an
   * element (not dropped to <body> because the focused control went away), and show.
   */
  async afterAction(what: string): Promise<void> {
    const info = await this.check();
    if (!info) this.lost.push(`${this.where}: after ${what}, focus dropped to <body>: no element shows focus`);
  }

  async press(key: string): Promise<FocusInfo | null> {
    await this.page.keyboard.press(key);
    return this.check();
  }

  /** Tabs (or Shift+Tabs) until the focused element's name matches, at most `max` presses. */
  async tabTo(name: string | RegExp, options: { backwards?: boolean; max?: number } = {}): Promise<FocusInfo> {
    const matches = (text: string) => (typeof name === "string" ? text === name : name.test(text));
    for (let i = 0; i < (options.max ?? 40); i++) {
      const info = await this.press(options.backwards ? "Shift+Tab" : "Tab");
      if (info && matches(info.name)) return info;
    }
    throw new Error(
      `Tabbing never reached “${name}” on ${this.where}. Focus went:\n${this.trail.slice(-40).join("\n")}`,
    );
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }
}

/** What document.activeElement is: tag and text. */
function active(page: Page) {
  return page.evaluate(() => ({
    tag: document.activeElement?.tagName,
    text: document.activeElement?.textContent?.trim(),
  }));
}

/**
 * After a move: the new step shows, and its H1 has focus (and shows it). A miss is recorded,
 * not thrown, so one run reports every place focus goes astray; the test asserts none at the end.
 */
async function landedOn(page: Page, keys: Keyboard, title: string): Promise<void> {
  keys.where = `step “${title}”`;
  await onStep(page, title);
  const onHeading = async () => {
    const now = await active(page);
    return now.tag === "H1" && now.text === title;
  };
  await expect
    .poll(onHeading, { timeout: 2_000 })
    .toBe(true)
    .catch(() => undefined);
  const info = await keys.check();
  if (!(await onHeading())) keys.missed.push(`${keys.where}: focus is on ${describe(info)}, not on the step's H1`);
}

test("error-500 from the catalogue to its outcome, keyboard only", async () => {
  const context = await newContext();
  const { page, problems } = await openPage(context);
  const keys = new Keyboard(page, "/ (catalogue)");

  await page.goto(`${baseUrl}/?demo=upn-mismatch`);
  await visible(page.getByRole("heading", { level: 1, name: "What went wrong?" }));
  // The first Tab reaches the skip link, which shows itself.
  expect((await keys.press("Tab"))?.name).toBe("Skip to content");
  await keys.tabTo("Error 500 when you first activate SCIM");
  await page.keyboard.press("Enter");

  // Into the wizard: the first step's heading takes focus, as after every move.
  await landedOn(page, keys, "Find out what causes Error 500");
  expect(new URL(page.url()).pathname).toBe("/flows/error-500");
  await keys.tabTo("Done, next step");
  await page.keyboard.press("Enter");

  // An input step: type, then Enter submits.
  await landedOn(page, keys, "Which user gets Error 500?");
  const mailField = await keys.press("Tab");
  expect(mailField?.name).toBe("The user's e-mail address");
  await keys.type(DEMO_SAMPLES.upnMismatch.mail);
  await page.keyboard.press("Enter");

  // The next one: type, then Tab to Continue and press Space.
  await landedOn(page, keys, "What is the user's UPN in Entra?");
  expect((await keys.press("Tab"))?.name).toBe("User principal name (UPN) in Entra");
  await keys.type(DEMO_SAMPLES.upnMismatch.upn);
  await keys.tabTo("Continue");
  await page.keyboard.press("Space");

  // The check step: the live region is there (empty) before the run, so screen readers announce what comes in.
  await landedOn(page, keys, "Compare the user in the workspace with Entra");
  const status = checkStatus(page);
  await status.waitFor({ state: "attached" });
  expect(await status.getAttribute("aria-live")).toBe("polite");
  expect((await status.textContent())?.trim()).toBe("");
  await keys.tabTo("Run check");
  await page.keyboard.press("Enter");
  await visible(status.locator("code.outcome-code"), 15_000);
  expect(await status.locator("code.outcome-code").textContent()).toBe("upn-mismatch");
  const announced = (await status.textContent()) ?? "";
  expect(announced).toContain("Problem found");
  expect(announced.length).toBeGreaterThan(40);
  // After the run, focus is still somewhere a keyboard user can go on from.
  await keys.afterAction("“Run check”");
  await keys.tabTo("Continue: Stop provisioning in Entra");
  await page.keyboard.press("Enter");

  // Instruction steps: tick each sub-step with Space, then "Done, next step" with Enter.
  const instructions = [
    "Stop provisioning in Entra",
    "Turn off SCIM sync in the workspace",
    "Delete the user",
    "Delete the account permanently",
    "Turn SCIM sync back on",
    "Start provisioning in Entra",
    "Provision the user on demand",
  ];
  for (const [i, title] of instructions.entries()) {
    await landedOn(page, keys, title);
    const boxes = page.getByRole("list", { name: "Do these in order" }).getByRole("checkbox");
    const count = await boxes.count();
    expect(count, title).toBeGreaterThan(0);
    for (let box = 0; box < count; box++) {
      // The where-badge link comes first on some steps: tab on to the box.
      let focused = await keys.press("Tab");
      if (focused?.type !== "checkbox") focused = await keys.press("Tab");
      expect(focused?.type, `${title}: sub-step ${box + 1}`).toBe("checkbox");
      await page.keyboard.press("Space");
      expect(await boxes.nth(box).isChecked(), `${title}: sub-step ${box + 1}`).toBe(true);
    }
    // Back and forth once with Shift+Tab: the previous box, still ticked, shows focus.
    if (i === 0 && count > 1) {
      expect((await keys.press("Shift+Tab"))?.type).toBe("checkbox");
      expect(await boxes.nth(count - 2).isChecked()).toBe(true);
      await keys.press("Tab");
    }
    await keys.tabTo("Done, next step");
    await page.keyboard.press("Enter");
  }

  // The question: Tab to the choice and press Enter.
  await landedOn(page, keys, "Did the error come back?");
  await keys.tabTo("No: the user is back, with the right UPN");
  await page.keyboard.press("Enter");
  await landedOn(page, keys, "The user is provisioned again");
  await visible(page.getByText("Solved", { exact: true }));

  // The outcome: "Did this solve your problem?" answered with Space; the thanks is a status message.
  await keys.tabTo("Yes");
  await page.keyboard.press("Space");
  const feedback = page.getByRole("group", { name: "Did this solve your problem?" });
  await visible(feedback.getByRole("status").getByText("Thank you for telling us."));
  await keys.afterAction("“Yes” to “Did this solve your problem?”");
  // On to the summary, and one step back with Shift+Tab.
  await keys.tabTo("Copy summary");
  expect((await keys.press("Shift+Tab"))?.name).toBe("Share link");

  // All three at once, so one run names every place focus goes wrong.
  const report = { missed: keys.missed, lost: keys.lost, invisible: keys.invisible };
  expect(report, Object.values(report).flat().join("\n")).toEqual({ missed: [], lost: [], invisible: [] });
  expect(realProblems(problems)).toEqual([]);
});
