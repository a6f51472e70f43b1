/** A command-line mistake: the tool prints the message and its usage, and exits 2. */
export class UsageError extends Error {}

/**
 * "the environment variable NAME", or a neutral phrase when NAME does not look like a variable
 * name as people write them: a token typed there by mistake must not be printed back.
 */
export function variableNamed(name: string, flag: string): string {
  return /^[A-Z_][A-Z0-9_]{0,31}$/.test(name)
    ? `the environment variable ${name}`
    : `the environment variable named by ${flag}`;
}
