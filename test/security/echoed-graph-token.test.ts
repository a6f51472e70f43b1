// @vitest-environment node
/**
 * Issue 14: the Graph token follows the key's rule. Against a Graph that echoes the Authorization
 * header it got into every kind of answer (a Graph error, an HTML page, a job, log entries, an
 * application's name), no 16-character piece of the token (the whole token, when it is shorter)
 * appears in a check's result, in what the reads return (the log text for /logs included), or in
 * anything the doctor prints, as text or --json, for tokens of 8 to 200 characters.
 */

import { findServicePrincipals, readProvisioningLogs } from "../../src/checks/graph-reads.ts";
import { runCheck } from "../../src/checks/run.ts";
import { main } from "../../src/cli/doctor.ts";
import { type Echo, echoServer, expectNoPiece, tokenOf } from "./echo-server.ts";

const APP = "3f9c2a4e-6b1d-4c8e-9a7f-1d2e3c4b5a61";

/** Each first path segment echoes in another way. */
const ECHOES: Record<string, Echo> = {
  error: (echo) => ({
    status: 401,
    type: "application/json",
    body: JSON.stringify({ error: { code: "InvalidAuthenticationToken", message: `${"x".repeat(280)} ${echo}` } }),
  }),
  html: (echo) => ({
    status: 500,
    type: "text/html",
    body: `<html><body>${"word ".repeat(27)} ${echo} end</body></html>`,
  }),
  data: (echo, path) => {
    const logs = path.includes("auditLogs");
    const jobs = path.includes("/jobs");
    const value = logs
      ? [{ provisioningStatusInfo: { status: "failure", errorInformation: { errorCode: echo, reason: echo } } }]
      : jobs
        ? [{ id: echo, status: { code: "Quarantine", quarantine: { reason: echo, error: { message: echo } } } }]
        : [{ id: APP, displayName: echo, appId: echo }];
    return { status: 200, type: "application/json", body: JSON.stringify({ value }) };
  },
};

const server = echoServer(ECHOES, "error");

const LENGTHS = [8, 16, 17, 40, 100, 200];

describe.each(LENGTHS)("a Graph token of %i characters", (length) => {
  const token = tokenOf(length);

  test.each(Object.keys(ECHOES))(
    "echoed as %s: no piece of it in results, reads or the doctor's output",
    async (kind) => {
      const baseUrl = `${server.origin()}/${kind}/v1.0`;
      const target = { baseUrl, token, servicePrincipalId: APP };
      for (const check of ["job-status", "provisioning-logs"]) {
        expectNoPiece(JSON.stringify(await runCheck(check, target, {}, { timeoutMs: 2000 })), token, `${check} result`);
      }
      expectNoPiece(JSON.stringify(await readProvisioningLogs(target)), token, "readProvisioningLogs");
      expectNoPiece(JSON.stringify(await findServicePrincipals(target, "Work")), token, "findServicePrincipals");
      expectNoPiece(JSON.stringify(await findServicePrincipals(target, APP)), token, "findServicePrincipals by id");
      for (const json of [false, true]) {
        const lines: string[] = [];
        await main(["--graph-url", baseUrl, "--service-principal", APP, ...(json ? ["--json"] : [])], {
          env: { GRAPH_TOKEN: token },
          out: (text) => lines.push(text),
          err: (text) => lines.push(text),
        });
        expectNoPiece(lines.join("\n"), token, json ? "doctor --json" : "doctor");
      }
    },
  );
});
