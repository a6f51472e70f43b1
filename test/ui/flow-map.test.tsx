import { screen, within } from "@testing-library/react";
import { renderApp } from "./render-app.tsx";

beforeEach(() => sessionStorage.clear());

const heading = (name: string | RegExp) => screen.findByRole("heading", { level: 1, name });
const mapOf = (title: string) => screen.findByRole("group", { name: `Map of “${title}”` });
const ERROR_500 = "Error 500 when you first activate SCIM";

test("the article page shows the whole map, each step a link to its place in the article", async () => {
  renderApp("/flows/error-500/article");
  const map = await mapOf(ERROR_500);
  const links = within(map).getAllByRole("link");
  expect(links).toHaveLength(16);
  expect(
    within(map).getByRole("link", {
      name: /^Live check Workspace admin settings Compare the user in the workspace with Entra|^Live check Compare the user in the workspace with Entra/,
    }),
  ).toHaveAttribute("href", "#step-collision");
  expect(within(map).getByRole("link", { name: "Contact support Contact support (Outcome)" })).toBeInTheDocument();
  expect(screen.getByRole("link", { name: "Download the map (SVG)" })).toHaveAttribute("href", "/maps/error-500.svg");
});

test("the wizard's Map shows the path taken, marks the current step, and goes back from a visited node", async () => {
  const { user } = renderApp("/flows/error-500");
  await user.click(await screen.findByRole("button", { name: "Done, next step" }));
  await user.type(await screen.findByRole("textbox"), "megan.bowen@contoso.example");
  await user.click(screen.getByRole("button", { name: "Continue" }));
  await heading("What is the user's UPN in Entra?");

  const toggle = screen.getByRole("button", { name: "Map" });
  expect(toggle).toHaveAttribute("aria-expanded", "false");
  await user.click(toggle);
  expect(toggle).toHaveAttribute("aria-expanded", "true");
  const map = await mapOf(ERROR_500);
  // Only the steps behind the admin are links; the current one is marked, the rest are not stops.
  expect(
    within(map)
      .getAllByRole("link")
      .map((l) => l.getAttribute("aria-label")),
  ).toEqual([
    "Step Entra admin center Find out what causes Error 500 (visited, go back to this step)",
    "Input Which user gets Error 500? (visited, go back to this step)",
  ]);
  expect(map.querySelector(".map-here")?.getAttribute("data-step")).toBe("entra-upn");
  expect([...map.querySelectorAll(".map-taken")].map((e) => e.getAttribute("data-edge"))).toEqual([
    "about next",
    "user-mail next",
  ]);
  const path = screen.getByRole("list", { name: "Path taken" });
  expect(
    within(path)
      .getAllByRole("listitem")
      .map((li) => li.textContent),
  ).toEqual([
    "Find out what causes Error 500",
    "Which user gets Error 500?",
    "What is the user's UPN in Entra? (you are here)",
  ]);

  await user.click(within(map).getByRole("link", { name: /^Input Which user gets Error 500\?/ }));
  expect(await heading("Which user gets Error 500?")).toBeInTheDocument();
  // The map stays open and follows the walk: the cut decisions are no longer highlighted.
  const after = await mapOf(ERROR_500);
  expect(after.querySelector(".map-here")?.getAttribute("data-step")).toBe("user-mail");
  expect([...after.querySelectorAll(".map-taken")].map((e) => e.getAttribute("data-edge"))).toEqual(["about next"]);
});

test("the path list goes back too, by keyboard", async () => {
  const { user } = renderApp("/flows/error-500");
  await user.click(await screen.findByRole("button", { name: "Done, next step" }));
  await heading("Which user gets Error 500?");
  await user.click(screen.getByRole("button", { name: "Map" }));
  const back = await screen.findByRole("button", { name: "Find out what causes Error 500" });
  back.focus();
  await user.keyboard("{Enter}");
  expect(await heading("Find out what causes Error 500")).toBeInTheDocument();
});

test("the Map announces the path when it opens and again after going back", async () => {
  const { user } = renderApp("/flows/error-500");
  await user.click(await screen.findByRole("button", { name: "Done, next step" }));
  await screen.findByRole("heading", { level: 1, name: "Which user gets Error 500?" });
  await user.click(screen.getByRole("button", { name: "Map" }));
  expect(await screen.findByText("Path taken: 2 steps, you are at “Which user gets Error 500?”.")).toBeInTheDocument();
  await user.click(await screen.findByRole("button", { name: "Find out what causes Error 500" }));
  expect(
    await screen.findByText("Path taken: 1 step, you are at “Find out what causes Error 500”."),
  ).toBeInTheDocument();
});
