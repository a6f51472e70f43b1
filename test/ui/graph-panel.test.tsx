import { screen, within } from "@testing-library/react";
import { DEMO_SERVICE_PRINCIPALS } from "../../src/demo/constants.ts";
import { decisionsTo } from "../../src/engine/path-to-step.ts";
import { allFlows } from "../../src/ui/flows/flow-list.ts";
import { forgetGraph, pickGraphApp } from "../../src/ui/graph/graph-session.ts";
import { encodeShare } from "../../src/ui/share/share-link.ts";
import { demoTenantForTests, renderApp } from "./render-app.tsx";

/**
 * The Graph panel of a Graph check step, against the demo tenant's Graph: what the admin picks
 * and where keyboard focus goes, and what an embed offers.
 */
const demo = demoTenantForTests();
const flow = allFlows.find((f) => f.id === "regenerate-key");
if (!flow) throw new Error("regenerate-key missing");
const atJobStatus = `?s=${encodeShare(flow, decisionsTo(flow, "provisioning-status") ?? [], false)}`;
const [active, quarantined] = DEMO_SERVICE_PRINCIPALS;
const TITLE = "Check that Entra's provisioning runs again";

beforeEach(async () => {
  sessionStorage.clear();
  await forgetGraph();
  pickGraphApp("demo", undefined);
});

test("finds the demo's applications, keeps focus on the way, and runs job-status on the one picked", async () => {
  const { user } = renderApp(`/flows/regenerate-key${atJobStatus}`, { demo: demo.access, mode: "demo" });
  await screen.findByRole("heading", { level: 1, name: TITLE });
  expect(await screen.findByRole("button", { name: "Run check" })).toBeDisabled();
  expect(screen.getByText("Pick the enterprise application first.")).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Find" }));
  for (const app of DEMO_SERVICE_PRINCIPALS)
    expect(await screen.findByRole("button", { name: app.displayName })).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: quarantined.displayName }));
  // The pressed button is gone: focus is on what replaced it, not lost to the page.
  expect(screen.getByRole("button", { name: "Choose another application" })).toHaveFocus();
  await user.click(screen.getByRole("button", { name: "Choose another application" }));
  expect(screen.getByRole("searchbox", { name: /Name of the enterprise application/ })).toHaveFocus();
  await user.click(screen.getByRole("button", { name: "Find" }));
  await user.click(await screen.findByRole("button", { name: active.displayName }));
  await user.click(screen.getByRole("button", { name: "Run check" }));
  const result = await screen.findByRole("status", { name: "Check result" });
  expect(await within(result).findByText("active")).toBeInTheDocument();
}, 20_000);

test("a demo list never offers its applications for the admin's own tenant", async () => {
  const { user } = renderApp(`/flows/regenerate-key${atJobStatus}`, { demo: demo.access, mode: "demo" });
  await screen.findByRole("heading", { level: 1, name: TITLE });
  await user.click(await screen.findByRole("button", { name: "Find" }));
  await screen.findByRole("button", { name: active.displayName });
  await user.click(screen.getByRole("radio", { name: "My Entra tenant" }));
  await user.type(screen.getByLabelText("Graph access token"), "pasted-graph-token-for-the-test");
  await user.click(screen.getByRole("button", { name: "Use this token" }));
  // The search of the admin's tenant starts empty: the demo's list is gone.
  expect(await screen.findByRole("searchbox", { name: /Name of the enterprise application/ })).toHaveFocus();
  expect(screen.queryByRole("button", { name: active.displayName })).toBeNull();
}, 20_000);

test("the pasted token is no form: Enter takes it, and nothing is submitted", async () => {
  const { user, container } = renderApp(`/flows/regenerate-key${atJobStatus}`, { demo: demo.access, mode: "endpoint" });
  await screen.findByRole("heading", { level: 1, name: TITLE });
  const field = await screen.findByLabelText("Graph access token");
  expect(field.closest("form")).toBeNull();
  await user.type(field, "pasted-graph-token-enter{Enter}");
  expect(await screen.findAllByText("Using the pasted access token.")).not.toEqual([]);
  expect(container.innerHTML).not.toContain("pasted-graph-token-enter");
}, 20_000);

test("in an embed the panel offers the pasted token only, and says where to sign in", async () => {
  renderApp("/embed/regenerate-key?start=provisioning-status", { demo: demo.access });
  await screen.findByRole("heading", { level: 1, name: TITLE });
  expect(await screen.findByText(/In this embedded guide, paste an access token/)).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Sign in with Microsoft" })).toBeNull();
  expect(screen.getByLabelText("Graph access token")).toBeInTheDocument();
});

test("in an embed, a guide's link to the log reader opens in a tab of its own; in the app, in the same tab", async () => {
  const embed = renderApp("/embed/regenerate-key?start=escrow-logs", { demo: demo.access });
  // By text, then its link: role queries over a whole guide step are slow in jsdom.
  const framed = (await screen.findByText("provisioning log reader")).closest("a");
  expect(framed).toHaveTextContent("provisioning log reader (opens in a new tab)");
  expect(framed).toHaveAttribute("href", "/logs");
  expect(framed).toHaveAttribute("target", "_blank");
  embed.unmount();
  const flowAt = encodeShare(flow, decisionsTo(flow, "escrow-logs") ?? [], false);
  renderApp(`/flows/regenerate-key?s=${flowAt}`, { demo: demo.access });
  const own = (await screen.findByText("provisioning log reader")).closest("a");
  expect(own).toHaveAttribute("href", "/logs");
  expect(own).not.toHaveAttribute("target");
}, 20_000);
