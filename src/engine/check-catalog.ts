/**
 * What the engine needs to know about live checks: their names, the
 * parameters they take (with a label for messages) and the outcome codes they
 * can end in. The catalogue itself lives in src/checks and satisfies this
 * shape structurally; the engine is handed it, so it never imports checks.
 */
export interface CheckSpec {
  outcomes: readonly string[];
  params: Readonly<Record<string, { label: string }>>;
}

export type CheckCatalog = Readonly<Record<string, CheckSpec>>;
