/**
 * Issue 12, point 6: a page whose storage the browser denies (an embed on another site with
 * third-party cookies and site data blocked: reading `localStorage` or `sessionStorage` throws).
 * The demo tenant still answers (MSW reads localStorage when it loads), and a walk still works,
 * only not restored after a reload.
 */
import { screen, waitFor } from "@testing-library/react";

// Before anything is imported: the denial must already be there when MSW loads.
const reads = vi.hoisted(() => {
  const reads = { denied: 0 };
  for (const name of ["localStorage", "sessionStorage"]) {
    Object.defineProperty(window, name, {
      configurable: true,
      get() {
        reads.denied++;
        throw new DOMException(
          `Failed to read the '${name}' property from 'Window': Access is denied for this document.`,
          "SecurityError",
        );
      },
    });
  }
  return reads;
});

// In the browser MSW is loaded only by the demo's own module; render-app.tsx loads msw/node for
// other tests, so the app's module goes first here, as it does in the page.
await import("../../src/demo/demo-fetch.ts");
const { renderApp } = await import("./render-app.tsx");
const { browserDemoTenant } = await import("../../src/app/demo-access.ts");

describe.each([true, false])("with storage denied (StrictMode: %s)", (strict) => {
  test("the demo tenant's live check runs and shows its result", async () => {
    const { user } = renderApp("/flows/test-connection", { strict, demo: browserDemoTenant() });
    await user.click(await screen.findByRole("button", { name: "Done, next step" }));
    await user.click(await screen.findByRole("button", { name: /No: I saw an error/ }));
    // url-format sends nothing; the probe after it is the demo tenant's request.
    await user.click(await screen.findByRole("button", { name: "Run check" }));
    await user.click(await screen.findByRole("button", { name: /^Continue: Test the connection the way Entra does/ }));
    await screen.findByRole("heading", { level: 1, name: "Test the connection the way Entra does" });
    await user.click(await screen.findByRole("button", { name: "Run check" }));
    await waitFor(() =>
      expect(screen.getByRole("status", { name: "Check result" })).toHaveTextContent("Test connection would succeed"),
    );
  });

  test("a walk moves on and back, and a reload starts it anew instead of failing", async () => {
    const before = reads.denied;
    const first = renderApp("/flows/error-500", { strict });
    await first.user.click(await screen.findByRole("button", { name: "Done, next step" }));
    await first.user.type(await screen.findByRole("textbox", { name: "The user's e-mail address" }), "a@b.example");
    await first.user.click(screen.getByRole("button", { name: "Continue" }));
    expect(await screen.findByRole("heading", { level: 1, name: "What is the user's UPN in Entra?" })).toBeVisible();
    await first.user.click(screen.getByRole("button", { name: "Back" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Which user gets Error 500?" })).toBeVisible();
    first.unmount();
    renderApp("/flows/error-500", { strict });
    expect(await screen.findByRole("heading", { level: 1, name: "Find out what causes Error 500" })).toBeVisible();
    expect(screen.getByRole("button", { name: "Back" })).toBeDisabled();
    // The walk did try to save and to restore: storage was asked and refused, and nothing broke.
    expect(reads.denied).toBeGreaterThan(before);
  });
});
