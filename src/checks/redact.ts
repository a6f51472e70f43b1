/**
 * Secret redaction. Every string that leaves a check (evidence, explanation,
 * error text a server or the runtime produced) passes through here, because a
 * server may echo the Authorization header and a runtime may quote it in an error.
 */

export const REDACTED = "••••";

/**
 * Tokens shorter than this are not searched for: replacing a two-letter "token"
 * everywhere would mangle every message, and no real API key is that short.
 */
const MIN_SECRET_LENGTH = 4;

function usable(secrets: readonly (string | undefined)[]): string[] {
  const list = secrets.flatMap((s) => {
    const trimmed = s?.trim();
    return s && s.length >= MIN_SECRET_LENGTH ? [s, ...(trimmed && trimmed !== s ? [trimmed] : [])] : [];
  });
  // Longest first, so a token that contains another is removed whole.
  return [...new Set(list)].sort((a, b) => b.length - a.length);
}

export function redactString(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of usable(secrets)) {
    out = out.split(secret).join(REDACTED);
    // Servers and runtimes often print the URL-encoded form.
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join(REDACTED);
  }
  return out;
}

/** Redacts every string inside plain data (objects, arrays), returning a copy. */
export function redactDeep<T>(value: T, secrets: readonly (string | undefined)[]): T {
  if (usable(secrets).length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return redactString(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    }
    return v;
  };
  return walk(value) as T;
}
