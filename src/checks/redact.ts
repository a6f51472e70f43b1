/**
 * Secret redaction, the only implementation in the app. Every string that
 * leaves a check (evidence, explanation, error text a server or the runtime
 * produced) passes through here, because a server may echo the Authorization
 * header and a runtime may quote it in an error; the doctor's output and the
 * support summary use the same helper.
 */

export const REDACTED = "••••";

/**
 * Values shorter than this are not searched for: replacing a two-letter "token"
 * everywhere would mangle every message, and no real API key is that short.
 */
const MIN_SECRET_LENGTH = 4;

/** Every form a secret can appear in, longest first so that a value inside a longer one is removed whole. */
function forms(secrets: readonly (string | undefined)[]): string[] {
  const list = secrets.flatMap((s) => {
    if (!s || s.length < MIN_SECRET_LENGTH) return [];
    const plain = [s, s.trim()].filter((v) => v.length >= MIN_SECRET_LENGTH);
    // Servers and runtimes often print the URL-encoded form.
    return plain.flatMap((v) => [v, encodeURIComponent(v)]);
  });
  return [...new Set(list)].sort((a, b) => b.length - a.length);
}

/** `text` with every secret, plain or URL-encoded, replaced by `mask`. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[], mask = REDACTED): string {
  let out = text;
  for (const form of forms(secrets)) out = out.split(form).join(mask);
  return out;
}

/** Redacts every string inside plain data (objects, arrays), returning a copy. */
export function redactDeep<T>(value: T, secrets: readonly (string | undefined)[]): T {
  if (forms(secrets).length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return redactSecrets(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    }
    return v;
  };
  return walk(value) as T;
}
