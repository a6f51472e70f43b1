/**
 * The wizard's readiness sentence comes from the catalogue's needs, and names
 * missing inputs by the labels the admin saw; the relay's start-up hint and the
 * connection panel describe the same way of using it.
 */
import { act, render, screen } from "@testing-library/react";
import { CHECK_NAMES, entryOf, isGraphCheck } from "../../src/checks/catalog.ts";
import { judgeUrl } from "../../src/checks/check-url-format.ts";
import { DEFAULT_RELAY_URL } from "../../src/checks/types.ts";
import { relayHint } from "../../src/cli/relay.ts";
import type { Decision } from "../../src/engine/session.ts";
import { ConnectionProvider, effectiveBaseUrl, useConnection } from "../../src/ui/connection/connection-context.tsx";
import { blockerOf, type CheckParamInputs } from "../../src/ui/connection/readiness.ts";
import { allFlows } from "../../src/ui/flows/flow-list.ts";
import { forgetGraph, type GraphSession, pickGraphApp, updateGraphSession } from "../../src/ui/graph/graph-session.ts";
import { checkMessages } from "../../src/ui/messages/check.ts";
import { graphPanelMessages } from "../../src/ui/messages/graph-panel.ts";
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
        graph: { baseUrl: "https://demo.invalid/graph/v1.0", token: "demo-graph-token-1234" },
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

const NO_GRAPH: GraphSession = { root: "https://graph.microsoft.com/v1.0", app: {} };

/** The readiness sentence for the connection as it stands. */
const blockerIn = (c: { current: Connection }, check: string, params: CheckParamInputs, graph = NO_GRAPH) =>
  blockerOf(c.current.settings, c.current.demo, check, params, graph);

const SCIM_CHECKS = CHECK_NAMES.filter((check) => !isGraphCheck(check));

it("asks for the base URL, then the token, then the previous token, as each check's entry needs", () => {
  const c = connectionFor();
  for (const check of SCIM_CHECKS) expect(blockerIn(c, check, filled(check))).toBe(blockers.noBaseUrl);
  act(() => c.current.update({ baseUrl: "https://scim.example.com/scim/v2" }));
  for (const check of SCIM_CHECKS) {
    expect(blockerIn(c, check, filled(check)), check).toBe(entryOf(check).needs.token ? blockers.noToken : undefined);
  }
  act(() => c.current.update({ token: "a-key-1234" }));
  for (const check of SCIM_CHECKS) {
    expect(blockerIn(c, check, filled(check)), check).toBe(
      entryOf(check).needs.previousToken ? blockers.noPreviousToken : undefined,
    );
  }
  act(() => c.current.update({ previousToken: "an-old-key-1234" }));
  for (const check of SCIM_CHECKS) expect(blockerIn(c, check, filled(check)), check).toBeUndefined();
});

describe("a Graph check needs a Graph token and the enterprise application, not the SCIM connection", () => {
  const graphBlockers = graphPanelMessages.readiness;
  const app = { id: "3f9c2a4e-6b1d-4c8e-9a7f-1d2e3c4b5a61", displayName: "Workspace 365" };

  it("asks for a sign-in, then a valid Graph address, then the application, whatever the SCIM fields hold", () => {
    const c = connectionFor();
    act(() => c.current.update({ baseUrl: "https://scim.example.com/scim/v2", token: "a-key-1234" }));
    expect(blockerIn(c, "job-status", {})).toBe(graphBlockers.noToken);
    const pasted = { kind: "pasted", token: "graph-token-1234" } as const;
    expect(blockerIn(c, "job-status", {}, { ...NO_GRAPH, source: pasted, root: "https://evil.example" })).toBe(
      graphBlockers.badRoot,
    );
    expect(blockerIn(c, "provisioning-logs", {}, { ...NO_GRAPH, source: pasted })).toBe(graphBlockers.noApp);
    expect(blockerIn(c, "job-status", {}, { ...NO_GRAPH, source: pasted, app: { endpoint: app } })).toBeUndefined();
    // The demo's application does not count for the admin's own tenant.
    expect(blockerIn(c, "job-status", {}, { ...NO_GRAPH, source: pasted, app: { demo: app } })).toBe(
      graphBlockers.noApp,
    );
  });

  it("in the demo needs only the demo's application, and says when there is no demo", () => {
    const on = connectionFor({ demo: true });
    expect(blockerIn(on, "job-status", {})).toBe(graphBlockers.noApp);
    expect(blockerIn(on, "job-status", {}, { ...NO_GRAPH, app: { demo: app } })).toBeUndefined();
    const off = connectionFor();
    act(() => off.current.update({ mode: "demo" }));
    expect(blockerIn(off, "job-status", {}, { ...NO_GRAPH, app: { demo: app } })).toBe(graphBlockers.demoOff);
  });
});

describe("the connection's secrets include the Graph token, for scrubbing every copy", () => {
  it("names a pasted Graph token until it is forgotten", async () => {
    const c = connectionFor();
    act(() => updateGraphSession({ source: { kind: "pasted", token: "pasted-graph-token-5678" } }));
    pickGraphApp("endpoint", undefined);
    expect(c.current.secrets()).toContain("pasted-graph-token-5678");
    await act(() => forgetGraph());
    expect(c.current.secrets()).not.toContain("pasted-graph-token-5678");
  });
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
