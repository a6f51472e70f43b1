/**
 * How an input step's `pattern` is read, in one place for the linter, the
 * machine's guard and the input form: the whole value must match, Unicode
 * aware. Compiled once per source; throws on a pattern that is no regex
 * (the linter reports that, so a built flow never holds one).
 */
const compiled = new Map<string, RegExp>();

export function inputPattern(source: string): RegExp {
  let pattern = compiled.get(source);
  if (!pattern) {
    pattern = new RegExp(`^(?:${source})$`, "u");
    compiled.set(source, pattern);
  }
  return pattern;
}
