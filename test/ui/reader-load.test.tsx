import { screen } from "@testing-library/react";
import { allFlows } from "../../src/ui/flows/flow-list.ts";
import { saveWalk } from "../../src/ui/share/saved-walk.ts";
import { encodeShare } from "../../src/ui/share/share-link.ts";
import { renderApp } from "./render-app.tsx";

// The readers of a saved walk and of a share link are chunks of their own: here they fail to
// arrive, as offline or after a redeploy, until `network.offline` is switched off.
const network = vi.hoisted(() => ({ offline: false, imports: 0 }));
const failWhileOffline = async <T,>(load: () => Promise<T>): Promise<T> => {
  network.imports++;
  if (network.offline) throw new TypeError("Failed to fetch dynamically imported module");
  return load();
};
vi.mock("../../src/ui/share/saved-walk-schema.ts", async (original) => failWhileOffline(() => original()));
vi.mock("../../src/ui/share/share-payload.ts", async (original) => failWhileOffline(() => original()));

const flow = allFlows.find((f) => f.id === "error-500");
if (!flow) throw new Error("error-500 flow missing");
const KEY = "scim-troubleshooter:walk:error-500";
beforeEach(() => sessionStorage.clear());

test("a saved walk whose reader does not arrive: the page says so, keeps the walk, and Try again restores it", async () => {
  saveWalk(flow, [{ step: "about", kind: "next" }]);
  const saved = sessionStorage.getItem(KEY);
  network.offline = true;
  const { user } = renderApp("/flows/error-500", { strict: false });
  expect(await screen.findByRole("heading", { level: 1, name: "This guide could not be loaded" })).toBeInTheDocument();
  const attempts = network.imports;
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(network.imports).toBe(attempts); // no import loop while the page shows the failure
  expect(sessionStorage.getItem(KEY)).toBe(saved);
  network.offline = false;
  await user.click(screen.getByRole("button", { name: "Try again" }));
  expect(await screen.findByRole("heading", { level: 1, name: "Which user gets Error 500?" })).toBeInTheDocument();
});

test("a share link whose reader does not arrive is not called broken: the page offers Try again", async () => {
  const link = encodeShare(flow, [{ step: "about", kind: "next" }], true);
  network.offline = true;
  const { user } = renderApp(`/flows/error-500?s=${link}`, { strict: false });
  expect(await screen.findByRole("heading", { level: 1, name: "This guide could not be loaded" })).toBeInTheDocument();
  expect(screen.queryByText("This link cannot be opened")).toBeNull();
  network.offline = false;
  await user.click(screen.getByRole("button", { name: "Try again" }));
  expect(await screen.findByRole("heading", { level: 1, name: "Which user gets Error 500?" })).toBeInTheDocument();
});
