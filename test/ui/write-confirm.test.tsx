/**
 * A check whose catalogue entry `writes` (entra-compat) names the test user it will create and
 * delete, and sends nothing until the admin confirms; every other check runs on the first click.
 */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { StepOf } from "../../src/engine/schema.ts";
import { ConnectionProvider } from "../../src/ui/connection/connection-context.tsx";
import { allFlows } from "../../src/ui/flows/flow-list.ts";
import { checkMessages } from "../../src/ui/messages/check.ts";
import { CheckStepBody } from "../../src/ui/walk/check-step-body.tsx";
import { demoTenantForTests, renderApp } from "./render-app.tsx";

const flow = allFlows.find((f) => f.steps.some((s) => s.kind === "check"));
if (!flow) throw new Error("No flow with a check step.");
const base = flow.steps.find((s): s is StepOf<"check"> => s.kind === "check") as StepOf<"check">;

function renderStep(check: string, can = { run: true, retry: false, cancel: false }) {
  const sent: string[] = [];
  const fetched = vi.fn(fetch);
  const step = { ...base, check, params: {}, body: undefined, warnings: undefined } as StepOf<"check">;
  render(
    <ConnectionProvider
      demo={{
        target: { baseUrl: "https://demo.invalid/scim/v2", token: "demo-key-1234" },
        prepare: async () => fetched,
        graph: { baseUrl: "https://demo.invalid/graph/v1.0", token: "demo-graph-token-1234" },
      }}
      initialMode="demo"
    >
      <CheckStepBody
        flow={flow as NonNullable<typeof flow>}
        step={step}
        headingId="h"
        flowHref={(id) => `/flows/${id}`}
        phase="ready"
        inputs={{}}
        result={undefined}
        checkError={undefined}
        can={can}
        nextTitle={undefined}
        send={(event) => sent.push(event.type)}
      />
    </ConnectionProvider>,
  );
  return { sent, fetched };
}

it("asks before entra-compat creates and deletes a test user; only the confirm sends check.run", async () => {
  const user = userEvent.setup();
  const { sent, fetched } = renderStep("entra-compat");
  await user.click(screen.getByRole("button", { name: checkMessages.check.run }));
  expect(sent).toEqual([]);
  expect(
    screen.getByText(
      /This creates the test user scim-troubleshooter-test-<random>@example\.invalid in your workspace and deletes it again/,
    ),
  ).toBeVisible();
  const confirm = screen.getByRole("button", { name: "Create and delete the test user" });
  expect(confirm).toHaveFocus();
  await user.click(screen.getByRole("button", { name: "Cancel" }));
  expect(sent).toEqual([]);
  expect(screen.queryByRole("button", { name: "Create and delete the test user" })).toBeNull();
  await user.click(screen.getByRole("button", { name: checkMessages.check.run }));
  await user.click(screen.getByRole("button", { name: "Create and delete the test user" }));
  expect(sent).toEqual(["check.run"]);
  expect(fetched).not.toHaveBeenCalled();
});

it("asks again before a retry of entra-compat", async () => {
  const user = userEvent.setup();
  const { sent } = renderStep("entra-compat", { run: false, retry: true, cancel: false });
  await user.click(screen.getByRole("button", { name: checkMessages.check.retry }));
  expect(sent).toEqual([]);
  await user.click(screen.getByRole("button", { name: "Create and delete the test user" }));
  expect(sent).toEqual(["check.retry"]);
});

it("runs a read-only check on the first click, without a confirmation", async () => {
  const user = userEvent.setup();
  const { sent } = renderStep("test-connection");
  await user.click(screen.getByRole("button", { name: checkMessages.check.run }));
  expect(sent).toEqual(["check.run"]);
  expect(screen.queryByRole("button", { name: "Create and delete the test user" })).toBeNull();
});

it("lists entra-compat's writes under What will be sent", () => {
  renderStep("entra-compat");
  const items = screen.getAllByRole("listitem").map((li) => li.textContent ?? "");
  expect(items.filter((t) => /^(POST|PATCH|DELETE) /.test(t))).toHaveLength(5);
});

describe("the deletion guide's compatibility run, end to end on the demo tenant", () => {
  const demo = demoTenantForTests();
  beforeAll(() => demo.server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => demo.server.close());

  test("a workspace that refuses Entra's soft delete leads, after confirming, to the aadOptscim062020 fix", async () => {
    const { user } = renderApp("/flows/deletion", { demo: demo.access, faults: ["soft-delete-strict"] });
    await user.click(await screen.findByRole("button", { name: "Done, next step" }));
    await user.click(await screen.findByRole("button", { name: "A user" }));
    await user.type(await screen.findByRole("textbox"), "jane.doe@contoso.com");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await user.click(await screen.findByRole("button", { name: "Skip the live check and answer by hand" }));
    await user.click(await screen.findByRole("button", { name: /^Soft deleted/ }));
    await user.click(await screen.findByRole("button", { name: "No, the user is still an active user" }));
    await screen.findByRole("heading", { level: 1, name: "Try Entra's soft delete against the workspace" });
    await user.click(await screen.findByRole("button", { name: "Run check" }));
    await user.click(await screen.findByRole("button", { name: checkMessages.check.writeConfirmRun }));
    const status = screen.getByRole("status", { name: "Check result" });
    await waitFor(() => expect(status).toHaveTextContent("soft-delete-rejected"), { timeout: 10_000 });
    expect(demo.tenant.users.some((u) => String(u.userName).startsWith("scim-troubleshooter-test-"))).toBe(false);
    await user.click(screen.getByRole("button", { name: "Continue: Turn on Entra's standard SCIM behaviour" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Turn on Entra's standard SCIM behaviour" }),
    ).toHaveFocus();
  }, 20_000);
});
