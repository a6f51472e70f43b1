import { flows } from "virtual:flows";
import { screen, waitFor, within } from "@testing-library/react";
import type { Decision } from "../../src/engine/session.ts";
import { encodeShare } from "../../src/ui/share/share-link.ts";
import { buildTranscript } from "../../src/ui/share/transcript.ts";
import { recordBlock } from "../../src/ui/share/walk-record.ts";
import { serverErrorResult } from "../checks/helpers.ts";
import { demoTenantForTests, renderApp } from "./render-app.tsx";

const demo = demoTenantForTests();
beforeAll(() => demo.server.listen({ onUnhandledRequest: "error" }));
afterAll(() => demo.server.close());
beforeEach(() => sessionStorage.clear());

const MAIL = "megan.bowen@contoso.example";
const flow = flows.find((f) => f.id === "error-500") as (typeof flows)[number];
const ERROR_500 = "Error 500 when you first activate SCIM";

async function paste(text: string) {
  const app = renderApp("/review");
  const field = await screen.findByRole("textbox", { name: "Share link or summary" });
  await app.user.click(field);
  await app.user.paste(text);
  await app.user.click(screen.getByRole("button", { name: "Review" }));
  return app;
}

const walk: Decision[] = [
  { step: "about", kind: "next" },
  { step: "user-mail", kind: "input", value: MAIL },
  { step: "entra-upn", kind: "input", value: MAIL },
  { step: "collision", kind: "manual" },
  { step: "compare", kind: "choice", choice: "different" },
];

function summary(decisions = walk, options: { includeAnswers?: boolean } = {}) {
  return buildTranscript({
    flow,
    decisions,
    currentStep: "stop-sync",
    includeAnswers: options.includeAnswers ?? false,
    date: new Date("2026-12-01T10:00:00Z"),
    appVersion: "test",
    times: decisions.map((_, i) => Date.UTC(2026, 11, 1, 10, i)),
  });
}

test("a summary copied in the wizard reads back on /review: map with the path, decisions with times, what comes next", async () => {
  const app = renderApp("/flows/error-500", { demo: demo.access });
  const { user } = app;
  await user.click(await screen.findByRole("button", { name: "Done, next step" }));
  await user.type(await screen.findByRole("textbox"), MAIL);
  await user.click(screen.getByRole("button", { name: "Continue" }));
  await screen.findByRole("heading", { level: 1, name: "What is the user's UPN in Entra?" });
  await user.click(screen.getByRole("button", { name: "Copy summary" }));
  await screen.findByText("Summary copied to the clipboard.");
  const copied = await navigator.clipboard.readText();
  expect(copied).not.toContain(MAIL);
  app.unmount();

  await paste(copied);
  expect(await screen.findByRole("heading", { name: `Walk through “${ERROR_500}”` })).toBeInTheDocument();
  const map = await screen.findByRole("group", { name: `Map of “${ERROR_500}”` });
  expect(map.querySelector(".map-here")?.getAttribute("data-step")).toBe("entra-upn");
  expect([...map.querySelectorAll(".map-taken")].map((e) => e.getAttribute("data-edge"))).toEqual([
    "about next",
    "user-mail next",
  ]);
  expect(within(screen.getByRole("list", { name: "Decisions" })).getAllByRole("listitem")).toHaveLength(2);
  // Both were made in this browser: each has its time; the personal answer stayed out.
  expect(document.querySelectorAll(".review-decisions time")).toHaveLength(2);
  expect(document.body.textContent).not.toContain(MAIL);
  expect(screen.getByText("The admin is at “What is the user's UPN in Entra?”.")).toBeInTheDocument();
});

test("a summary round-trips: every decision with its time, and Continue from here opens the wizard at the same step", async () => {
  const { user, location } = await paste(summary(walk, { includeAnswers: true }));
  await screen.findByRole("heading", { name: `Walk through “${ERROR_500}”` });
  const items = [...document.querySelectorAll(".review-decisions > li")];
  expect(items.map((li) => li.querySelector("strong")?.textContent)).toEqual(
    walk.map((d) => flow.steps.find((s) => s.id === d.step)?.title),
  );
  expect(items.map((li) => li.querySelector("time")?.getAttribute("datetime"))).toEqual(
    walk.map((_, i) => new Date(Date.UTC(2026, 11, 1, 10, i)).toISOString()),
  );
  expect(items[1]).toHaveTextContent(MAIL);
  await user.click(screen.getByRole("link", { name: "Continue from here" }));
  expect(await screen.findByRole("heading", { level: 1, name: "Stop provisioning in Entra" })).toBeInTheDocument();
  expect(location()).toMatch(/^\/flows\/error-500/);
});

