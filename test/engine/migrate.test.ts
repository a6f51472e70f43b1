import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { createPatternSafety } from "../../src/build/pattern-safety.ts";
import { CHECK_CATALOG } from "../../src/checks/catalog.ts";
import { formatIssue } from "../../src/engine/issues.ts";
import { lintFlow } from "../../src/engine/lint.ts";
import { FLOW_MIGRATIONS, type FlowMigration, migrateFlow } from "../../src/engine/migrate.ts";
import { parseFlowSource } from "../../src/engine/parse.ts";
import { FLOW_FORMAT_VERSION } from "../../src/engine/schema.ts";

/**
 * The migration mechanism, proven with a made-up "version 0" (test/fixtures/flows/migrations):
 * steps keyed by id, `type` for `kind`, `options` for `choices`. Version 1 is the first real format.
 */
const v0ToV1: FlowMigration = (document) => {
  const steps = document.steps;
  if (typeof steps !== "object" || steps === null || Array.isArray(steps)) return document;
  return {
    ...document,
    steps: Object.entries(steps).map(([id, step]) => {
      const { type, options, ...rest } = step as Record<string, unknown>;
      return { id, kind: type, ...rest, ...(options === undefined ? {} : { choices: options }) };
    }),
  };
};
const withV0 = { 0: v0ToV1 };

const fixture = (name: string) => {
  const path = join(import.meta.dirname, "../fixtures/flows/migrations", name);
  return { file: relative(process.cwd(), path), text: readFileSync(path, "utf8") };
};

describe("flow format migrations", () => {
  test("an old file is read in the current format, and lints clean", () => {
    const { file, text } = fixture("version-0.yaml");
    const { flow, issues } = parseFlowSource(file, text, withV0);
    expect(issues).toEqual([]);
    expect(flow?.version).toBe(FLOW_FORMAT_VERSION);
    expect(flow?.steps.map((s) => [s.id, s.kind])).toEqual([
      ["ask", "question"],
      ["done", "outcome"],
      ["help", "outcome"],
    ]);
    expect(flow?.steps[0]).toMatchObject({
      choices: [
        { id: "yes", next: "done" },
        { id: "no", next: "help" },
      ],
    });
    if (flow)
      expect(
        lintFlow(flow, {
          file,
          checks: CHECK_CATALOG,
          knownFlows: new Set([flow.id]),
          patternSafety: createPatternSafety(),
        }),
      ).toEqual([]);
  });

  test("a broken old file is reported by file and step, as a current one is", () => {
    const { file, text } = fixture("version-0-broken.yaml");
    const { flow, issues } = parseFlowSource(file, text, withV0);
    expect(flow).toBeUndefined();
    expect(issues.map(formatIssue)).toEqual([expect.stringMatching(/version-0-broken\.yaml: step "ask": title: /)]);
  });

  test("a version no migration starts from is refused by the schema, naming the file", () => {
    const { file, text } = fixture("version-0.yaml");
    const { flow, issues } = parseFlowSource(file, text);
    expect(flow).toBeUndefined();
    expect(issues.map(formatIssue)).toContainEqual(expect.stringMatching(/version-0\.yaml: version: .*1/));
  });

  test("documents of the current version, of a newer one and of no version pass through untouched", () => {
    for (const document of [{ version: FLOW_FORMAT_VERSION, steps: {} }, { version: 99 }, { id: "x" }, "text", null]) {
      expect(migrateFlow(document, withV0)).toBe(document);
    }
  });

  test("the registry holds one migration per older version, up to the current one", () => {
    const from = Object.keys(FLOW_MIGRATIONS).map(Number);
    expect(from.every((v) => Number.isInteger(v) && v < FLOW_FORMAT_VERSION)).toBe(true);
    const oldest = Math.min(FLOW_FORMAT_VERSION, ...from);
    expect(from.sort((a, b) => a - b)).toEqual(
      Array.from({ length: FLOW_FORMAT_VERSION - oldest }, (_, i) => oldest + i),
    );
  });
});
