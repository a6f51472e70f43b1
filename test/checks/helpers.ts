/** Shared test values and helpers for the live-check tests. */
import { createServer } from "node:net";
import { expect } from "vitest";
import type { CheckResult } from "../../src/checks/types.ts";

/** Keys the tests give the simulator; distinct from the public demo keys so a mix-up shows. */
export const TOKEN = "test-key-7Qx9vK2mZ4pL8nR1";
export const OLD_TOKEN = "test-old-key-5Ht3wB6yD0sJ";
export const WRONG_TOKEN = "test-wrong-key-1Ab2Cd3Ef4Gh";
/** The Microsoft Graph access token the tests give the demo's Graph: held to the same rules as the keys. */
export const GRAPH_TOKEN = "test-graph-token-3Vb8Nq1Rk6Wz0Jd5";
export const SECRETS = [TOKEN, OLD_TOKEN, WRONG_TOKEN, GRAPH_TOKEN];

// Short enough that timeout cases stay quick, long enough for a loaded 2-core CI machine.
export const FAST = { timeoutMs: 1000 };

export const SAMPLE_PARAMS: Record<string, Record<string, string>> = {
  "user-state": { userName: "adele.vance@contoso.example" },
  "upn-collision": { mail: "new.hire@contoso.example", upn: "new.hire@contoso.example" },
  "group-leftover": { groupName: "Project Falcon" },
};

/** Fails the test when any key appears anywhere in the text. */
export function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

/** Asserts the outcome and that no key leaked into the result. */
export function expectOutcome(result: CheckResult, outcome: string): CheckResult {
  expect(result.outcome, `${result.check}: ${result.explanation}`).toBe(outcome);
  expectNoSecret(JSON.stringify(result));
  expect(result.title).not.toBe("");
  expect(result.explanation).not.toBe("");
  for (const e of result.evidence) expect(["Bearer ••••", "none"]).toContain(e.authorization);
  return result;
}

/** A port that was free a moment ago and has nothing listening now. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A doctor `--json` report as `[check, outcome]` pairs. */
export function outcomePairs(stdout: string): [string, string][] {
  const report = JSON.parse(stdout) as { checks: { id: string; outcome: string }[] };
  return report.checks.map((c) => [c.id, c.outcome]);
}

/** A server error from upn-collision whose one request carried `detail`: evidence as a summary gets it. */
export function serverErrorResult(detail: string, explanation = "500"): CheckResult {
  return {
    check: "upn-collision",
    outcome: "server-error",
    passed: false,
    title: "Server error",
    explanation,
    advice: "",
    evidence: [
      { method: "GET", path: "/scim/v2/Users", authorization: "Bearer ••••", status: 500, elapsedMs: 3, detail },
    ],
  };
}
