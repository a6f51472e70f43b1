import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Link, MemoryRouter, Route, Routes } from "react-router";
import { AppErrorBoundary } from "../../src/app/error-boundary.tsx";
import { messages } from "../../src/ui/messages/messages.ts";

const secret = "Bearer s3cr3t-token-value";

function Broken(): never {
  throw Object.assign(new Error("the page broke"), { request: { headers: { authorization: secret } } });
}

test("a broken page shows a way on, logs the message only, and navigating away recovers", async () => {
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  render(
    <MemoryRouter initialEntries={["/broken"]}>
      <AppErrorBoundary>
        <Link to="/fine">elsewhere</Link>
        <Routes>
          <Route path="/broken" element={<Broken />} />
          <Route path="/fine" element={<h1>Fine</h1>} />
        </Routes>
      </AppErrorBoundary>
      <Link to="/fine">away</Link>
    </MemoryRouter>,
  );
  expect(screen.getByRole("heading", { name: messages.error.heading })).toBeInTheDocument();
  const ours = logged.mock.calls.filter((call) => String(call[0]).startsWith("SCIM Troubleshooter"));
  expect(ours).toEqual([["SCIM Troubleshooter: unexpected error:", "the page broke"]]);
  expect(JSON.stringify(ours)).not.toContain(secret);
  await userEvent.click(screen.getByRole("link", { name: "away" }));
  expect(await screen.findByRole("heading", { name: "Fine" })).toBeInTheDocument();
  logged.mockRestore();
});
