/**
 * Secret redaction, the only implementation in the app. Every string that
 * leaves a check (evidence, explanation, error text a server or the runtime
 * produced) passes through here, because a server may echo the Authorization
 * header and a runtime may quote it in an error; the doctor's output and the
 * support summary use the same helper, the summary also for personal answers.
 */

export const REDACTED = "••••";

/**
 * Values shorter than this are not searched for: replacing a two-letter "token"
 * everywhere would mangle every message, and no real API key is that short.
 */
const MIN_SECRET_LENGTH = 4;

const hex = (n: number, width = 2) => n.toString(16).toUpperCase().padStart(width, "0");
const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;
const literal = (text: string) => text.replace(REGEX_SYNTAX, "\\$&");
/** Every character as %XX, also the ones encodeURIComponent leaves alone (some encoders do that). */
const utf8 = new TextEncoder();
const percentAll = (text: string) => [...utf8.encode(text)].map((byte) => `%${hex(byte)}`).join("");
const HTML_NAMED: Record<string, string> = { '"': "&quot;", "'": "&apos;", "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const HTML_SPECIAL = /["'&<>]/g;
const codeOf = (char: string) => char.codePointAt(0) ?? 0;

/** The ways a string is escaped on its way out: none, in a URL, in HTML (numeric or named references). */
const TRANSPORTS: ((text: string) => string)[] = [
  (text) => text,
  encodeURIComponent,
  percentAll,
  (text) => text.replace(HTML_SPECIAL, (c) => `&#${codeOf(c)};`),
  (text) => text.replace(HTML_SPECIAL, (c) => `&#x${hex(codeOf(c), 1)};`),
  (text) => text.replace(HTML_SPECIAL, (c) => HTML_NAMED[c] ?? c),
  (text) => [...text].map((c) => `&#${codeOf(c)};`).join(""),
];

/**
 * What one character can look like where a value is quoted: as it is or JSON-escaped (a SCIM
 * filter's `eq "…"` is a JSON string literal, servers escape non-ASCII as \uXXXX, and a filter
 * quoted in a JSON body is escaped twice), each of those as it is, percent-encoded (the filter
 * as sent) or as an HTML character reference (an error page quoting it), and `+` for a space.
 */
function characterForms(char: string): string[] {
  const unicode = [...Array(char.length).keys()].map((i) => `\\u${hex(char.charCodeAt(i), 4)}`).join("");
  const once = [unicode, ...(char === '"' || char === "\\" || char === "/" ? [`\\${char}`] : [])];
  // A filter quoted in a JSON body is escaped twice: \" becomes \\\", \u00EB becomes \\u00EB.
  const json = [char, ...once, ...once.map((escaped) => JSON.stringify(escaped).slice(1, -1))];
  const forms = json.flatMap((escaped) => TRANSPORTS.map((transport) => transport(escaped)));
  // Any case, of the character (a server may fold a name's case) and of hex digits (%c3%a9, \u00e9).
  const cased = forms.flatMap((form) => [form, form.toLowerCase(), form.toUpperCase()]);
  return [...new Set(char === " " ? [...cased, "+"] : cased)];
}

/**
 * One regular expression for a list of strings, as a trie (`%(?:C3|c3)` rather than `%C3|%c3`):
 * the engine then decides on the first character at once, which keeps a megabyte of body fast.
 */
function alternation(strings: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  let empty = false;
  for (const s of strings) {
    if (!s) empty = true;
    else byFirst.set(s[0], [...(byFirst.get(s[0]) ?? []), s.slice(1)]);
  }
  const branches = [...byFirst].map(([first, rests]) => {
    const rest = rests.length === 1 ? literal(rests[0]) : alternation(rests);
    return literal(first) + rest;
  });
  const body = branches.length === 1 ? branches[0] : `(?:${branches.join("|")})`;
  return empty ? `(?:${body})?` : body;
}

/**
 * Each character's pattern, built once: a check redacts every answer, and the forms never change.
 * It holds single characters only, nothing of the order that makes a secret.
 */
const characterPatterns = new Map<string, string>();

/** A pattern for `value` in any of those forms, character by character (so mixed forms match too). */
function valuePattern(value: string): string {
  return [...value]
    .map((char) => {
      let pattern = characterPatterns.get(char);
      if (pattern === undefined) {
        pattern = alternation(characterForms(char));
        characterPatterns.set(char, pattern);
      }
      return pattern;
    })
    .join("");
}

/**
 * One pattern for every secret, longest first so that a value inside a longer one is removed
 * whole; letters in any case (a server may fold case, hex digits come in both), plain and
 * Unicode-normalised. Undefined when there is nothing long enough to look for.
 */
function secretsPattern(secrets: readonly (string | undefined)[]): RegExp | undefined {
  const values = secrets.flatMap((s) => {
    if (!s) return [];
    const plain = [s, s.trim()].flatMap((v) => [v, v.normalize("NFC"), v.normalize("NFD")]);
    return plain.filter((v) => v.length >= MIN_SECRET_LENGTH);
  });
  const unique = [...new Set(values)].sort((a, b) => b.length - a.length);
  // No "i" or "u" flag: each character's forms list its cases, and the plain flag is several
  // times faster on a body of a megabyte.
  return unique.length ? new RegExp(unique.map(valuePattern).join("|"), "g") : undefined;
}

const replaceWith = (text: string, pattern: RegExp | undefined, mask: string) =>
  pattern ? text.replace(pattern, () => mask) : text;

/** `text` with every secret, in any encoded form a server or a URL gives it, replaced by `mask`. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[], mask = REDACTED): string {
  return replaceWith(text, secretsPattern(secrets), mask);
}

/** Redacts every string inside plain data (objects, arrays), returning a copy. */
export function redactDeep<T>(value: T, secrets: readonly (string | undefined)[]): T {
  const pattern = secretsPattern(secrets);
  if (!pattern) return value;
  return mapStrings(value, (text) => replaceWith(text, pattern, REDACTED));
}

/** A copy of plain data (objects, arrays) with every string passed through `f`. */
export function mapStrings<T>(value: T, f: (text: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return f(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    }
    return v;
  };
  return walk(value) as T;
}
