import type { Browser } from "playwright-core";

/**
 * The Error 500 procedure's first two steps, timed the same way for every contender in one
 * Chromium run, each load in a fresh context (cold cache), the contenders alternated:
 * - navigation start → the first step's title visible;
 * - navigation start → the second step's title visible, for an eager user who clicks the
 *   way on as soon as the first title is visible, again and again until it takes (before a
 *   page's script has run, a click on a button does nothing).
 * "Visible": the title's element is in the DOM and shown, once the stylesheets are in
 * (nothing is painted before), checked at every DOM change and before every frame.
 */
export interface Contender {
  name: string;
  url: string;
  first: string;
  second: string;
  /** The way on's text: a button's or a link's text, or an input button's value. */
  wayOn: string;
}

export interface StepTimes {
  first: number;
  second?: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function oneLoad(browser: Browser, contender: Contender, eager: boolean): Promise<StepTimes> {
  const context = await browser.newContext();
  // tsx compiles with esbuild's keepNames, whose `__name` helper must exist in the page too.
  await context.addInitScript("globalThis.__name = (f) => f;");
  const page = await context.newPage();
  await page.addInitScript(
    ({ first, second, wayOn, eager }) => {
      const times: { first?: number; second?: number } = {};
      (window as unknown as { stepTimes: typeof times }).stepTimes = times;
      const byText = (text: string) =>
        document.evaluate(
          `//*[text()[normalize-space(.)=${JSON.stringify(text)}]]`,
          document,
          null,
          XPathResult.ORDERED_NODE_SNAPSHOT_TYPE,
          null,
        );
      const visible = (text: string) => {
        if ([...document.querySelectorAll("link[rel=stylesheet]")].some((l) => !(l as HTMLLinkElement).sheet)) {
          return false;
        }
        const found = byText(text);
        for (let i = 0; i < found.snapshotLength; i++) {
          if ((found.snapshotItem(i) as Element).checkVisibility({ visibilityProperty: true })) return true;
        }
        return false;
      };
      const wayOnElement = () =>
        document.evaluate(
          `(//button[normalize-space(.)=${JSON.stringify(wayOn)}] | //a[normalize-space(.)=${JSON.stringify(wayOn)}] | //input[@value=${JSON.stringify(wayOn)}])[1]`,
          document,
          null,
          XPathResult.FIRST_ORDERED_NODE_TYPE,
          null,
        ).singleNodeValue as HTMLElement | null;
      let clicking = false;
      const clickUntilItTakes = () => {
        if (times.second !== undefined) return;
        wayOnElement()?.click();
        setTimeout(clickUntilItTakes, 10);
      };
      const look = () => {
        const now = performance.now();
        if (times.first === undefined && visible(first)) times.first = now;
        if (times.first !== undefined && times.second === undefined && eager && visible(second)) times.second = now;
        if (eager && times.first !== undefined && !clicking) {
          clicking = true;
          clickUntilItTakes();
        }
      };
      new MutationObserver(look).observe(document, { childList: true, subtree: true, attributes: true });
      const everyFrame = () => {
        look();
        if (times.first === undefined || (eager && times.second === undefined)) requestAnimationFrame(everyFrame);
      };
      requestAnimationFrame(everyFrame);
    },
    { first: contender.first, second: contender.second, wayOn: contender.wayOn, eager },
  );
  try {
    await page.goto(contender.url);
    await page.waitForFunction(
      (eager) => {
        const t = (window as unknown as { stepTimes?: StepTimes }).stepTimes;
        return t?.first !== undefined && (!eager || t.second !== undefined);
      },
      eager,
      { timeout: 30_000 },
    );
    return await page.evaluate(() => (window as unknown as { stepTimes: StepTimes }).stepTimes);
  } finally {
    await context.close();
  }
}

/** Medians of `runs` cold loads of each contender, alternated: first title, then (eager) second title. */
export async function firstStepTimes(
  browser: Browser,
  contenders: Contender[],
  runs = 11,
): Promise<Map<string, { first: number; second: number }>> {
  const first = new Map(contenders.map((c) => [c.name, [] as number[]]));
  const second = new Map(contenders.map((c) => [c.name, [] as number[]]));
  for (let i = 0; i < runs; i++) {
    for (const c of contenders) first.get(c.name)?.push((await oneLoad(browser, c, false)).first);
  }
  for (let i = 0; i < runs; i++) {
    for (const c of contenders) second.get(c.name)?.push((await oneLoad(browser, c, true)).second ?? Number.NaN);
  }
  return new Map(
    contenders.map((c) => [
      c.name,
      { first: median(first.get(c.name) ?? []), second: median(second.get(c.name) ?? []) },
    ]),
  );
}
