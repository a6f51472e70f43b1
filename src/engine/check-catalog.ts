/**
 * What the engine needs to know about live checks: their names, the
 * parameters they take and the outcome codes they can end in. The catalog
 * itself lives in src/checks; the engine is handed it, so it never imports checks.
 */
export interface CheckSpec {
  params: readonly string[];
  outcomes: readonly string[];
}

export type CheckCatalog = Readonly<Record<string, CheckSpec>>;
