import { screen, waitFor, within } from "@testing-library/react";
import { demoTenantForTests, renderApp } from "./render-app.tsx";

const demo = demoTenantForTests();
beforeAll(() => demo.server.listen({ onUnhandledRequest: "error" }));
afterAll(() => demo.server.close());
beforeEach(() => sessionStorage.clear());

const heading = (name: string | RegExp) => screen.findByRole("heading", { level: 1, name });

describe.each([true, false])("wizard (StrictMode: %s)", (strict) => {
  test("an instruction step: title as main heading, where badge, sub-steps to tick, warnings", async () => {
    const { user } = renderApp("/flows/error-500", { strict, demo: demo.access });
    await heading("Find out what causes Error 500");
    expect(screen.getByText("Entra admin center")).toBeInTheDocument();
    expect(screen.getByText("Step 1 of about 5")).toBeInTheDocument();
    // Forward to the sub-steps of "Stop provisioning in Entra" through the manual path.
    await user.click(screen.getByRole("button", { name: "Done, next step" }));
    expect(await heading("Which user gets Error 500?")).toHaveFocus();
  });

  test("an input step keeps a bad value, says what is expected, and moves on with a good one", async () => {
    const { user } = renderApp("/flows/error-500", { strict, demo: demo.access });
    await user.click(await screen.findByRole("button", { name: "Done, next step" }));
    const field = await screen.findByRole("textbox", { name: "The user's e-mail address" });
    await user.type(field, "not an address");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Check this value");
    expect(field).toHaveValue("not an address");
    expect(field).toHaveAttribute("aria-invalid", "true");
    await user.clear(field);
    await user.type(field, "megan.bowen@contoso.example");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    expect(await heading("What is the user's UPN in Entra?")).toHaveFocus();
  });

  test("a check step runs against the demo tenant, announces the result, and branches on it", async () => {
    const { user } = renderApp("/flows/error-500", { strict, demo: demo.access, faults: ["upn-mismatch"] });
    await user.click(await screen.findByRole("button", { name: "Done, next step" }));
    await user.type(await screen.findByRole("textbox"), "megan.bowen@contoso.example");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await user.type(await screen.findByRole("textbox", { name: /UPN/ }), "megan.bowen@contoso.example");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await heading("Compare the user in the workspace with Entra");
    expect(await screen.findByText(/GET \/scim\/v2\/Users\?filter=/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Run check" }));
    const status = screen.getByRole("status", { name: "Check result" });
    await waitFor(() => expect(status).toHaveTextContent(/upn-mismatch/));
    expect(within(status).getByText(/Bearer ••••/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Continue: Stop provisioning in Entra" }));
    expect(await heading("Stop provisioning in Entra")).toHaveFocus();
    expect(screen.getAllByRole("checkbox").length).toBeGreaterThan(0);
  });

  test("a check step always offers the manual way, even with no connection", async () => {
    const { user } = renderApp("/flows/test-connection", { strict, mode: "endpoint" });
    await user.click(await screen.findByRole("button", { name: "Done, next step" }));
    await user.click(await screen.findByRole("button", { name: /No: I saw an error/ }));
    await heading("Check the form of the Tenant URL");
    expect(await screen.findByRole("button", { name: "Run check" })).toBeDisabled();
    expect(screen.getByText("Enter your SCIM base URL first.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: /Skip the live checks/ }));
    expect(await heading("Check that the key is valid")).toBeInTheDocument();
  });

  test("questions, Back and Start over", async () => {
    const { user } = renderApp("/flows/test-connection", { strict, mode: "endpoint" });
    expect(screen.getByRole("button", { name: "Back" })).toBeDisabled();
    await user.click(await screen.findByRole("button", { name: "Done, next step" }));
    await user.click(await screen.findByRole("button", { name: /No: I saw an error/ }));
    await heading("Check the form of the Tenant URL");
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(await heading("Did the connection test succeed?")).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Start over" }));
    expect(await heading("Test the connection in Entra")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Back" })).toBeDisabled();
  });

  test("an outcome asks for feedback and tells the host; a hand-over links to the next guide", async () => {
    const { user, events } = renderApp("/flows/triage", { strict });
    await user.click(await screen.findByRole("button", { name: "I need a new API key (secret token)" }));
    await waitFor(() => expect(events.some((e) => e.type === "outcome")).toBe(true));
    expect(screen.getByRole("link", { name: /Open “Regenerate the SCIM API key/ })).toHaveAttribute(
      "href",
      "/flows/regenerate-key",
    );
    await user.click(screen.getByRole("button", { name: "Yes" }));
    expect(screen.getByText("Thank you for telling us.")).toBeInTheDocument();
    expect(events.at(-1)).toEqual({ type: "feedback", flowId: "triage", stepId: expect.any(String), helpful: true });
    expect(JSON.stringify(events)).not.toMatch(/@/);
  });

  test("an unknown flow explains itself", async () => {
    renderApp("/flows/no-such-flow", { strict });
    expect(await heading("Page not found")).toBeInTheDocument();
    expect(screen.getByText(/no guide called “no-such-flow”/)).toBeInTheDocument();
  });
});
