import { screen } from "@testing-library/react";
import type { Decision } from "../../src/engine/session.ts";
import { allFlows } from "../../src/ui/flows/flow-list.ts";
import { machineFor } from "../../src/ui/flows/flow-machines.ts";
import { encodeShare, MAX_SHARE_LENGTH } from "../../src/ui/share/share-link.ts";
import { decodeShare } from "../security/share-link-fuzz-cases.ts";
import { pathOf, renderApp } from "./render-app.tsx";

const flow = allFlows.find((f) => f.id === "error-500");
if (!flow) throw new Error("error-500 flow missing");
const machine = machineFor(flow);
const toCompare: Decision[] = [
  { step: "about", kind: "next" },
  { step: "user-mail", kind: "input", value: "megan.bowen@contoso.example" },
  { step: "entra-upn", kind: "input", value: "megan.bowen@contoso.example" },
  { step: "collision", kind: "manual" },
];

beforeEach(() => sessionStorage.clear());
// userEvent.setup() puts a clipboard stub on navigator; the app writes to it, the test reads it.
const clipboardText = () => navigator.clipboard.readText();

const b64 = (text: string) => btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const valid = encodeShare(flow, toCompare, true);
const payload = (d: unknown, extra: Record<string, unknown> = {}) =>
  b64(
    JSON.stringify({
      v: 1,
      f: "error-500",
      h: JSON.parse(atob(valid.replace(/-/g, "+").replace(/_/g, "/"))).h,
      d,
      ...extra,
    }),
  );

/** At least 20 kinds of link that must end on "This link cannot be opened", never a crash. */
const malformed: [string, string][] = [
  ["truncated", valid.slice(0, Math.floor(valid.length / 2))],
  ["truncated by one", valid.slice(0, -1)],
  ["garbage characters", "%%%***!!!"],
  ["spaces", "not a link at all"],
  ["empty", ""],
  ["plain text base64", b64("hello world")],
  ["JSON but not an object", b64("[1,2,3]")],
  ["JSON null", b64("null")],
  ["wrong version", payload([], { v: 99 })],
  ["version as a string", payload([], { v: "1" })],
  ["another flow's link", payload([], { f: "deletion" })],
  ["unknown flow id", payload([], { f: "no-such-flow" })],
  ["outdated fingerprint", payload([], { h: "stale" })],
  ["unknown step", payload([["warp-drive", "n"]])],
  [
    "wrong choice",
    payload([
      ["about", "n"],
      ["user-mail", "i"],
      ["entra-upn", "i"],
      ["collision", "m"],
      ["compare", "c", "maybe"],
    ]),
  ],
  ["decision of an unknown kind", payload([["about", "x"]])],
  ["decisions not a list", payload({ step: "about" })],
  ["decision with wrong types", payload([[1, 2, 3]])],
  ["value on a next decision", payload([["about", "n", "extra"]])],
  [
    "check outcome the check never gives",
    payload([
      ["about", "n"],
      ["user-mail", "i"],
      ["entra-upn", "i"],
      ["collision", "k", "maybe"],
    ]),
  ],
  [
    "input that fails its pattern",
    payload([
      ["about", "n"],
      ["user-mail", "i", "no-at-sign"],
    ]),
  ],
  [
    "steps out of order",
    payload([
      ["user-mail", "i"],
      ["about", "n"],
    ]),
  ],
  ["oversized", "A".repeat(MAX_SHARE_LENGTH + 1)],
  ["invalid UTF-8", b64("\xff\xfe\xfd")],
  ["huge step id", payload([["x".repeat(10_000), "n"]])],
];

describe("share link codec", () => {
  test("round trip: the same decisions come back", () => {
    expect(decodeShare(flow, machine, valid)).toEqual({ ok: true, decisions: toCompare.map((d) => ({ ...d })) });
  });

  test("personal inputs are left out unless the admin includes them", () => {
    const link = encodeShare(flow, toCompare, false);
    expect(atob(link.replace(/-/g, "+").replace(/_/g, "/"))).not.toContain("megan");
    const decoded = decodeShare(flow, machine, link);
    expect(decoded.ok && decoded.decisions[1]).toEqual({ step: "user-mail", kind: "input" });
  });

  test.each(malformed)("rejects a link that is %s", (_kind, param) => {
    const decoded = decodeShare(flow, machine, param);
    expect(decoded.ok).toBe(false);
  });
});

describe.each([true, false])("share link in the app (StrictMode: %s)", (strict) => {
  test("Share link copies a URL that reopens the same step with the same decisions", async () => {
    sessionStorage.setItem("scim-troubleshooter:walk:error-500", JSON.stringify({ h: "x", decisions: [] }));
    const first = renderApp(`/flows/error-500?s=${valid}`, { strict });
    expect(await screen.findByRole("heading", { level: 1, name: "Are the UPNs different?" })).toBeInTheDocument();
    await first.user.click(screen.getByRole("checkbox", { name: /Include my answers/ }));
    await first.user.click(screen.getByRole("button", { name: "Share link" }));
    expect(await screen.findByText("Link copied to the clipboard.")).toBeInTheDocument();
    const link = await clipboardText();
    first.unmount();
    sessionStorage.clear(); // a fresh browser
    renderApp(pathOf(link), { strict });
    expect(await screen.findByRole("heading", { level: 1, name: "Are the UPNs different?" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Back" })).toBeEnabled();
  });

  test("without 'include my answers' the link holds no e-mail or UPN", async () => {
    const { user } = renderApp(`/flows/error-500?s=${valid}`, { strict });
    await screen.findByRole("heading", { level: 1, name: "Are the UPNs different?" });
    await user.click(screen.getByRole("button", { name: "Share link" }));
    await screen.findByText("Link copied to the clipboard.");
    const link = await clipboardText();
    expect(link).toMatch(/\/flows\/error-500\?s=/);
    const param = new URL(link).searchParams.get("s") ?? "";
    expect(atob(param.replace(/-/g, "+").replace(/_/g, "/"))).not.toContain("@");
  });

  test("a reload returns to the same step", async () => {
    const first = renderApp(`/flows/error-500?s=${valid}`, { strict });
    await screen.findByRole("heading", { level: 1, name: "Are the UPNs different?" });
    await first.user.click(screen.getByRole("button", { name: "Yes, they are different" }));
    await screen.findByRole("heading", { level: 1, name: "Stop provisioning in Entra" });
    first.unmount();
    renderApp("/flows/error-500", { strict });
    expect(await screen.findByRole("heading", { level: 1, name: "Stop provisioning in Entra" })).toBeInTheDocument();
    expect(JSON.stringify(sessionStorage)).not.toMatch(/token|Bearer/i);
  });

  test.each(malformed)("a link that is %s explains itself and offers a way on", async (_kind, param) => {
    const { user } = renderApp(`/flows/error-500?s=${encodeURIComponent(param)}`, { strict });
    if (param === "") {
      // An empty parameter is no link at all: the guide simply opens.
      expect(await screen.findByRole("heading", { level: 1 })).toBeInTheDocument();
      return;
    }
    expect(await screen.findByRole("heading", { level: 1, name: "This link cannot be opened" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Start over" })).toHaveAttribute("href", "/");
    await user.click(screen.getByRole("button", { name: "Open the guide at its start" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Find out what causes Error 500" }),
    ).toBeInTheDocument();
  });
});
