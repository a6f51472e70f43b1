/**
 * Share-link fuzzing: thousands of generated malformed links (random bytes and
 * text, truncations, one-character flips, huge, wrong types, valid-looking but
 * for another version, flow or walk) must all be refused by the codec, and in
 * the app end on "This link cannot be opened", never on the error boundary or
 * a blank page. The PRNG is seeded; the seed is in the test names and
 * SHARE_FUZZ_SEED=<seed> replays a run.
 */
import { screen, waitFor } from "@testing-library/react";
import { buildFlow, checkFlowFiles, FLOWS_DIR, flowFilesIn } from "../../src/build/flow-files.ts";
import { machineFor } from "../../src/ui/flows/flow-machines.ts";
import { badLinkMessages } from "../../src/ui/messages/bad-link.ts";
import { messages } from "../../src/ui/messages/messages.ts";
import type { ShareLinkProblem } from "../../src/ui/share/share-format.ts";
import { renderApp } from "../ui/render-app.tsx";
import {
  decodeShare,
  describeCase,
  error500Target,
  FUZZ_KINDS,
  fuzzSeed,
  generateMalformedLinks,
  validLink,
} from "./share-link-fuzz-cases.ts";

const DECODED = 2000;
const RENDERED = 400;
const BATCH = 40;

// Read from flows/ as the build does (not from the app's flow list, which may load lazily).
const { flows } = checkFlowFiles(flowFilesIn(FLOWS_DIR));
const source = flows.find((f) => f.flow.id === "error-500")?.flow;
if (!source) throw new Error("error-500 flow missing");
const flow = buildFlow(source);
const machine = machineFor(flow);

const target = error500Target(
  flow,
  flows.map((f) => f.flow.id),
);

const SEED = fuzzSeed();
const cases = generateMalformedLinks(target, DECODED, SEED);

describe(`share link fuzzing (seed ${SEED}; replay with SHARE_FUZZ_SEED=${SEED})`, () => {
  test("the generator's base link is valid, so its near-misses really are near", () => {
    expect(decodeShare(flow, machine, validLink(target))).toMatchObject({ ok: true });
  });

  test(`decodeShare refuses all ${DECODED} generated links, for every reason it knows`, () => {
    const accepted: string[] = [];
    const problems = new Map<ShareLinkProblem, number>();
    for (const c of cases) {
      const decoded = decodeShare(flow, machine, c.param);
      if (decoded.ok) accepted.push(describeCase(c));
      else problems.set(decoded.problem, (problems.get(decoded.problem) ?? 0) + 1);
    }
    expect(accepted).toEqual([]);
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(FUZZ_KINDS));
    // Breadth: the links reach every refusal the codec has, not just the first check.
    expect([...problems.keys()].sort()).toEqual(
      [
        "too-long",
        "not-base64",
        "not-json",
        "wrong-shape",
        "unsupported-version",
        "other-flow",
        "outdated",
        "does-not-fit",
      ].sort(),
    );
  });

  describe(`in the app (jsdom), the first ${RENDERED} links`, () => {
    let consoleErrors: unknown[][] = [];
    beforeEach(() => {
      sessionStorage.clear();
      consoleErrors = [];
      vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void consoleErrors.push(args));
    });
    afterEach(() => vi.restoreAllMocks());

    const batches = Array.from({ length: RENDERED / BATCH }, (_, i) => cases.slice(i * BATCH, (i + 1) * BATCH));
    test.each(batches.map((batch) => [batch[0].index, batch.at(-1)?.index, batch] as const))(
      `links #%i–#%i end on "${badLinkMessages.heading}" (seed ${SEED})`,
      async (_from, _to, batch) => {
        for (const c of batch) {
          const view = renderApp(`/flows/error-500?s=${encodeURIComponent(c.param)}`, { strict: c.index % 2 === 0 });
          try {
            const headings = () => [...view.container.querySelectorAll("h1")].map((h) => h.textContent);
            // Past any loading state: wait for the bad-link page or the error boundary, whichever comes.
            await waitFor(
              () =>
                expect(headings().some((h) => h === badLinkMessages.heading || h === messages.error.heading)).toBe(
                  true,
                ),
              { timeout: 10_000 },
            ).catch(() => undefined);
            expect(headings(), describeCase(c)).toEqual([badLinkMessages.heading]);
            expect(screen.queryByText(messages.error.heading), describeCase(c)).toBeNull();
            expect(view.container.textContent?.trim(), describeCase(c)).not.toBe("");
            expect(screen.getByRole("link", { name: badLinkMessages.startOver })).toHaveAttribute("href", "/");
            expect(consoleErrors, describeCase(c)).toEqual([]);
          } finally {
            view.unmount();
          }
        }
      },
      30_000,
    );
  });
});
