import type { CheckCatalog } from "./check-catalog.ts";
import { distanceToOutcome, markdownSources, reachableSteps, stepIndex, stepsOnLoops, stepTargets } from "./graph.ts";
import { inputPattern, MAX_INPUT_LENGTH, type PatternSafety } from "./input-pattern.ts";
import type { FlowIssue } from "./issues.ts";
import { parseMarkdown } from "./markdown.ts";
import type { Flow } from "./schema.ts";

/**
 * The rules a schema cannot see. Each rule is a function of one flow; the
 * cross-file rules (duplicate flow ids, links to unknown flows) take the set
 * of known flow ids. Build time and CLI only: it uses the Markdown parser.
 */

export interface LintContext {
  file: string;
  checks: CheckCatalog;
  knownFlows: ReadonlySet<string>;
  /** Judges each input pattern before the linter runs it on its example. */
  patternSafety: PatternSafety;
}

type Report = (step: string | undefined, rule: string, message: string) => void;
type Rule = (flow: Flow, ctx: LintContext, report: Report) => void;

/**
 * Names every JavaScript object already answers to (`constructor`, `toString`,
 * `__proto__` …): looked up in a plain object (the linter's catalogue, the
 * machine's inputs, the pre-rendered texts), they find Object's own (issue 12 point 7).
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

const prototypeNames: Rule = (flow, _ctx, report) => {
  const refuse = (step: string | undefined, what: string, name: string) => {
    if (PROTOTYPE_KEYS.has(name))
      report(step, "reserved-name", `${what} "${name}" is a name every JavaScript object has: choose another`);
  };
  refuse(undefined, "flow id", flow.id);
  for (const step of flow.steps) {
    refuse(step.id, "step id", step.id);
    // A text is the key of its pre-rendered tree (BuiltFlow.richText): `__proto__` there would be no key.
    for (const source of markdownSources(step)) refuse(step.id, "text", source);
    if (step.kind === "question") for (const choice of step.choices) refuse(step.id, "choice id", choice.id);
    if (step.kind === "input") refuse(step.id, "input name", step.name);
    if (step.kind !== "check") continue;
    refuse(step.id, "check", step.check);
    for (const code of Object.keys(step.outcomes)) refuse(step.id, "outcome", code);
    for (const [param, input] of Object.entries(step.params ?? {})) {
      refuse(step.id, "parameter", param);
      refuse(step.id, "input", input);
    }
  }
};

const duplicateStepIds: Rule = (flow, _ctx, report) => {
  const seen = new Set<string>();
  for (const step of flow.steps) {
    if (seen.has(step.id)) report(step.id, "duplicate-id", `step id "${step.id}" is used more than once`);
    seen.add(step.id);
  }
};

const unknownTargets: Rule = (flow, _ctx, report) => {
  const steps = stepIndex(flow);
  if (flow.start && !steps.has(flow.start))
    report(undefined, "unknown-target", `start step "${flow.start}" does not exist`);
  for (const step of flow.steps) {
    for (const { via, target } of stepTargets(step)) {
      if (!steps.has(target)) report(step.id, "unknown-target", `${via}: target "${target}" does not exist`);
      // A move that stays on its step records no decision, so Back, links and replay would lose it.
      if (target === step.id) report(step.id, "self-target", `${via}: leads back to the step itself`);
    }
  }
};

const unreachable: Rule = (flow, _ctx, report) => {
  const reached = reachableSteps(flow);
  for (const step of flow.steps) {
    if (!reached.has(step.id)) report(step.id, "unreachable", "cannot be reached from the start");
  }
};

const deadEnds: Rule = (flow, _ctx, report) => {
  for (const step of flow.steps) {
    if (step.kind !== "outcome" && stepTargets(step).length === 0) {
      report(step.id, "dead-end", "has no way on: give it a next step, or make it an outcome");
    }
  }
};

const cyclesWithoutExit: Rule = (flow, _ctx, report) => {
  const distance = distanceToOutcome(flow);
  const reached = reachableSteps(flow);
  const trapped = flow.steps.filter((s) => distance.get(s.id) === Number.POSITIVE_INFINITY && reached.has(s.id));
  if (trapped.length === 0) return;
  // Only steps on a loop: a step stuck because a target is missing is reported by unknown-target.
  const onLoop = stepsOnLoops(flow);
  for (const step of trapped) {
    if (onLoop.has(step.id))
      report(step.id, "no-exit", "every way on loops back without reaching an outcome (a cycle with no exit)");
  }
};

const inputNames = (flow: Flow) => new Set(flow.steps.flatMap((s) => (s.kind === "input" ? [s.name] : [])));

const checkSteps: Rule = (flow, ctx, report) => {
  const inputs = inputNames(flow);
  for (const step of flow.steps) {
    if (step.kind !== "check") continue;
    // Own keys only, here and below: `check: constructor` must not find Object's constructor (issue 12 point 7).
    const spec = Object.hasOwn(ctx.checks, step.check) ? ctx.checks[step.check] : undefined;
    if (!spec) {
      report(
        step.id,
        "unknown-check",
        `check "${step.check}" does not exist (known: ${Object.keys(ctx.checks).join(", ")})`,
      );
      continue;
    }
    for (const code of Object.keys(step.outcomes)) {
      if (!spec.outcomes.includes(code))
        report(step.id, "unknown-outcome", `check "${step.check}" has no outcome "${code}"`);
    }
    if (!step.otherwise) {
      for (const code of spec.outcomes) {
        if (!Object.hasOwn(step.outcomes, code))
          report(
            step.id,
            "unbranched-outcome",
            `outcome "${code}" of check "${step.check}" leads nowhere (add it, or an "otherwise")`,
          );
      }
    }
    const params = step.params ?? {};
    for (const name of Object.keys(spec.params)) {
      if (!Object.hasOwn(params, name))
        report(step.id, "check-params", `check "${step.check}" needs parameter "${name}"`);
    }
    for (const [name, input] of Object.entries(params)) {
      if (!Object.hasOwn(spec.params, name))
        report(step.id, "check-params", `check "${step.check}" takes no parameter "${name}"`);
      if (!inputs.has(input))
        report(step.id, "check-params", `parameter "${name}" reads input "${input}", which no input step asks for`);
    }
  }
};

const inputPatterns: Rule = (flow, ctx, report) => {
  for (const step of flow.steps) {
    if (step.kind !== "input") continue;
    let pattern: RegExp;
    try {
      pattern = inputPattern(step.pattern);
    } catch (error) {
      report(step.id, "input-pattern", `pattern is not a valid regular expression: ${(error as Error).message}`);
      continue;
    }
    // Judged before it first runs: the example below is its first input (issue 12 point 3).
    const unsafe = ctx.patternSafety(step.pattern);
    if (unsafe) report(step.id, "input-pattern", `pattern ${unsafe}`);
    else if (step.example.length > MAX_INPUT_LENGTH)
      report(
        step.id,
        "input-pattern",
        `example is longer than ${MAX_INPUT_LENGTH} characters, the most an input takes`,
      );
    else if (!pattern.test(step.example))
      report(step.id, "input-pattern", `example "${step.example}" does not match the pattern`);
  }
};

const safeMarkdown: Rule = (flow, ctx, report) => {
  for (const step of flow.steps) {
    for (const source of markdownSources(step)) {
      const { problems, flowLinks } = parseMarkdown(source);
      for (const problem of problems) report(step.id, "markdown", problem);
      for (const id of flowLinks) {
        if (!ctx.knownFlows.has(id)) report(step.id, "unknown-flow", `links to flow "${id}", which does not exist`);
      }
    }
  }
};

const handovers: Rule = (flow, ctx, report) => {
  for (const step of flow.steps) {
    if (step.kind === "outcome" && step.flow) {
      if (!ctx.knownFlows.has(step.flow))
        report(step.id, "unknown-flow", `hands over to flow "${step.flow}", which does not exist`);
      if (step.flow === flow.id) report(step.id, "unknown-flow", "hands over to its own flow");
    }
  }
};

export const RULES: readonly Rule[] = [
  prototypeNames,
  duplicateStepIds,
  unknownTargets,
  unreachable,
  deadEnds,
  cyclesWithoutExit,
  checkSteps,
  inputPatterns,
  safeMarkdown,
  handovers,
];

export function lintFlow(flow: Flow, ctx: LintContext): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const report: Report = (step, rule, message) => issues.push({ file: ctx.file, step, rule, message });
  for (const rule of RULES) rule(flow, ctx, report);
  return issues;
}

/** Rules across files: one id per flow, and each file's id matching its name. */
export function lintFlowSet(entries: { file: string; flow: Flow }[]): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const owner = new Map<string, string>();
  for (const { file, flow } of entries) {
    const first = owner.get(flow.id);
    if (first) issues.push({ file, rule: "duplicate-id", message: `flow id "${flow.id}" is already used by ${first}` });
    else owner.set(flow.id, file);
    const base = file
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.ya?ml$/, "");
    if (base !== flow.id)
      issues.push({ file, rule: "file-name", message: `flow id "${flow.id}" does not match the file name` });
  }
  return issues;
}
