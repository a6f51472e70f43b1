/**
 * Flow files made to break the linter (issue 12 points 3 and 7), written by
 * the tests into a folder of their own: each is one shape of attack, and the
 * rule that must answer it with a lint message instead of a stack trace or a hang.
 */
const head = (id: string) => `version: 1\nid: ${id}\ntitle: T\nsummary: S\nsymptoms: [x]\nsteps:\n`;
const outcome = (body?: string) =>
  `  - id: done\n    kind: outcome\n    title: Done\n    result: resolved\n${body ? `    body: ${JSON.stringify(body)}\n` : ""}`;
/** Just under the length limit on one Markdown text, so the nesting limits must catch it. */
const NEAR_LIMIT = 4_900;

export interface HostileFile {
  id: string;
  text: string;
  rule: string;
  says: string;
}

export const HOSTILE_FILES: HostileFile[] = [
  {
    id: "check-constructor",
    text: `${head("check-constructor")}  - id: probe\n    kind: check\n    title: P\n    check: constructor\n    outcomes: { pass: done }\n    manual: { label: By hand, next: done }\n${outcome()}`,
    rule: "unknown-check",
    says: 'check "constructor" does not exist',
  },
  {
    id: "prototype-keys",
    text: `${head("prototype-keys")}  - { id: ask, kind: input, title: A, name: hasOwnProperty, label: L, pattern: x, patternHint: h, example: x, shareable: true, next: probe }\n  - id: probe\n    kind: check\n    title: P\n    check: user-state\n    params: { userName: toString }\n    outcomes: { constructor: done, toString: done, hasOwnProperty: done }\n    otherwise: done\n    manual: { label: By hand, next: done }\n${outcome()}`,
    rule: "reserved-name",
    says: 'input name "hasOwnProperty"',
  },
  {
    id: "proto-text",
    text: head("proto-text") + outcome("__proto__"),
    rule: "reserved-name",
    says: 'text "__proto__"',
  },
  {
    id: "long-list",
    text: `${head("long-list")}${outcome()}    warnings:\n${"      - w\n".repeat(150_000)}`,
    rule: "yaml",
    says: "too large",
  },
  {
    id: "long-flow-list",
    text: `${head("long-flow-list")}${outcome()}    warnings: [${Array(150_000).fill("w").join(",")}]\n`,
    rule: "yaml",
    says: "too large",
  },
  {
    id: "deep-yaml",
    text: `${head("deep-yaml")}${outcome()}    warnings: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`,
    rule: "yaml",
    says: "nesting",
  },
  {
    id: "deep-quote",
    text: head("deep-quote") + outcome(`${">".repeat(20_000)} hi`),
    rule: "markdown",
    says: "longer than 5000 characters",
  },
  {
    id: "deep-quote-short",
    text: head("deep-quote-short") + outcome(`${"> ".repeat(NEAR_LIMIT / 2)}hi`),
    rule: "markdown",
    says: "quotes and lists are nested",
  },
  {
    id: "deep-list",
    text: head("deep-list") + outcome(`${"- ".repeat(NEAR_LIMIT / 2)}x`),
    rule: "markdown",
    says: "quotes and lists are nested",
  },
  {
    id: "deep-indented-list",
    text:
      head("deep-indented-list") + outcome(Array.from({ length: 60 }, (_, i) => `${" ".repeat(i * 2)}- x`).join("\n")),
    rule: "markdown",
    says: "quotes and lists are nested",
  },
  {
    id: "deep-emphasis",
    text: head("deep-emphasis") + outcome(`${"*a _".repeat(NEAR_LIMIT / 8)}x${"_ a*".repeat(NEAR_LIMIT / 8)}`),
    rule: "markdown",
    says: "emphasis and links are nested",
  },
  {
    id: "emphasis-run",
    text: head("emphasis-run") + outcome(`${"*".repeat(NEAR_LIMIT / 2)}x${"*".repeat(NEAR_LIMIT / 2)}`),
    rule: "markdown",
    says: "emphasis and links are nested",
  },
  {
    id: "redos-pattern",
    text: `${head("redos-pattern")}  - { id: ask, kind: input, title: A, name: v, label: L, pattern: "(a+)+b", patternHint: h, example: "${"a".repeat(48)}", shareable: true, next: done }\n${outcome()}`,
    rule: "input-pattern",
    says: "can backtrack catastrophically",
  },
];

/** A loop of `length` instruction steps that never reaches an outcome, behind a question that can. */
export function longCycleFlow(id: string, length: number): string {
  const loop = Array.from(
    { length },
    (_, i) => `  - { id: s${i}, kind: instruction, title: T, where: entra, next: s${(i + 1) % length} }`,
  );
  const start = `  - { id: start, kind: question, title: Q, choices: [{ id: a, label: A, next: s0 }, { id: b, label: B, next: done }] }`;
  return `${head(id)}${start}\n${loop.join("\n")}\n${outcome()}`;
}
