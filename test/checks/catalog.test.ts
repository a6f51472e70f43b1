// @vitest-environment node
/**
 * The catalogue is the one description of a check: the doctor's flags, usage
 * and token rule and run.ts's input checks follow it. Everything here runs
 * against "not a url", so nothing is sent.
 */
import { allParams, CHECK_CATALOG, CHECK_NAMES, entryOf } from "../../src/checks/catalog.ts";
import type { CheckImpl } from "../../src/checks/context.ts";
import { runCheck } from "../../src/checks/run.ts";
import { main } from "../../src/cli/doctor.ts";
import { TOKEN } from "./helpers.ts";

const NO_URL = "not a url";

async function doctor(args: string[], env: Record<string, string> = { SCIM_TOKEN: TOKEN }) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { env, out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const withParams = CHECK_NAMES.filter((c) => Object.keys(entryOf(c).params).length > 0);
/** Any enterprise application's Object ID: a Graph check needs one, and nothing is sent to "not a url". */
const SERVICE_PRINCIPAL = "00000000-0000-4000-8000-000000000000";
const flagsOf = (check: string) => [
  ...Object.values(entryOf(check as keyof typeof CHECK_CATALOG).params).flatMap((p) => [`--${p.flag}`, "value"]),
  // A write check named without --write is refused before anything else is looked at.
  ...(entryOf(check as keyof typeof CHECK_CATALOG).writes ? ["--write"] : []),
  ...(entryOf(check as keyof typeof CHECK_CATALOG).needs.servicePrincipal
    ? ["--service-principal", SERVICE_PRINCIPAL]
    : []),
];
const writeChecks = CHECK_NAMES.filter((c) => entryOf(c).writes);

it("keeps today's doctor flags for the check parameters", () => {
  expect(allParams().map(([name, spec]) => [name, spec.flag])).toEqual([
    ["userName", "user-name"],
    ["mail", "mail"],
    ["upn", "upn"],
    ["groupName", "group-name"],
  ]);
});

it("gives one parameter name one flag and one label in every check", () => {
  for (const [name, spec, checks] of allParams()) {
    for (const check of checks) expect(entryOf(check).params[name], `${check}.${name}`).toEqual(spec);
  }
});

it("shows every catalogue parameter flag in the doctor's usage, with its label and checks", async () => {
  const { code, stdout } = await doctor(["--help"]);
  expect(code).toBe(0);
  for (const [, spec, checks] of allParams()) {
    const line = stdout.split("\n").find((l) => l.trimStart().startsWith(`--${spec.flag} `));
    expect(line, spec.flag).toBeDefined();
    expect(line).toContain(spec.valueName);
    expect(line).toContain(spec.label);
    for (const check of checks) expect(line).toContain(check);
  }
  const rotation = CHECK_NAMES.filter((c) => entryOf(c).needs.previousToken);
  expect(stdout).toMatch(new RegExp(`--old-token-env NAME .*enables ${rotation.join(", ")}`));
});

it.each(withParams)("accepts %s's flags, and names each missing one", async (check) => {
  const ran = await doctor(["--url", NO_URL, "--check", check, ...flagsOf(check), "--json"]);
  expect(ran.stderr).toBe("");
  expect(JSON.parse(ran.stdout).checks[0]).toMatchObject({ id: check, outcome: "unreachable" });
  for (const spec of Object.values(entryOf(check).params)) {
    const without = flagsOf(check).join(" ").replace(`--${spec.flag} value`, "").split(" ").filter(Boolean);
    const refused = await doctor(["--url", NO_URL, "--check", check, ...without]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`Check ${check} needs --${spec.flag}`);
  }
});

it.each(CHECK_NAMES)("asks for the token for %s exactly when the catalogue says it needs one", async (check) => {
  const env = { OLD: "an-old-key-123" };
  const ran = await doctor(["--url", NO_URL, "--check", check, "--old-token-env", "OLD", ...flagsOf(check)], env);
  if (entryOf(check).needs.token) {
    expect(ran.code).toBe(2);
    // A Graph check's token is the Graph access token, from its own variable.
    const variable = entryOf(check).system === "graph" ? "GRAPH_TOKEN" : "SCIM_TOKEN";
    expect(ran.stderr).toMatch(new RegExp(`Set the environment variable ${variable}`));
  } else {
    expect(ran.code, ran.stderr).toBe(1);
  }
});

it("skips, when no check is named, exactly the checks whose inputs are not given, those that send another key and those that write", async () => {
  const ran = await doctor(["--url", NO_URL, "--json", "--write"]);
  const skipped = JSON.parse(ran.stdout).skipped.map((s: { id: string }) => s.id);
  expect(skipped).toEqual(
    CHECK_NAMES.filter(
      (c) =>
        withParams.includes(c) ||
        entryOf(c).needs.previousToken ||
        entryOf(c).needs.servicePrincipal ||
        entryOf(c).sendsOtherKey ||
        entryOf(c).writes,
    ),
  );
});

it.each(writeChecks)("refuses %s, a write check, without --write (exit 2), saying what it would do", async (check) => {
  const ran = await doctor(["--url", NO_URL, "--check", check]);
  expect(ran.code).toBe(2);
  expect(ran.stderr).toMatch(new RegExp(`Check ${check} creates a test user .* and deletes it again: add --write`));
});

it.each(CHECK_NAMES)("runCheck rejects %s without the inputs its entry names", async (check) => {
  const { needs, params } = entryOf(check);
  const target = { baseUrl: NO_URL, token: TOKEN };
  const [first] = Object.keys(params);
  if (first) {
    await expect(runCheck(check, { ...target, previousToken: "x-old-key" }, {})).rejects.toThrow(
      `needs the parameter "${first}"`,
    );
  }
  const values = Object.fromEntries(Object.keys(params).map((p) => [p, "value"]));
  if (needs.previousToken) await expect(runCheck(check, target, values)).rejects.toThrow(/previousToken/);
  else if (needs.servicePrincipal) {
    await expect(runCheck(check, target, values)).rejects.toThrow(/servicePrincipalId/);
    const withId = { ...target, servicePrincipalId: SERVICE_PRINCIPAL };
    await expect(runCheck(check, withId, values)).resolves.toMatchObject({ check, outcome: "unreachable" });
  } else await expect(runCheck(check, target, values)).resolves.toMatchObject({ check });
});

it("lets a check implementation return only its own outcome codes (checked by tsc)", () => {
  const own: CheckImpl<"user-state"> = {
    plan: () => [],
    run: async () => ({ outcome: "inactive", explanation: "Soft-deleted.", evidence: [] }),
  };
  const foreign: CheckImpl<"user-state"> = {
    plan: () => [],
    // @ts-expect-error "upn-mismatch" is upn-collision's code, not user-state's: the compiler refuses it.
    run: async () => ({ outcome: "upn-mismatch", explanation: "Not mine.", evidence: [] }),
  };
  expect(CHECK_CATALOG["user-state"].outcomes).toContain("inactive");
  expect(CHECK_CATALOG["user-state"].outcomes).not.toContain("upn-mismatch");
  expect([own, foreign]).toHaveLength(2);
});
