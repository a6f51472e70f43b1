// @vitest-environment node
/**
 * Issue 12's must-show for point 2: against a server that echoes the Authorization header it got
 * into every kind of answer (a long SCIM detail, an HTML page, a JSON body, a header-sized error),
 * no 16-character piece of the token (the whole token, when it is shorter) appears in anything the
 * doctor prints (text and --json) or in the wizard's check results and summary, for tokens of 8 to
 * 200 characters.
 */

import { runCheck } from "../../src/checks/run.ts";
import { ERROR_URN } from "../../src/checks/scim-urls.ts";
import { main } from "../../src/cli/doctor.ts";
import type { Decision } from "../../src/engine/session.ts";
import { allFlows } from "../../src/ui/flows/flow-list.ts";
import { buildTranscript } from "../../src/ui/share/transcript.ts";
import { type Echo, echoServer, expectNoPiece, tokenOf } from "./echo-server.ts";

/** Each path prefix answers in another way, every one quoting the header it received. */
const ECHOES: Record<string, Echo> = {
  detail: (echo) => ({
    status: 400,
    type: "application/scim+json",
    body: JSON.stringify({ schemas: [ERROR_URN], scimType: "invalidFilter", detail: `${"x".repeat(285)} ${echo}` }),
  }),
  html: (echo) => ({
    status: 500,
    type: "text/html",
    body: `<html><body>${"word ".repeat(27)} ${echo} end</body></html>`,
  }),
  json: (echo) => ({
    status: 200,
    type: "application/json",
    body: JSON.stringify({ youSent: echo, padding: "y".repeat(400) }),
  }),
  text: (echo) => ({ status: 401, type: "text/plain", body: `denied: ${echo}` }),
};

const server = echoServer(ECHOES, "text");

const LENGTHS = [8, 12, 16, 17, 24, 40, 64, 100, 160, 200];

describe.each(LENGTHS)("a token of %i characters", (length) => {
  const token = tokenOf(length);

  test.each(Object.keys(ECHOES))("echoed as %s: nothing the doctor prints holds a piece of it", async (kind) => {
    for (const json of [false, true]) {
      const lines: string[] = [];
      await main(["--url", `${server.origin()}/${kind}/scim/v2`, "--timeout-ms", "2000", ...(json ? ["--json"] : [])], {
        env: { SCIM_TOKEN: token },
        out: (text) => lines.push(text),
        err: (text) => lines.push(text),
      });
      expect(lines.join("\n").length).toBeGreaterThan(0);
      expectNoPiece(lines.join("\n"), token, json ? "doctor --json" : "doctor");
    }
  });

  test.each(Object.keys(ECHOES))("echoed as %s: the wizard's results and summary hold no piece of it", async (kind) => {
    const result = await runCheck(
      "test-connection",
      { baseUrl: `${server.origin()}/${kind}/scim/v2`, token },
      {},
      { timeoutMs: 2000 },
    );
    expectNoPiece(JSON.stringify(result), token, "check result");
    const flow = allFlows.find((f) => f.id === "test-connection");
    if (!flow) throw new Error("no test-connection flow");
    const check = flow.steps.find((s) => s.kind === "check");
    if (!check) throw new Error("no check step");
    const decisions: Decision[] = [{ step: check.id, kind: "check", outcome: result.outcome, result }];
    const summary = buildTranscript({
      flow,
      decisions,
      currentStep: check.id,
      includeAnswers: true,
      date: new Date(),
      appVersion: "test",
    });
    expectNoPiece(summary, token, "summary");
  });
});
