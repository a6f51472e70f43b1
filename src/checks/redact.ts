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
const percentAll = (text: string) => [...new TextEncoder().encode(text)].map((byte) => `%${hex(byte)}`).join("");
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
  return [...new Set(char === " " ? [...forms, "+"] : forms)];
}

/** A pattern for `value` in any of those forms, character by character (so mixed forms match too). */
function valuePattern(value: string): string {
  return [...value].map((char) => `(?:${characterForms(char).map(literal).join("|")})`).join("");
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
  return unique.length ? new RegExp(unique.map(valuePattern).join("|"), "giu") : undefined;
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
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return replaceWith(v, pattern, REDACTED);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    }
    return v;
  };
  return walk(value) as T;
}
