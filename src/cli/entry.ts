/** What the command-line tools share: how each knows it was started directly, and how it names itself. */
import { pathToFileURL } from "node:url";

/**
 * How a tool names itself in its usage and hints: `npm run doctor --` in the repository (the
 * default), `scim-troubleshooter doctor` from the packed package (src/cli/bin.ts).
 */
export type Prog = string;

/**
 * True when the module at `moduleUrl` is the script Node was started with (`tsx src/cli/doctor.ts`).
 * In the packed build each tool is its own chunk under bin.ts, so this is false there and bin.ts
 * runs the tool instead.
 */
export function isEntry(moduleUrl: string): boolean {
  return Boolean(process.argv[1]) && moduleUrl === pathToFileURL(process.argv[1] as string).href;
}
