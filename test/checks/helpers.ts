/** Shared test values and helpers for the live-check tests. */
import { expect } from "vitest";
import type { CheckResult } from "../../src/checks/types.ts";

/** Keys the tests give the simulator; distinct from the public demo keys so a mix-up shows. */
export const TOKEN = "test-key-7Qx9vK2mZ4pL8nR1";
export const OLD_TOKEN = "test-old-key-5Ht3wB6yD0sJ";
export const WRONG_TOKEN = "test-wrong-key-1Ab2Cd3Ef4Gh";
export const SECRETS = [TOKEN, OLD_TOKEN, WRONG_TOKEN];

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
