import { checkSync, type Diagnostics } from "recheck";
import { inputPattern, type PatternSafety } from "../engine/input-pattern.ts";

/**
 * The ReDoS check on input patterns (issue 12 point 3): a flow's `pattern` runs
 * in the linter, the build and the browser, so one that can backtrack
 * catastrophically must never get past flows:check. recheck proves a pattern
 * safe or finds an attack string; what it cannot settle in time is refused,
 * since "cannot prove safe" is not safe. Build and CLI only (Node): the
 * browser gets the flows this has passed, never the checker.
 */

/**
 * Longer patterns are refused unread: the real ones are under 40 characters,
 * and recheck overran its time limit threefold on a 440-character one.
 */
const MAX_PATTERN_LENGTH = 200;
/** Per pattern; the real flows' patterns take 2 to 60 ms (docs/decisions.md). */
const CHECK_TIMEOUT_MS = 2_000;
/** For all patterns of one run, so a file of a thousand hostile patterns cannot stall the build. */
const RUN_BUDGET_MS = 10_000;
/**
 * A quadratic pattern (such as `[^@\s]+@[^@\s]+\.[^@\s]+`, the real flows' e-mail
 * check) is accepted: values are cut at MAX_INPUT_LENGTH, so a match takes at
 * most 256² steps. A cubic one on 256 characters is already 16 million.
 */
const MAX_POLYNOMIAL_DEGREE = 2;

/** Settled verdicts, kept across runs (the build and the tests lint the same patterns again). */
const settled = new Map<string, string | undefined>();

export function createPatternSafety({ timeoutMs = CHECK_TIMEOUT_MS, budgetMs = RUN_BUDGET_MS } = {}): PatternSafety {
  let budget = budgetMs;
  return (source) => {
    if (source.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters`;
    if (settled.has(source)) return settled.get(source);
    if (budget <= 0) return "was not checked for catastrophic backtracking: this run's time for that ran out";
    const started = performance.now();
    const regex = inputPattern(source);
    // recheck's default synchronous backend spawns a native binary (or Java) from a worker;
    // its pure-JavaScript backend runs here, in process, the same on every machine.
    process.env.RECHECK_SYNC_BACKEND = "pure";
    const diagnostics = checkSync(regex.source, regex.flags, { timeout: Math.min(timeoutMs, budget) });
    budget -= performance.now() - started;
    const verdict = verdictOf(diagnostics, timeoutMs);
    if (diagnostics.status !== "unknown") settled.set(source, verdict);
    return verdict;
  };
}

function verdictOf(diagnostics: Diagnostics, timeoutMs: number): string | undefined {
  if (diagnostics.status === "safe") return undefined;
  if (diagnostics.status === "unknown") {
    const { error } = diagnostics;
    return error.kind === "timeout"
      ? `could not be proven safe from catastrophic backtracking within ${timeoutMs} ms: make it simpler`
      : `could not be checked for catastrophic backtracking (${"message" in error ? error.message : error.kind})`;
  }
  const { complexity, attack } = diagnostics;
  if (complexity.type === "polynomial" && complexity.degree <= MAX_POLYNOMIAL_DEGREE) return undefined;
  const attackString = JSON.stringify(attack.string.slice(0, 40));
  const how = complexity.type === "exponential" ? "exponential" : `degree-${complexity.degree} polynomial`;
  return `can backtrack catastrophically (${how} time, for example on ${attackString}…): make its repeats unambiguous`;
}
