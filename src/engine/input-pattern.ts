/**
 * How an input step's `pattern` is read, in one place for the linter, the
 * machine's guard and the input form: the whole value must match, Unicode
 * aware. Compiled once per source; throws on a pattern that is no regex
 * (the linter reports that, so a built flow never holds one).
 */
const compiled = new Map<string, RegExp>();

/**
 * The longest value a pattern is ever run on (issue 12 point 3). A UPN is at
 * most 113 characters and an e-mail address 254; the linter accepts patterns
 * that are at worst quadratic, so a bounded value bounds the time a match takes.
 */
export const MAX_INPUT_LENGTH = 256;

export function inputPattern(source: string): RegExp {
  let pattern = compiled.get(source);
  if (!pattern) {
    pattern = new RegExp(`^(?:${source})$`, "u");
    compiled.set(source, pattern);
  }
  return pattern;
}

/** Whether `value` is an answer to a step with this pattern: too long is never one, and is never matched. */
export function matchesInputPattern(source: string, value: string): boolean {
  return value.length <= MAX_INPUT_LENGTH && inputPattern(source).test(value);
}

/**
 * The judge of whether a pattern may be run at all: undefined when it is safe,
 * else why not. The engine is handed one (src/build/pattern-safety.ts), so the
 * ReDoS checker, a Node-only tool, never reaches the engine's browser code.
 */
export type PatternSafety = (source: string) => string | undefined;
