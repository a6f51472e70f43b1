/**
 * The wizard's readiness sentence comes from the catalogue's needs, and names
 * missing inputs by the labels the admin saw; the relay's start-up hint and the
 * connection panel describe the same way of using it.
 */
import { act, render, screen } from "@testing-library/react";
import { CHECK_NAMES, entryOf } from "../../src/checks/catalog.ts";
import { judgeUrl } from "../../src/checks/check-url-format.ts";
import { DEFAULT_RELAY_URL } from "../../src/checks/types.ts";
import { relayHint } from "../../src/cli/relay.ts";
import type { Decision } from "../../src/engine/session.ts";
import { ConnectionProvider, effectiveBaseUrl, useConnection } from "../../src/ui/connection/connection-context.tsx";
import { blockerOf, type CheckParamInputs } from "../../src/ui/connection/readiness.ts";
import { allFlows } from "../../src/ui/flows/flow-list.ts";
import { checkMessages } from "../../src/ui/messages/check.ts";
import { encodeShare } from "../../src/ui/share/share-link.ts";
import { renderApp } from "../ui/render-app.tsx";

type Connection = ReturnType<typeof useConnection>;

/** Hands the connection value out of the tree, so the test can ask it questions. */
function Probe({ into }: { into: { current?: Connection } }) {
  into.current = useConnection();
  return null;
}

function connectionFor(props: { demo?: boolean } = {}): { current: Connection } {
  const ref: { current?: Connection } = {};
  const demo = props.demo
    ? {
        target: { baseUrl: "https://demo.invalid/scim/v2", token: "demo-key-1234" },
        prepare: async () => fetch,
      }
    : undefined;
  render(
    <ConnectionProvider demo={demo} initialMode={props.demo ? "demo" : "endpoint"}>
      <Probe into={ref} />
    </ConnectionProvider>,
  );
  return ref as { current: Connection };
}

/** Every parameter of the check with a value, labelled as the wizard would. */
const filled = (check: (typeof CHECK_NAMES)[number]): CheckParamInputs =>
  Object.fromEntries(Object.entries(entryOf(check).params).map(([p, s]) => [p, { label: s.label, value: "x" }]));

const { blockers } = checkMessages.readiness;

/** The readiness sentence for the connection as it stands. */
const blockerIn = (c: { current: Connection }, check: string, params: CheckParamInputs) =>
  blockerOf(c.current.settings, c.current.demo, check, params);

it("asks for the base URL, then the token, then the previous token, as each check's entry needs", () => {
  const c = connectionFor();
  for (const check of CHECK_NAMES) expect(blockerIn(c, check, filled(check))).toBe(blockers.noBaseUrl);
  act(() => c.current.update({ baseUrl: "https://scim.example.com/scim/v2" }));
  for (const check of CHECK_NAMES) {
    expect(blockerIn(c, check, filled(check)), check).toBe(entryOf(check).needs.token ? blockers.noToken : undefined);
  }
  act(() => c.current.update({ token: "a-key-1234" }));
  for (const check of CHECK_NAMES) {
    expect(blockerIn(c, check, filled(check)), check).toBe(
      entryOf(check).needs.previousToken ? blockers.noPreviousToken : undefined,
    );
  }
  act(() => c.current.update({ previousToken: "an-old-key-1234" }));
  for (const check of CHECK_NAMES) expect(blockerIn(c, check, filled(check)), check).toBeUndefined();
});

it("says the demo tenant is off where there is none, and needs nothing else with it", () => {
  expect(blockerIn(connectionFor(), "test-connection", {})).toBe(blockers.noBaseUrl);
  const off = connectionFor();
  act(() => off.current.update({ mode: "demo" }));
  expect(blockerIn(off, "test-connection", {})).toBe(blockers.demoOff);
  const on = connectionFor({ demo: true });
  expect(blockerIn(on, "key-rotation", {})).toBeUndefined();
});

it("names a missing input by the label passed in, and says how to go on", () => {
  const c = connectionFor({ demo: true });
  const sentence = blockerIn(c, "upn-collision", {
    mail: { label: "The user's e-mail address", value: undefined },
    upn: { label: "User principal name (UPN) in Entra", value: "megan@contoso.example" },
  });
  expect(sentence).toBe(checkMessages.readiness.missingInputs(["The user's e-mail address"]));
  expect(sentence).toMatch(/“The user's e-mail address”.*go Back and enter it again, or answer by hand/);
  expect(sentence).not.toMatch(/UPN\) in Entra|mail”/);
  // A parameter the wizard did not describe falls back to the catalogue's label.
  expect(blockerIn(c, "group-leftover", {})).toContain(`“${entryOf("group-leftover").params.groupName.label}”`);
});

it("tells the admin in the wizard which answers a shared link left out, by their labels", async () => {
  const flow = allFlows.find((f) => f.id === "error-500");
  if (!flow) throw new Error("error-500 flow missing");
  const decisions: Decision[] = [
    { step: "about", kind: "next" },
    { step: "user-mail", kind: "input", value: "megan.bowen@contoso.example" },
    { step: "entra-upn", kind: "input", value: "megan.bowen@contoso.example" },
  ];
  sessionStorage.clear();
  renderApp(`/flows/error-500?s=${encodeShare(flow, decisions, false)}`, { strict: false, mode: "endpoint" });
  await screen.findByRole("heading", { level: 1, name: "Compare the user in the workspace with Entra" });
  const hint = await screen.findByText(/This check needs/);
  expect(hint).toHaveTextContent("“The user's e-mail address”, “User principal name (UPN) in Entra”");
  expect(hint).toHaveTextContent(/go Back and enter it again, or answer by hand/);
  expect(screen.getByRole("button", { name: "Run check" })).toBeDisabled();
});

describe("the relay's one way of use", () => {
  const tenantUrl = "https://scim.example.com/scim/v2";
  const hint = relayHint(DEFAULT_RELAY_URL, tenantUrl, "http://localhost:4173");

  it("keeps the Tenant URL, which url-format accepts, and names the panel's relay controls", () => {
    expect(hint).toContain(`keep the Tenant URL ${tenantUrl}`);
    expect(judgeUrl(tenantUrl).outcome).toBe("pass");
    expect(checkMessages.connection.relay).toMatch(/^Send through the local relay/);
    expect(hint).toContain("“Send through the local relay”");
    expect(hint).toContain(`${checkMessages.connection.relayUrl} to ${DEFAULT_RELAY_URL}`);
  });

  it("starts the connection panel at the relay's default address, and sends where the relay listens", () => {
    const c = connectionFor();
    expect(c.current.settings.relayUrl).toBe(DEFAULT_RELAY_URL);
    const viaRelay = effectiveBaseUrl({ baseUrl: tenantUrl, useRelay: true, relayUrl: DEFAULT_RELAY_URL });
    expect(viaRelay).toBe(`${DEFAULT_RELAY_URL}/scim/v2`);
  });
});
