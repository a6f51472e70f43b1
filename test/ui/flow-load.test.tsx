import { screen } from "@testing-library/react";
import { renderApp } from "./render-app.tsx";

// The flow chunks, with a switch that makes fetching them fail as offline would.
const network = vi.hoisted(() => ({ offline: false, fetches: 0 }));
vi.mock("virtual:flow-loaders", async (original) => {
  const { loaders } = await original<typeof import("virtual:flow-loaders")>();
  const failing = Object.fromEntries(
    Object.entries(loaders).map(([id, load]) => [
      id,
      () => {
        network.fetches++;
        return network.offline ? Promise.reject(new TypeError("Failed to fetch dynamically imported module")) : load();
      },
    ]),
  );
  return { loaders: failing };
});

const heading = (name: string) => screen.findByRole("heading", { level: 1, name });

describe.each([
  [true, "/flows/deletion", "deletion"],
  [false, "/flows/user-scope/article", "user-scope"],
])("a flow whose chunk cannot be fetched (StrictMode: %s, %s)", (strict, path) => {
  test("says so, and Try again fetches it anew", async () => {
    network.offline = true;
    const { user } = renderApp(path, { strict });
    expect(await heading("This guide could not be loaded")).toBeInTheDocument();
    const fetches = network.fetches;
    network.offline = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { level: 1 })).not.toHaveTextContent("could not be loaded");
    expect(network.fetches).toBe(fetches + 1);
  });
});

test("an embed says so too, and a flow already here renders without a loading state", async () => {
  network.offline = true;
  const first = renderApp("/embed/regenerate-key", { strict: false });
  expect(await heading("This guide could not be loaded")).toBeInTheDocument();
  network.offline = false;
  await first.user.click(screen.getByRole("button", { name: "Try again" }));
  await screen.findByRole("button", { name: "Back" });
  first.unmount();
  renderApp("/embed/regenerate-key", { strict: false });
  // Loaded once, the flow is there on the first commit: no "Loading…" in between.
  expect(screen.queryByText("Loading…")).toBeNull();
  expect(await screen.findByRole("button", { name: "Back" })).toBeInTheDocument();
});

test("a guide whose chunk failed is fetched anew on the next visit", async () => {
  network.offline = true;
  const first = renderApp("/flows/test-connection", { strict: false });
  expect(await heading("This guide could not be loaded")).toBeInTheDocument();
  network.offline = false;
  first.unmount(); // the admin goes elsewhere, and comes back later in the same tab
  const fetches = network.fetches;
  renderApp("/flows/test-connection", { strict: false });
  expect(await screen.findByRole("button", { name: "Back" })).toBeInTheDocument();
  expect(network.fetches).toBe(fetches + 1);
});
