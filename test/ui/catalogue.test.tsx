import { screen, within } from "@testing-library/react";
import { renderApp } from "./render-app.tsx";

describe.each([true, false])("catalogue (StrictMode: %s)", (strict) => {
  test("lists every scenario with title, summary and symptoms, and a start-here entry", async () => {
    renderApp("/", { strict });
    expect(await screen.findByRole("heading", { level: 1, name: "What went wrong?" })).toBeInTheDocument();
    const titles = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(titles).toEqual(
      expect.arrayContaining([
        "Test connection failed",
        "Error 500 when you first activate SCIM",
        "Regenerate the SCIM API key (secret token)",
      ]),
    );
    expect(titles).toHaveLength(5);
    expect(screen.getByRole("link", { name: /Not sure\? Start here/ })).toHaveAttribute("href", "/flows/triage");
  });

  test.each([
    ["500", "Error 500 when you first activate SCIM"],
    ["UPN", "Error 500 when you first activate SCIM"],
    ["secret token", "Regenerate the SCIM API key (secret token)"],
    ["deleted", "Deleted users or groups stay in the workspace"],
    ["scope", "Limit which users and groups are synced (user scope)"],
    ["invalid credentials", "Test connection failed"],
    ["secrte tokn", "Regenerate the SCIM API key (secret token)"],
    [
      "We encountered an error while updating provisioning configuration",
      "Limit which users and groups are synced (user scope)",
    ],
  ])("searching %j finds %j first", async (query, title) => {
    const { user } = renderApp("/", { strict });
    await user.type(await screen.findByRole("searchbox", { name: "Search problems and error messages" }), query);
    await screen.findByText(/guides? match/);
    const cards = screen.getAllByRole("listitem").filter((li) => within(li).queryByRole("heading"));
    expect(within(cards[0]).getByRole("heading").textContent).toBe(title);
    expect(screen.getByRole("status")).toHaveTextContent(/match/);
  });

  test("a search with no hit says so", async () => {
    const { user } = renderApp("/", { strict });
    await user.type(await screen.findByRole("searchbox"), "kubernetes helm chart");
    expect(await screen.findByText(/No guide matches/)).toBeInTheDocument();
  });
});
