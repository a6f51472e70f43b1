import { join } from "node:path";
import { checkFlowFiles, FLOWS_DIR, flowIdsIn } from "../../src/build/flow-files.ts";
import { formatIssue } from "../../src/engine/issues.ts";

const broken = (name: string) => join(import.meta.dirname, "../fixtures/flows/broken", name);

/** One broken fixture per rule: each must be caught, naming the file and the step at fault. */
const cases: { fixture: string; rule: string; step?: string; says: string }[] = [
  { fixture: "yaml.yaml", rule: "yaml", says: "not valid YAML" },
  { fixture: "alias-bomb.yaml", rule: "yaml", says: "alias" },
  { fixture: "schema.yaml", rule: "schema", step: "first", says: "kind" },
  { fixture: "schema.yaml", rule: "schema", step: "second", says: "title" },
  { fixture: "unknown-target.yaml", rule: "unknown-target", step: "stop-sync", says: 'target "nope" does not exist' },
  { fixture: "unreachable.yaml", rule: "unreachable", step: "orphan", says: "cannot be reached" },
  { fixture: "self-target.yaml", rule: "self-target", step: "ask", says: "leads back to the step itself" },
  { fixture: "dead-end.yaml", rule: "dead-end", step: "stuck", says: "has no way on" },
  { fixture: "no-exit.yaml", rule: "no-exit", step: "ping", says: "cycle with no exit" },
  { fixture: "unknown-check.yaml", rule: "unknown-check", step: "probe", says: 'check "read-minds" does not exist' },
  { fixture: "unbranched-outcome.yaml", rule: "unbranched-outcome", step: "probe", says: 'outcome "bad-url"' },
  { fixture: "unknown-outcome.yaml", rule: "unknown-outcome", step: "probe", says: 'no outcome "maybe"' },
  { fixture: "check-params.yaml", rule: "check-params", step: "probe", says: 'reads input "upn"' },
  { fixture: "duplicate-id.yaml", rule: "duplicate-id", step: "done", says: "used more than once" },
  { fixture: "unknown-flow.yaml", rule: "unknown-flow", step: "go", says: '"no-such-flow", which does not exist' },
  { fixture: "input-pattern.yaml", rule: "input-pattern", step: "ask", says: "does not match" },
  { fixture: "redos-pattern.yaml", rule: "input-pattern", step: "ask", says: "can backtrack catastrophically" },
  { fixture: "prototype-name.yaml", rule: "reserved-name", step: "probe", says: 'check "constructor" is a name' },
  { fixture: "prototype-name.yaml", rule: "unknown-check", step: "probe", says: 'check "constructor" does not exist' },
  { fixture: "markdown-script.yaml", rule: "markdown", step: "done", says: "raw HTML is not allowed" },
  { fixture: "markdown-img-onerror.yaml", rule: "markdown", step: "done", says: "raw HTML is not allowed" },
  { fixture: "markdown-javascript-link.yaml", rule: "markdown", step: "done", says: "javascript:alert(1)" },
  { fixture: "markdown-data-link.yaml", rule: "markdown", step: "done", says: "is not allowed" },
];

describe("flows:check rules", () => {
  const known = flowIdsIn(FLOWS_DIR);

  test.each(cases)("$rule fires on $fixture", ({ fixture, rule, step, says }) => {
    const { issues } = checkFlowFiles([broken(fixture)], known);
    const hit = issues.find((i) => i.rule === rule && i.step === step && i.message.includes(says));
    expect(hit, JSON.stringify(issues, null, 2)).toBeDefined();
    const line = formatIssue(hit as NonNullable<typeof hit>);
    expect(line).toMatch(new RegExp(`^test/fixtures/flows/broken/${fixture.replace(".", "\\.")}: `));
    if (step) expect(line).toContain(`: step "${step}": `);
  });

  test("two files with one flow id are reported", () => {
    const { issues } = checkFlowFiles([
      broken("duplicate-flow/duplicate-flow.yaml"),
      broken("duplicate-flow/copy/duplicate-flow.yaml"),
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ rule: "duplicate-id", message: expect.stringContaining("already used") }),
    ]);
  });

  test("the flow fixture the engine tests compile unlinted has no problems either (its pattern included)", () => {
    const { issues } = checkFlowFiles([join(import.meta.dirname, "../fixtures/flows/every-kind.yaml")], known);
    expect(issues.map(formatIssue)).toEqual([]);
  });

  test("the flows in flows/ have no problems", () => {
    const { flows, issues } = checkFlowFiles(
      known.map((id) => join(FLOWS_DIR, `${id}.yaml`)),
      known,
    );
    expect(issues.map(formatIssue)).toEqual([]);
    expect(flows.length).toBeGreaterThan(0);
  });
});
