import { screen } from "@testing-library/react";
import type { Decision } from "../../src/engine/session.ts";
import { allFlows } from "../../src/ui/flows/flow-list.ts";
import { saveWalk } from "../../src/ui/share/saved-walk.ts";
import { renderApp } from "./render-app.tsx";

// Counts imports of the schema module: it must load only when a saved walk is there to validate.
const schemaLoads = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/ui/share/saved-walk-schema", async (original) => {
  schemaLoads.count++;
  return original();
});

const flow = allFlows.find((f) => f.id === "error-500");
if (!flow) throw new Error("error-500 flow missing");
const key = "scim-troubleshooter:walk:error-500";
const toCompare: Decision[] = [
  { step: "about", kind: "next" },
  { step: "user-mail", kind: "input", value: "megan.bowen@contoso.example" },
  { step: "entra-upn", kind: "input", value: "megan.bowen@contoso.example" },
  { step: "collision", kind: "manual" },
];
const first = "Find out what causes Error 500";

/** Every step heading the page shows, in order, from its first render on. */
function headingsShown(): string[] {
  const seen: string[] = [];
  const note = () => {
    const text = document.querySelector("h1")?.textContent;
    if (text && seen.at(-1) !== text) seen.push(text);
  };
  new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  return seen;
}

beforeEach(() => sessionStorage.clear());

describe.each([true, false])("the walk saved in this tab (StrictMode: %s)", (strict) => {
  test("with nothing saved, the walk starts at once and no schema is loaded", async () => {
    const loadsBefore = schemaLoads.count;
    renderApp("/flows/error-500", { strict });
    expect(await screen.findByRole("heading", { level: 1 })).toBeInTheDocument();
    expect(schemaLoads.count).toBe(loadsBefore);
  });

  test("a saved walk reopens at its step, never showing the first step on the way", async () => {
    saveWalk(flow, toCompare);
    const shown = headingsShown();
    renderApp("/flows/error-500", { strict });
    expect(await screen.findByRole("heading", { level: 1, name: "Are the UPNs different?" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Back" })).toBeEnabled();
    expect(shown).toEqual(["Are the UPNs different?"]);
    expect(schemaLoads.count).toBe(1);
  });

  const tampered: [string, string][] = [
    ["not JSON", "{"],
    ["of another shape", JSON.stringify({ h: 1, decisions: "all" })],
    ["a decision of an unknown kind", JSON.stringify({ h: "x", decisions: [{ step: "about", kind: "jump" }] })],
    ["a check result with no evidence list", "CHECK"],
    ["from an older version of the flow", JSON.stringify({ h: "not-this-flow", decisions: [] })],
  ];

  test.each(tampered)("a saved value %s is dropped silently", async (_kind, value) => {
    if (value === "CHECK") {
      saveWalk(flow, toCompare);
      const saved = JSON.parse(sessionStorage.getItem(key) ?? "{}");
      saved.decisions.push({ step: "collision", kind: "check", outcome: "ok", result: { outcome: "ok", title: 1 } });
      value = JSON.stringify(saved);
    }
    sessionStorage.setItem(key, value);
    renderApp("/flows/error-500", { strict });
    expect(await screen.findByRole("heading", { level: 1, name: first })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Back" })).toBeDisabled();
    expect(sessionStorage.getItem(key)).toBeNull();
  });
});
