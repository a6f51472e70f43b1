import { screen } from "@testing-library/react";
import { parseEmbedMessage } from "../../src/embed-loader/protocol.ts";
import { demoTenantForTests, renderApp } from "./render-app.tsx";

const demo = demoTenantForTests();
const posted: unknown[] = [];
const realParent = window.parent;
beforeAll(() => {
  // Pretend to be framed: the host page is a stub that records what it receives.
  Object.defineProperty(window, "parent", {
    configurable: true,
    value: { postMessage: (message: unknown) => posted.push(structuredClone(message)) },
  });
});
afterAll(() => Object.defineProperty(window, "parent", { configurable: true, value: realParent }));
beforeEach(() => {
  posted.length = 0;
  document.documentElement.removeAttribute("data-theme");
});

describe.each([true, false])("embed route (StrictMode: %s)", (strict) => {
  test("opens at the start step with the host's theme, no site chrome and no share link", async () => {
    renderApp("/embed/error-500?accent=%23aa0000&theme=dark&compact=1&start=compare", { strict });
    expect(await screen.findByRole("heading", { level: 1, name: "Are the UPNs different?" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Share link" })).toBeNull();
    expect(screen.queryByRole("link", { name: "SCIM Troubleshooter" })).toBeNull();
    expect(screen.getByRole("button", { name: "Back" })).toBeEnabled();
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect(document.documentElement.style.getPropertyValue("--accent")).toBe("#aa0000");
    expect(document.documentElement).toHaveClass("compact");
    expect(screen.getByRole("link", { name: /Open in the full troubleshooter/ })).toHaveAttribute(
      "href",
      "/flows/error-500",
    );
  });

  test("tells the host about steps, outcomes and feedback, in the loader's protocol, with no personal answer", async () => {
    const { user } = renderApp("/embed/error-500", { strict });
    await user.click(await screen.findByRole("button", { name: "Done, next step" }));
    await user.type(await screen.findByRole("textbox"), "megan.bowen@contoso.example");
    await user.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", { level: 1, name: "What is the user's UPN in Entra?" });
    const wizardEvents = posted.filter((m) => (m as { type?: string }).type !== "resize");
    expect(wizardEvents.length).toBeGreaterThanOrEqual(2);
    for (const message of wizardEvents) expect(parseEmbedMessage(message)).toEqual(message);
    expect(wizardEvents).toContainEqual({
      scimTroubleshooter: 1,
      type: "step",
      flowId: "error-500",
      stepId: "entra-upn",
      stepKind: "input",
    });
    expect(JSON.stringify(posted)).not.toContain("megan");
  });

  test("the demo tenant is off unless the host allows it", async () => {
    renderApp("/embed/test-connection?start=probe", { strict, demo: demo.access });
    await screen.findByRole("heading", { level: 1, name: "Test the connection the way Entra does" });
    expect(await screen.findByRole("radio", { name: "My SCIM endpoint" })).toBeChecked();
    expect(screen.queryByRole("radio", { name: /Demo tenant/ })).toBeNull();
  });

  test("with demo=1 the demo tenant is offered", async () => {
    renderApp("/embed/test-connection?start=probe&demo=1", { strict, demo: demo.access });
    await screen.findByRole("heading", { level: 1, name: "Test the connection the way Entra does" });
    expect(await screen.findByRole("radio", { name: /Demo tenant/ })).toBeChecked();
  });

  test("/embed shows the catalogue, its links staying in the embed", async () => {
    renderApp("/embed?theme=light", { strict });
    expect(await screen.findByRole("link", { name: "Error 500 when you first activate SCIM" })).toHaveAttribute(
      "href",
      "/embed/error-500?theme=light",
    );
  });
});
