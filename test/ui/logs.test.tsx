import { screen, waitFor, within } from "@testing-library/react";
import { graphEntry, SCIM } from "../logs/log-fixtures.ts";
import { renderApp } from "./render-app.tsx";

const UPN = "jan.devries@fabrikam.example";
const log = () =>
  JSON.stringify({
    value: [
      graphEntry({ status: "failure", code: `${SCIM}EntryConflict`, upn: UPN, name: "Jan de Vries" }),
      graphEntry({ status: "failure", code: `${SCIM}BrandNewCode`, reason: "SYNTHETIC: HTTP 418" }),
      graphEntry({ status: "skipped", action: "other", skipReason: "NotEffectivelyEntitled", name: "Kees" }),
      graphEntry({ status: "success", action: "update" }),
    ],
  });
const file = (text: string, name = "ProvisioningLogs.json") => new File([text], name, { type: "application/json" });

beforeEach(() => sessionStorage.clear());

/**
 * Clicks a link that navigates, outside act(): the guide it opens renders its check step, whose
 * view is a lazy chunk, and a render that suspends inside the synchronous act() of a test click is
 * parked for good (see readTracked in src/ui/tracked-promise.ts). In a browser, and here, the
 * route then renders once the chunk is in.
 */
async function followOutsideAct(link: HTMLElement): Promise<void> {
  const previous = (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT;
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  try {
    link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, button: 0 }));
    await new Promise((resolve) => setTimeout(resolve, 0));
  } finally {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = previous;
  }
}

describe.each([true, false])("the provisioning-log reader (StrictMode: %s)", (strict) => {
  test("a picked file shows totals, the groups, unknown codes and skips; nothing personal in the URL", async () => {
    const { user, location } = renderApp("/logs", { strict });
    await user.upload(await screen.findByLabelText("Provisioning log file (JSON or CSV)"), file(log()));
    expect(await screen.findByText("Read 4 entries.")).toBeInTheDocument();
    const byStatus = screen.getByRole("table", { name: "Entries by status" });
    expect(within(byStatus).getByRole("row", { name: "Failure 2" })).toBeInTheDocument();
    expect(within(byStatus).getByRole("row", { name: "Skipped 1" })).toBeInTheDocument();
    const conflict = screen.getByRole("region", { name: "The user already exists in the workspace" });
    expect(within(conflict).getByText(/Jan de Vries/)).toBeInTheDocument();
    expect(within(conflict).getByText(`${SCIM}EntryConflict`)).toBeInTheDocument();
    const unknown = screen.getByRole("region", { name: `${SCIM}BrandNewCode` });
    expect(within(unknown).getByText("SYNTHETIC: HTTP 418")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Not assigned or out of scope" })).toBeInTheDocument();
    expect(location()).toBe("/logs");
  });

  test("a group's button opens the Error 500 guide at its UPN check, the UPN filled in and not in the link", async () => {
    const { user, location } = renderApp("/logs", { strict });
    await user.upload(await screen.findByLabelText("Provisioning log file (JSON or CSV)"), file(log()));
    const conflict = await screen.findByRole("region", { name: "The user already exists in the workspace" });
    const open = await within(conflict).findByRole("link", {
      name: `Open “Error 500 when you first activate SCIM” for ${UPN}`,
    });
    expect(open.getAttribute("href")).not.toContain("fabrikam");
    expect(atob((open.getAttribute("href") ?? "").split("?s=")[1].replace(/-/g, "+").replace(/_/g, "/"))).not.toContain(
      "fabrikam",
    );
    await followOutsideAct(open);
    await screen.findByRole("heading", { level: 1, name: "Compare the user in the workspace with Entra" });
    expect(location()).toBe("/flows/error-500");
    await user.click(screen.getByRole("button", { name: "Back" }));
    expect(await screen.findByRole("textbox", { name: "User principal name (UPN) in Entra" })).toHaveValue(UPN);
  });

  test("with “include my answers” ticked, the link itself carries the UPN", async () => {
    const { user } = renderApp("/logs", { strict });
    await user.click(await screen.findByRole("checkbox", { name: /Include my answers/ }));
    await user.upload(screen.getByLabelText("Provisioning log file (JSON or CSV)"), file(log()));
    const open = await screen.findByRole("link", { name: new RegExp(`for ${UPN.replace(".", "\\.")}`) });
    const payload = atob((open.getAttribute("href") ?? "").split("?s=")[1].replace(/-/g, "+").replace(/_/g, "/"));
    expect(payload).toContain(UPN);
  });

  test("bad input gets a clear message: a cut-off file, a CSV with unknown columns, pasted text that is not a log", async () => {
    const { user } = renderApp("/logs", { strict });
    const picker = await screen.findByLabelText("Provisioning log file (JSON or CSV)");
    await user.upload(picker, file(log().slice(0, 200)));
    // Each read replaces the alert of the one before (wait for the new words, not for an alert),
    // then takes focus to what it found, so that it is read next.
    const alertSays = async (words: RegExp) => {
      await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent(words));
      await waitFor(() => expect(screen.getByRole("alert").parentElement).toHaveFocus());
    };
    await alertSays(/cut off or broken/);
    await user.upload(picker, file("Name,Colour\nJan,blue\n", "x.csv"));
    await alertSays(/not recognised \(found: Name, Colour\).*Status/);
    await user.type(screen.getByRole("textbox", { name: /Or paste the log/ }), "hello there");
    await user.click(screen.getByRole("button", { name: "Read the pasted log" }));
    await alertSays(/not a provisioning log/);
  });

  test("Copy summary leaves names and UPNs out unless included", async () => {
    const { user } = renderApp("/logs", { strict });
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await user.upload(await screen.findByLabelText("Provisioning log file (JSON or CSV)"), file(log()));
    await user.click(await screen.findByRole("button", { name: "Copy summary for support" }));
    expect(await screen.findByText("Summary copied.")).toBeInTheDocument();
    const summary = String((writeText.mock.calls[0] as unknown[])[0]);
    expect(summary).toContain(`${SCIM}EntryConflict`);
    expect(summary).toContain(`${SCIM}BrandNewCode`);
    expect(summary).not.toContain("fabrikam");
    expect(summary).not.toContain("Jan de Vries");
  });
});

test("a group that names no user still offers its guide", async () => {
  const { user } = renderApp("/logs");
  const bare = {
    provisioningAction: "create",
    provisioningStatusInfo: { status: "failure", errorInformation: { errorCode: `${SCIM}EntryConflict` } },
  };
  await user.upload(await screen.findByLabelText("Provisioning log file (JSON or CSV)"), file(JSON.stringify([bare])));
  const group = await screen.findByRole("region", { name: "The user already exists in the workspace" });
  expect(within(group).getByText("The entries name no user.")).toBeInTheDocument();
  expect(
    await within(group).findByRole("link", {
      name: "Open “Error 500 when you first activate SCIM” at the step that fixes it",
    }),
  ).toBeInTheDocument();
});

test("the catalogue links to the reader", async () => {
  renderApp("/");
  expect(await screen.findByRole("link", { name: "Read Entra's provisioning logs" })).toHaveAttribute("href", "/logs");
});
