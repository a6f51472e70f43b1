import { join } from "node:path";
import { flows } from "virtual:flows";
import { provisioningErrors } from "virtual:provisioning-errors";
import { checkProvisioningErrorsFile, PROVISIONING_ERRORS_FILE } from "../../src/build/provisioning-errors-file.ts";
import { decisionsTo } from "../../src/engine/path-to-step.ts";
import { entryForCode, entryForSkipReason } from "../../src/engine/provisioning-error-match.ts";
import { guideDecisions } from "../../src/features/logs/guide-link.tsx";

const FIXTURES = join(import.meta.dirname, "../fixtures/provisioning-errors");
const SCIM = "SystemForCrossDomainIdentityManagement";

test("the code table in flows/entra/ passes its schema and every rule", () => {
  expect(checkProvisioningErrorsFile(PROVISIONING_ERRORS_FILE, flows).issues).toEqual([]);
});

describe.each(provisioningErrors.codes)("error code group $id", (entry) => {
  test.each(entry.suffixes)("%s, with the SCIM prefix or a custom app's, matches this group", (suffix) => {
    expect(entryForCode(provisioningErrors, `${SCIM}${suffix}`)?.id).toBe(entry.id);
    expect(entryForCode(provisioningErrors, `Contoso${suffix}`)?.id).toBe(entry.id);
    expect(entryForCode(provisioningErrors, suffix.toUpperCase())?.id).toBe(entry.id);
  });

  test("its guide step is reachable, and the user's UPN or e-mail fills the inputs it names", () => {
    if (!entry.guide) return;
    const flow = flows.find((f) => f.id === entry.guide?.flow);
    if (!flow) throw new Error(`no flow ${entry.guide.flow}`);
    expect(decisionsTo(flow, entry.guide.step)).toBeDefined();
    const decisions =
      guideDecisions(flow, entry, { upn: "jan@contoso.example", mail: "jan.mail@contoso.example" }) ?? [];
    for (const [name, kind] of Object.entries(entry.fill ?? {})) {
      const step = flow.steps.find((s) => s.kind === "input" && s.name === name);
      expect(decisions.find((d) => d.step === step?.id)).toMatchObject({
        value: kind === "upn" ? "jan@contoso.example" : "jan.mail@contoso.example",
      });
    }
  });
});

test("EntryConflict on create opens the Error 500 guide at its UPN check, UPN and e-mail filled in", () => {
  const entry = entryForCode(provisioningErrors, `${SCIM}EntryConflict`);
  const flow = flows.find((f) => f.id === "error-500");
  if (!entry || !flow) throw new Error("missing");
  expect(entry.guide).toEqual({ flow: "error-500", step: "collision" });
  expect(guideDecisions(flow, entry, { upn: "jan@contoso.example" })).toEqual([
    { step: "about", kind: "next" },
    { step: "user-mail", kind: "input", value: "jan@contoso.example" },
    { step: "entra-upn", kind: "input", value: "jan@contoso.example" },
  ]);
});

test("the longest suffix wins: EntryConflict is not read as a plain Conflict, and unknown codes match nothing", () => {
  expect(entryForCode(provisioningErrors, `${SCIM}MultipleEntriesInResponse`)?.id).toBe("multiple-entries");
  expect(entryForCode(provisioningErrors, `${SCIM}SomethingNew`)).toBeUndefined();
});

describe.each(provisioningErrors.skips)("skip reason group $id", (entry) => {
  test.each(entry.reasons)("%s matches, in any case", (reason) => {
    expect(entryForSkipReason(provisioningErrors, reason.toLowerCase())?.id).toBe(entry.id);
  });
});

test.each([
  ["unknown-flow.yaml", "unknown-flow", "no-such-guide"],
  ["unknown-step.yaml", "unknown-step", "no step"],
  ["unknown-input.yaml", "unknown-input", "no input named"],
  ["duplicate-code.yaml", "duplicate-code", "listed twice"],
  ["duplicate-id.yaml", "duplicate-id", "used twice"],
  ["fill-without-guide.yaml", "fill-without-guide", "no guide"],
  ["bad-schema.yaml", "schema", "codes"],
  ["bad-yaml.yaml", "yaml", "not valid YAML"],
])("a broken table is refused: %s (%s)", (file, rule, words) => {
  const { table, issues } = checkProvisioningErrorsFile(join(FIXTURES, file), flows);
  expect(table).toBeUndefined();
  expect(issues).toEqual(
    expect.arrayContaining([expect.objectContaining({ rule, message: expect.stringContaining(words) })]),
  );
});
