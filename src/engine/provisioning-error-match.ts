import type { ErrorCodeEntry, ProvisioningErrors, SkipReasonEntry } from "./provisioning-errors.ts";

// Apart from the schema (zod), so that the log reader's browser code matches codes without it.

/**
 * The entry for an error code: Entra prefixes each code with its connector's
 * name (`SystemForCrossDomainIdentityManagementEntryConflict`, a custom app's
 * `ContosoEntryConflict`), so a code matches on its suffix, case-insensitively,
 * the longest suffix winning (`EntryConflict` before `Conflict`).
 */
export function entryForCode(table: ProvisioningErrors, code: string): ErrorCodeEntry | undefined {
  const lower = code.toLowerCase();
  let best: { entry: ErrorCodeEntry; length: number } | undefined;
  for (const entry of table.codes) {
    for (const suffix of entry.suffixes) {
      if (lower.endsWith(suffix.toLowerCase()) && suffix.length > (best?.length ?? 0)) {
        best = { entry, length: suffix.length };
      }
    }
  }
  return best?.entry;
}

export function entryForSkipReason(table: ProvisioningErrors, reason: string): SkipReasonEntry | undefined {
  const lower = reason.toLowerCase();
  return table.skips.find((s) => s.reasons.some((r) => r.toLowerCase() === lower));
}
