import { screen, waitFor } from "@testing-library/react";
import { DEMO_BASE_URL, DEMO_TOKEN } from "../../src/demo/constants.ts";
import { demoTenantForTests, renderApp } from "./render-app.tsx";

const demo = demoTenantForTests();
beforeAll(() => demo.server.listen({ onUnhandledRequest: "error" }));
afterAll(() => demo.server.close());
beforeEach(() => sessionStorage.clear());

const MAIL = "megan.bowen@contoso.example";
/** A whole walk typed key by key with a check run: seconds on a loaded machine, not a timing goal. */
const WALK_TIMEOUT_MS = 20_000;

/** Walks error-500 to its check with the admin's own endpoint and token, runs it and moves on. */
async function walkWithToken(strict: boolean) {
  const logged: string[] = [];
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args) => void logged.push(args.map(String).join(" ")));
  }
  const app = renderApp("/flows/error-500", { strict, demo: demo.access, mode: "endpoint" });
  demo.tenant.reset(["upn-mismatch"]);
  const { user } = app;
  await user.click(await screen.findByRole("button", { name: "Done, next step" }));
  await user.type(await screen.findByRole("textbox"), MAIL);
  await user.click(screen.getByRole("button", { name: "Continue" }));
  await user.type(await screen.findByRole("textbox", { name: /UPN/ }), MAIL);
  await user.click(screen.getByRole("button", { name: "Continue" }));
  await user.click(await screen.findByRole("radio", { name: "My SCIM endpoint" }));
  await user.type(screen.getByLabelText("SCIM base URL (Tenant URL)"), DEMO_BASE_URL);
  await user.type(screen.getByLabelText("Secret token"), DEMO_TOKEN);
  await user.click(screen.getByRole("button", { name: "Run check" }));
  await waitFor(() => expect(screen.getByRole("status", { name: "Check result" })).toHaveTextContent("upn-mismatch"));
  await user.click(screen.getByRole("button", { name: "Continue: Stop provisioning in Entra" }));
  await screen.findByRole("heading", { level: 1, name: "Stop provisioning in Entra" });
  return { ...app, logged };
}

describe.each([true, false])("summary and secrets (StrictMode: %s)", (strict) => {
  afterEach(() => vi.restoreAllMocks());

  test(
    "Copy summary holds flow, date, version, steps, choices and evidence, but no token and no e-mail",
    async () => {
      const { user, logged, location } = await walkWithToken(strict);
      await user.click(screen.getByRole("button", { name: "Copy summary" }));
      expect(await screen.findByText("Summary copied to the clipboard.")).toBeInTheDocument();
      const text = await navigator.clipboard.readText();
      expect(text).toContain("# SCIM Troubleshooter: Error 500 when you first activate SCIM");
      expect(text).toMatch(/- Date: \d{4}-\d\d-\d\dT/);
      expect(text).toMatch(/- App version: \d+\.\d+\.\d+/);
      expect(text).toContain("**Find out what causes Error 500**");
      expect(text).toContain("live check `upn-collision` → **upn-mismatch**");
      expect(text).toMatch(/`GET \/scim\/v2\/Users\?filter=[^`]+` \(Authorization: Bearer ••••\) → 200/);
      expect(text).toContain("(left out)");
      expect(text, text).not.toContain(MAIL);
      // Nor the other user the workspace holds under that address (the mismatching userName).
      expect(text).not.toMatch(/@contoso\.example|%40contoso/i);
      expect(text).not.toContain(DEMO_TOKEN);
      // Nowhere else either: storage, the URL, the console.
      expect(JSON.stringify({ ...sessionStorage })).not.toContain(DEMO_TOKEN);
      expect(JSON.stringify({ ...localStorage })).not.toContain(DEMO_TOKEN);
      expect(location()).not.toContain(DEMO_TOKEN);
      expect(logged.join("\n")).not.toContain(DEMO_TOKEN);
      expect(document.body.innerHTML).not.toContain(DEMO_TOKEN);
    },
    WALK_TIMEOUT_MS,
  );

  test(
    "with 'include my answers' the summary shows the e-mail, still never the token",
    async () => {
      const { user } = await walkWithToken(strict);
      await user.click(screen.getByRole("checkbox", { name: /Include my answers/ }));
      await user.click(screen.getByRole("button", { name: "Copy summary" }));
      await screen.findByText("Summary copied to the clipboard.");
      const text = await navigator.clipboard.readText();
      expect(text).toContain(`\`${MAIL}\``);
      expect(text).not.toContain(DEMO_TOKEN);
    },
    WALK_TIMEOUT_MS,
  );

  test("Forget token empties the token field", async () => {
    const app = renderApp("/flows/test-connection", { strict, mode: "endpoint" });
    await app.user.click(await screen.findByRole("button", { name: "Done, next step" }));
    await app.user.click(await screen.findByRole("button", { name: /No: I saw an error/ }));
    await app.user.type(await screen.findByLabelText("Secret token"), "s3cret-token-value");
    await app.user.click(screen.getByRole("button", { name: "Forget token" }));
    expect(screen.getByLabelText("Secret token")).toHaveValue("");
    expect(screen.getByText("Token forgotten.")).toBeInTheDocument();
  });
});
