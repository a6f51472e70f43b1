/**
 * Shared pieces of the suites that run the checks against SCIM servers this
 * team did not write (real-scimmy, real-better-auth): start a Node request
 * handler on 127.0.0.1 and a free port, stop it with its keep-alive sockets,
 * run a check, and send a SCIM request the way Entra would to seed data.
 */
import { createServer, type RequestListener, type Server } from "node:http";
import { expect } from "vitest";
import { runCheck } from "../../src/checks/run.ts";
import type { CheckResult } from "../../src/checks/types.ts";
import { listenOn } from "../../src/server/listen.ts";
import { expectOutcome, TOKEN } from "./helpers.ts";

// A real server on a loaded 2-core machine answers slower than the demo tenant: more room than FAST.
export const REAL = { timeoutMs: 3000 };

export interface Running {
  /** http://127.0.0.1:PORT, no trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/** Listens on loopback; with no handler, attach one with `server.on("request", …)` once the origin is known. */
export async function serveOnLoopback(handler?: RequestListener): Promise<Running & { server: Server }> {
  const server = createServer(handler);
  const { url } = await listenOn(server, 0, "127.0.0.1");
  return {
    server,
    origin: url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // fetch keeps connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

export interface Target {
  baseUrl: string;
  token: string;
  previousToken?: string;
}

/** runCheck with the real-server timeout. */
export function check(name: string, target: Target, params: Record<string, string> = {}): Promise<CheckResult> {
  return runCheck(name, target, params, REAL);
}

/** expectOutcome, plus keys only this suite knows must not show in the result either. */
export function expectReal(result: CheckResult, outcome: string, extraSecrets: string[] = []): CheckResult {
  expectOutcome(result, outcome);
  const text = JSON.stringify(result);
  for (const secret of extraSecrets) expect(text).not.toContain(secret);
  return result;
}

/** One SCIM write as Entra sends it; fails the test on a status other than `expected`. */
export async function scimSend(
  baseUrl: string,
  method: "POST" | "PATCH" | "DELETE",
  path: string,
  body: unknown,
  expected: number,
  token = TOKEN,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/scim+json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  expect(res.status, `${method} ${path}: ${text}`).toBe(expected);
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/** A user body as Entra posts it: userName = UPN, a work e-mail, first and last name. */
export function entraUser(userName: string, mail: string, externalId: string) {
  const [given, family = "User"] = userName.split("@")[0].split(".");
  return {
    schemas: [USER_SCHEMA],
    externalId,
    userName,
    active: true,
    name: { givenName: given, familyName: family },
    emails: [{ type: "work", value: mail, primary: true }],
  };
}

/** The people and groups both suites seed, so the two tables line up. */
export const PEOPLE = {
  /** Stored with capitals, as Entra writes UPNs; looked up in lower case for the case test. */
  active: "Adele.Vance@contoso.example",
  softDeleted: "lee.gu@contoso.example",
  hardDeleted: "megan.bowen@contoso.example",
  /** Holds the new hire's e-mail under an older userName: the UPN clash. */
  clashHolder: "nhire.old@contoso.example",
  clashMail: "new.hire@contoso.example",
  clashUpn: "new.hire@contoso.example",
  nobodyMail: "nobody.yet@contoso.example",
  leftoverGroup: "Project Falcon",
  deletedGroup: "Project Osprey",
};
