/**
 * The fault names a page's `?demo=a,b` asks for, lower-cased and without
 * duplicates, not yet checked against the known faults: every page reads the
 * query, while the list of faults loads with the demo itself (fault-names.ts).
 */
export function demoQuery(search: string): string[] {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const names = params
    .getAll("demo")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(names)];
}
