/**
 * Share-link fuzzing in real Chromium: 1,000 generated malformed links (the
 * same seeded generator as test/security/share-link-fuzz.test.ts) opened in ONE
 * page, without a reload: each is pushed onto the history and announced with a
 * popstate, which react-router's BrowserRouter follows. Every one must end on
 * "This link cannot be opened", never on the error boundary or a blank page;
 * between links the page goes back to the plain wizard the same way, so each
 * link is a real change of screen. SHARE_FUZZ_SEED=<seed> replays a run.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { buildFlow, checkFlowFiles, FLOWS_DIR, flowFilesIn } from "../../src/build/flow-files.ts";
import { CHECK_CATALOG } from "../../src/checks/catalog.ts";
import { compileFlow } from "../../src/engine/compile.ts";
import { badLinkMessages } from "../../src/ui/messages/bad-link.ts";
import { messages } from "../../src/ui/messages/messages.ts";
import {
  decodeShare,
  describeCase,
  error500Target,
  type FuzzCase,
  fuzzSeed,
  generateMalformedLinks,
  validLink,
} from "../security/share-link-fuzz-cases.ts";
import { launchBrowser, openPage } from "./browser.ts";
import { realProblems } from "./helpers.ts";

const LINKS = 1000;
/** Links per page.evaluate round trip: small enough for readable progress, large enough to be fast. */
const CHUNK = 100;
const PER_LINK_TIMEOUT_MS = 5000;

const { flows, issues } = checkFlowFiles(flowFilesIn(FLOWS_DIR));
if (issues.length > 0) throw new Error(`flows have issues: ${issues.map((i) => i.message).join("; ")}`);
const source = flows.find((f) => f.flow.id === "error-500")?.flow;
if (!source) throw new Error("error-500 flow missing");
const flow = buildFlow(source);
const machine = compileFlow(flow, { checks: CHECK_CATALOG });

const target = error500Target(
  flow,
  flows.map((f) => f.flow.id),
);
const SEED = fuzzSeed();
const cases = generateMalformedLinks(target, LINKS, SEED);
const BAD = badLinkMessages.heading;
const BOOM = messages.error.heading;
const START = "Find out what causes Error 500";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Outcome {
  index: number;
  ok: boolean;
  headings: string[];
  bodyChars: number;
  ms: number;
}

test(`${LINKS} malformed links in one page, each ends on "${BAD}" (seed ${SEED}; replay with SHARE_FUZZ_SEED=${SEED})`, async () => {
  // The same codec, in Node, agrees with the generator: none of these links is valid (and the base one is).
  expect(decodeShare(flow, machine, validLink(target)).ok).toBe(true);
  expect(cases.filter((c) => decodeShare(flow, machine, c.param).ok).map(describeCase)).toEqual([]);

  const context = await browser.newContext();
  const baseUrl = inject("baseUrl");
  // The fingerprint computed here matches the build's: the generator's base link opens its step in
  // the app, so the near-misses below are near misses of a real link. (A tab of its own: its walk
  // is saved in that tab's sessionStorage.)
  const probe = await context.newPage();
  await probe.goto(`${baseUrl}/flows/error-500?s=${validLink(target)}`);
  await probe.getByRole("heading", { level: 1, name: "Are the UPNs different?", exact: true }).waitFor();
  await probe.close();

  const { page, problems } = await openPage(context);
  await page.goto(`${baseUrl}/flows/error-500`);
  await page.getByRole("heading", { level: 1, name: START, exact: true }).waitFor();
  await page.evaluate(() => Object.assign(window, { fuzzPageMarker: true }));

  const started = performance.now();
  const outcomes: Outcome[] = [];
  for (let from = 0; from < cases.length; from += CHUNK) {
    const chunk: [number, string][] = cases
      .slice(from, from + CHUNK)
      .map((c: FuzzCase) => [c.index, `/flows/error-500?s=${encodeURIComponent(c.param)}`]);
    outcomes.push(
      ...(await page.evaluate(
        async ({ chunk, bad, boom, home, timeoutMs }) => {
          const headings = () => [...document.querySelectorAll("h1")].map((h) => h.textContent ?? "");
          /** Resolves when `done` holds after a DOM change, or false after the timeout. */
          const until = (done: () => boolean) =>
            new Promise<boolean>((resolve) => {
              if (done()) return resolve(true);
              const observer = new MutationObserver(() => {
                if (!done()) return;
                observer.disconnect();
                clearTimeout(timer);
                resolve(true);
              });
              observer.observe(document.body, { childList: true, subtree: true, characterData: true });
              const timer = setTimeout(() => {
                observer.disconnect();
                resolve(done());
              }, timeoutMs);
            });
          const go = (url: string) => {
            history.pushState({}, "", url);
            dispatchEvent(new PopStateEvent("popstate"));
          };
          const results = [];
          for (const [index, url] of chunk) {
            const begun = performance.now();
            go(url);
            await until(() => headings().some((h) => h === bad || h === boom));
            const seen = headings();
            // biome-ignore lint/performance/useDomNodeTextContent: rendered text is what a blank page lacks.
            const bodyChars = document.body.innerText.trim().length;
            const ok = seen.length === 1 && seen[0] === bad && bodyChars > 0 && location.search.startsWith("?s=");
            results.push({ index, ok, headings: seen, bodyChars, ms: Math.round(performance.now() - begun) });
            // Back to the plain wizard, so the next link is a real change of screen.
            go(home);
            await until(() => {
              const h = headings();
              return h.length === 1 && h[0] !== bad;
            });
          }
          return results;
        },
        { chunk, bad: BAD, boom: BOOM, home: "/flows/error-500", timeoutMs: PER_LINK_TIMEOUT_MS },
      )),
    );
  }
  const elapsedMs = Math.round(performance.now() - started);

  const failed = outcomes
    .filter((o) => !o.ok)
    .map((o) => `${describeCase(cases[o.index])} → headings ${JSON.stringify(o.headings)}, ${o.bodyChars} chars`);
  expect(failed).toEqual([]);
  expect(outcomes).toHaveLength(LINKS);
  // Still one page: no reload happened, and nothing was logged as an error.
  expect(await page.evaluate(() => "fuzzPageMarker" in window)).toBe(true);
  expect(realProblems(problems)).toEqual([]);
  const slowest = Math.max(...outcomes.map((o) => o.ms));
  console.info(`share-link fuzz (seed ${SEED}): ${LINKS} links in ${elapsedMs} ms, slowest link ${slowest} ms`);
  await context.close();
}, 120_000);
