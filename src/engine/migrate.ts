import { FLOW_FORMAT_VERSION } from "./schema.ts";

/**
 * Older flow formats, moved to the current one before the strict schema reads
 * them (Typebot migrates old documents while parsing too). A migration takes a
 * document of version `n`, as parsed YAML, and returns it as version `n + 1`;
 * parsing chains them up to FLOW_FORMAT_VERSION, then FlowSchema judges the
 * result. So the schema, its types and the editors' JSON Schema describe the
 * current format only, and a broken old file is reported as it reads once
 * migrated, still naming the file and the step.
 *
 * A migration must not throw: what it cannot make sense of it leaves as it is,
 * for the schema to report.
 */
export type FlowMigration = (document: Record<string, unknown>) => Record<string, unknown>;

/** Version n → the migration from n to n + 1. Version 1 is the first format: nothing to migrate yet. */
export const FLOW_MIGRATIONS: Readonly<Record<number, FlowMigration>> = {};

const isDocument = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Parsed YAML of any known version → the same flow in the current format. A
 * document with no version, a newer one, or one no migration starts from is
 * returned untouched: the schema says what is wrong with its `version`.
 */
export function migrateFlow(
  raw: unknown,
  migrations: Readonly<Record<number, FlowMigration>> = FLOW_MIGRATIONS,
): unknown {
  let document = raw;
  while (
    isDocument(document) &&
    typeof document.version === "number" &&
    document.version < FLOW_FORMAT_VERSION &&
    Object.hasOwn(migrations, document.version)
  ) {
    const from = document.version;
    document = { ...migrations[from](document), version: from + 1 };
  }
  return document;
}
