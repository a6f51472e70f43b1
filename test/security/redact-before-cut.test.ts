// @vitest-environment node
/**
 * Issue 12, point 2: a server that echoes the Authorization header into a long SCIM `detail` or
 * an HTML page must not get a piece of the token into a result. Bodies are redacted before they
 * are cut to length (a detail to 300 characters, a summary to 160), and a summary without
 * answers leaves out an address even when evidence cut it short, and says which check outcomes
 * were run in this browser.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { runCheck } from "../../src/checks/run.ts";
import { ERROR_URN } from "../../src/checks/scim-urls.ts";
import type { CheckResult } from "../../src/checks/types.ts";
import type { Decision } from "../../src/engine/session.ts";
import { allFlows } from "../../src/ui/flows/flow-list.ts";
import { buildTranscript } from "../../src/ui/share/transcript.ts";
import { serverErrorResult, TOKEN } from "../checks/helpers.ts";

let server: Server;
let baseUrl: string;

/** Answers as a server that quotes the header it received, so that a cut lands inside the key. */
beforeAll(async () => {
  server = createServer((req, res) => {
    const echo = req.headers.authorization ?? "";
    if (req.url?.startsWith("/detail/")) {
      res.writeHead(400, { "content-type": "application/scim+json" });
      res.end(
        JSON.stringify({ schemas: [ERROR_URN], scimType: "invalidFilter", detail: `${"x".repeat(285)} ${echo}` }),
      );
    } else {
      res.writeHead(500, { "content-type": "text/html" });
      res.end(`<html><head><title>Error</title></head><body>${"word ".repeat(27)} ${echo} end</body></html>`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Every run of six characters of the token: none may appear anywhere in what leaves the check. */
function expectNoPieceOfToken(result: CheckResult) {
  const text = JSON.stringify(result);
  for (let i = 0; i + 6 <= TOKEN.length; i++) expect(text, TOKEN.slice(i, i + 6)).not.toContain(TOKEN.slice(i, i + 6));
}

it.each([
  ["a SCIM detail longer than 300 characters", "/detail/scim/v2"],
  ["an HTML page summarised to 160 characters", "/html/scim/v2"],
])("an echoed key in %s leaves no piece of itself in the result", async (_what, path) => {
  const result = await runCheck(
    "test-connection",
    { baseUrl: `${baseUrl}${path}`, token: TOKEN },
    {},
    { timeoutMs: 3000 },
  );
  expect(result.evidence.some((e) => (e.detail ?? e.bodySummary ?? "").includes("••••"))).toBe(true);
  expectNoPieceOfToken(result);
});

it("a summary without answers leaves out an address that evidence cut short", () => {
  const flow = allFlows.find((f) => f.id === "error-500");
  if (!flow) throw new Error("error-500 flow missing");
  const check = flow.steps.find((s) => s.kind === "check");
  if (!check) throw new Error("no check step");
  const summary = buildTranscript({
    flow,
    decisions: [
      {
        step: check.id,
        kind: "check",
        outcome: "server-error",
        result: serverErrorResult(`${"x".repeat(40)} owned by jane.doe@contoso.e…`),
      },
    ],
    currentStep: check.id,
    includeAnswers: false,
    date: new Date(0),
    appVersion: "test",
  });
  expect(summary).not.toContain("jane.doe");
  expect(summary).not.toContain("@contoso");
});

it("a summary says which check outcomes were run in this browser and which only came from a link (issue 12 point 4)", () => {
  const flow = allFlows.find((f) => f.id === "error-500");
  const check = flow?.steps.find((s) => s.kind === "check");
  if (!flow || !check) throw new Error("error-500 has no check step");
  const summarise = (decision: Decision) =>
    buildTranscript({
      flow,
      decisions: [decision],
      currentStep: check.id,
      includeAnswers: false,
      date: new Date(0),
      appVersion: "test",
    });
  const claimed = summarise({ step: check.id, kind: "check", outcome: "pass" });
  expect(claimed).toContain("→ **pass** (from a shared link, not run in this browser)");
  const seen = summarise({ step: check.id, kind: "check", outcome: "pass", result: { outcome: "pass" } });
  expect(seen).toContain("→ **pass** (run in this browser)");
});
