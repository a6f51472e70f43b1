import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import type { Figure } from "./flows-bench.ts";

/**
 * Figures from the production build in headless Chromium: JS shipped per
 * page, time to the first heading, click-to-next-step latency and heap
 * growth. Medians of repeated runs; nothing here is asserted.
 */

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Counts the gzipped bytes of every script `page` loads from now on; the function reads the sum so far. */
export function countScriptBytes(page: Page): () => Promise<number> {
  const sizes: Promise<number>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") {
      sizes.push(
        response.body().then(
          (body) => gzipSync(body).length,
          () => 0,
        ),
      );
    }
  });
  return async () => (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

/** Gzipped bytes of every script a fresh page loads until its h1 shows. */
export async function jsForPage(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const loaded = countScriptBytes(page);
  await page.goto(url);
  await page.locator("h1").first().waitFor();
  await page.waitForLoadState("networkidle");
  const total = await loaded();
  await context.close();
  return total;
}

/** Milliseconds from navigation start to the first h1 in the DOM, median of `runs`. */
export async function timeToHeading(browser: Browser, url: string, runs = 15): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await benchContext(browser);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __h1At?: number };
      new MutationObserver((_, observer) => {
        if (document.querySelector("h1")) {
          w.__h1At = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url);
    await page.locator("h1").first().waitFor();
    times.push(await page.evaluate(() => (window as unknown as { __h1At: number }).__h1At));
    await context.close();
  }
  return median(times);
}

/**
 * Clicks through error-500 by its first way on at each step (Start over at an
 * outcome), timing each click until the next step's h1 is in the DOM.
 * Returns every latency in ms.
 */
async function clickThrough(page: Page, transitions: number, backEvery = 0): Promise<number[]> {
  return page.evaluate(
    async ([count, backEvery]) => {
      const latencies: number[] = [];
      const h1 = () => document.querySelector("h1")?.textContent ?? "";
      const nextButton = (): HTMLElement | null => {
        const main = document.querySelector("main") as HTMLElement;
        const input = main.querySelector<HTMLInputElement>("form input");
        if (input && !input.value) {
          // Through the native setter, so that React sees the change as typing.
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(
            input,
            "jane.doe@contoso.com",
          );
          input.dispatchEvent(new Event("input", { bubbles: true }));
        }
        const buttons = [...main.querySelectorAll<HTMLButtonElement>("article button:not(:disabled)")].filter(
          (b) => !b.closest(".feedback"),
        );
        const forward = buttons.find((b) => /^(Done|Continue|Skip|Yes|No)/.test(b.textContent ?? ""));
        return (
          forward ??
          [...main.querySelectorAll<HTMLButtonElement>("nav button")].find((b) => b.textContent === "Start over") ??
          null
        );
      };
      const back = () =>
        [...document.querySelectorAll<HTMLButtonElement>("nav button:not(:disabled)")].find(
          (b) => b.textContent === "Back",
        );
      for (let i = 0; i < count; i++) {
        const before = h1();
        const button = (backEvery > 0 && i % backEvery === backEvery - 1 && back()) || nextButton();
        if (!button) break;
        const started = performance.now();
        // A page whose button is there before it has hydrated (a build before the early way on)
        // ignores a click until then: a run's first click repeats (for up to 10 s) until it takes.
        // On a hydrated page it takes at once, before any repeat.
        let again: ReturnType<typeof setInterval> | undefined;
        const moved = await new Promise<boolean>((resolve) => {
          const observer = new MutationObserver(() => {
            if (h1() !== before) {
              observer.disconnect();
              resolve(true);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          button.click();
          if (i === 0) again = setInterval(() => button.click(), 20);
          setTimeout(
            () => {
              observer.disconnect();
              resolve(false);
            },
            i === 0 ? 10_000 : 1000,
          );
        });
        clearInterval(again);
        if (!moved) throw new Error(`bench: "${button.textContent}" on "${before}" did not move the walk`);
        latencies.push(performance.now() - started);
      }
      return latencies;
    },
    [transitions, backEvery] as const,
  );
}

/** tsx compiles with esbuild's keepNames, whose `__name` helper must exist in the page too. */
async function benchContext(browser: Browser) {
  const context = await browser.newContext();
  await context.addInitScript("globalThis.__name = (f) => f;");
  return context;
}

/**
 * The prerendered step is on screen before the page has hydrated, and a click before that does
 * nothing (its way on is a link to the next step until then: src/ui/walk/early-next-step.tsx).
 * Once hydrated, the first step's way on is a button: the click runs start from there.
 */
async function openHydrated(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole("button", { name: "Done, next step", exact: true }).waitFor();
}

export async function clickLatency(browser: Browser, baseUrl: string, transitions = 200): Promise<number> {
  const context = await benchContext(browser);
  const page = await context.newPage();
  await openHydrated(page, `${baseUrl}/flows/error-500`);
  await clickThrough(page, 20); // warm up: lazy chunks, JIT
  const latencies = await clickThrough(page, transitions);
  await context.close();
  return median(latencies);
}

/** JS heap growth (after forced GC) across `transitions` forward, Back and Start over moves. */
export async function heapGrowth(browser: Browser, baseUrl: string, transitions = 2000): Promise<number> {
  const context = await benchContext(browser);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await openHydrated(page, `${baseUrl}/flows/error-500`);
  // Warm up with the same moves as the measurement (Back too), long enough for V8 to finish optimising
  // the hot code: compiled code lives in the heap too, and it is not a leak.
  for (let done = 0; done < 1000; done += 200) await clickThrough(page, 200, 4);
  const used = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  };
  const before = await used();
  // Every fourth move is Back; an outcome is followed by Start over.
  for (let done = 0; done < transitions; done += 200) await clickThrough(page, 200, 4);
  const after = await used();
  await context.close();
  return after - before;
}

/** Bytes before issue 13 (prerendering), on the same measure: the goal is no more than that. */
const BEFORE_PRERENDER = { catalogue: 89_370, wizard: 112_352 };
const bytes = (n: number) => `${n.toLocaleString("en")} B`;

export async function browserFigures(browser: Browser, baseUrl: string): Promise<Figure[]> {
  return [
    {
      name: "JS to render / (gzipped)",
      value: bytes(await jsForPage(browser, `${baseUrl}/`)),
      goal: `<= 112,640 B (110 KB); ${bytes(BEFORE_PRERENDER.catalogue)} before issue 13`,
    },
    {
      name: "JS to render a wizard step (gzipped)",
      value: bytes(await jsForPage(browser, `${baseUrl}/flows/error-500`)),
      goal: `<= 112,640 B (110 KB); ${bytes(BEFORE_PRERENDER.wizard)} before issue 13`,
    },
    {
      name: "navigation → first step heading (median of 15)",
      value: ms(await timeToHeading(browser, `${baseUrl}/flows/error-500`)),
      goal: "<= 300 ms",
    },
    {
      name: "click → next step heading (median of 200)",
      value: ms(await clickLatency(browser, baseUrl)),
      goal: "<= 16 ms",
    },
    {
      name: "JS heap growth after 2,000 transitions",
      value: kb(await heapGrowth(browser, baseUrl)),
      goal: "< 2048 KB",
    },
  ];
}