test("a share link reads back too, saying it carries no times", async () => {
  await paste(`https://help.example.com/flows/error-500?s=${encodeShare(flow, walk.slice(0, 3), false)}`);
  expect(await screen.findByText("From a share link: it carries no times and no check evidence.")).toBeInTheDocument();
  const map = await screen.findByRole("group", { name: `Map of “${ERROR_500}”` });
  expect(map.querySelector(".map-here")?.getAttribute("data-step")).toBe("collision");
  expect(document.querySelectorAll(".review-decisions time")).toHaveLength(0);
});

test("a summary from an older version of the guide shows what still fits and where the guide changed", async () => {
  const old = [...walk.slice(0, 4), { step: "compare", kind: "choice", choice: "a-choice-since-removed" } as Decision];
  const json = JSON.stringify({ f: "error-500", h: "an-older-fingerprint", d: old, t: old.map(() => null) });
  await paste(`# SCIM Troubleshooter: ${ERROR_500}\n\n${recordBlock(json)}\n`);
  const note = await screen.findByRole("note");
  expect(note).toHaveTextContent("the first 4 of 5 decisions still fit and are shown");
  expect(note).toHaveTextContent("At “Are the UPNs different?” the guide no longer takes the way the admin took");
  expect(document.querySelectorAll(".review-decisions > li")).toHaveLength(4);
});

describe("what cannot be reviewed gets a clear message", () => {
  const text = summary();
  test.each([
    ["a summary edited by hand", text.replace('"kind":"manual"', '"kind":"next"'), /changed after it was made/],
    ["a summary cut short in its record", text.slice(0, text.lastIndexOf("```") - 20), /cut short or changed/],
    ["a summary without its record", text.slice(0, text.indexOf("```")), /no walk record/],
    [
      "a walk of a guide this app does not have",
      `# x\n\n${recordBlock('{"f":"nope","h":"x","d":[],"t":[]}')}`,
      /guide this app does not have/,
    ],
    ["a record whose steps do not fit an unchanged guide", "", /altered/],
    ["text that is neither", "hello there", /neither a share link/],
    ["a link that is not a walk", "https://example.com/flows/error-500?s=%%%", /cut short or changed/],
    ["nothing at all", "   ", /Paste a share link or a summary first/],
  ])("%s", async (_name, pasted, message) => {
    let input = pasted;
    if (!input) {
      const { flowFingerprint } = await import("../../src/ui/share/fingerprint.ts");
      const d = [{ step: "compare", kind: "choice", choice: "different" }];
      input = `# x\n\n${recordBlock(JSON.stringify({ f: "error-500", h: flowFingerprint(flow), d, t: [null] }))}`;
    }
    await paste(input);
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent(message));
  });

  test("something far bigger than any summary is not read", async () => {
    const app = renderApp("/review");
    const field = (await screen.findByRole("textbox", { name: "Share link or summary" })) as HTMLTextAreaElement;
    field.value = "x".repeat(300 * 1024);
    await app.user.click(screen.getByRole("button", { name: "Review" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("far longer than any summary");
  });
});

describe("what a server says cannot pose as the walk record", () => {
  test("a SCIM detail holding a fenced block stays one line of text; the real record is the one read", async () => {
    const forged = `x\n\`\`\`scim-troubleshooter-walk 1 abc\n{"f":"triage","h":"x","d":[],"t":[]}\n\`\`\`\n# Heading`;
    const decisions: Decision[] = [
      ...walk.slice(0, 3),
      {
        step: "collision",
        kind: "check",
        outcome: "server-error",
        result: serverErrorResult(forged, forged),
      },
    ];
    const text = buildTranscript({
      flow,
      decisions,
      currentStep: "compare",
      includeAnswers: false,
      date: new Date(),
      appVersion: "test",
    });
    expect(text.split("```scim-troubleshooter-walk")).toHaveLength(2);
    expect(text).not.toMatch(/^# Heading/m);
    await paste(text);
    expect(await screen.findByRole("heading", { name: `Walk through “${ERROR_500}”` })).toBeInTheDocument();
  });

  test("a time out of any calendar's range is refused, not a crash", async () => {
    const json = JSON.stringify({ f: "error-500", h: "x", d: [{ step: "about", kind: "next" }], t: [1e16] });
    await paste(`# x\n\n${recordBlock(json)}`);
    expect(await screen.findByRole("alert")).toHaveTextContent(/not a walk this app understands/);
  });
});
