import { graphMessages } from "../messages/graph.ts";
import { checkEntraConfig } from "./entra-config-schema.ts";
import { ENTRA_CONFIG_PATH, REDIRECT_BRIDGE_PATH } from "./entra-paths.ts";

/**
 * Whether this deployment offers Microsoft sign-in for live Graph reads (issue 14), read at run
 * time from /entra-config.json on the app's own origin, so that a deployer sets it without a
 * rebuild. Import this module lazily (`await import(...)`): no first page loads it.
 */
export type EntraConfig =
  | { state: "off" }
  | { state: "on"; clientId: string; tenant: string; redirectUri: string }
  | { state: "invalid"; message: string };

/** Two fields fit in a few hundred bytes; anything much larger is not this file. */
const MAX_BYTES = 4096;
const TIMEOUT_MS = 5000;

export async function loadEntraConfig(
  fetchImpl: typeof fetch = fetch,
  options: { origin?: string; timeoutMs?: number } = {},
): Promise<EntraConfig> {
  const origin = options.origin ?? window.location.origin;
  const invalid = (problems: string): EntraConfig => ({
    state: "invalid",
    message: graphMessages.config.invalid(problems),
  });
  const signal = AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS);
  let text: string | undefined;
  try {
    const response = await fetchImpl(new URL(ENTRA_CONFIG_PATH, origin), {
      signal,
      cache: "no-cache",
      credentials: "omit",
      headers: { accept: "application/json" },
    });
    if (response.status === 404 || response.status === 410) return { state: "off" };
    if (!response.ok) return invalid(graphMessages.config.unreadable(graphMessages.config.status(response.status)));
    // A host that answers every address with the app's page (a "single-page app" fallback) has no such file.
    if (/^text\/html\b/i.test(response.headers.get("content-type") ?? "")) return { state: "off" };
    text = await readBounded(response, MAX_BYTES);
  } catch {
    return invalid(
      graphMessages.config.unreadable(signal.aborted ? graphMessages.config.timedOut : graphMessages.config.network),
    );
  }
  if (text === undefined) return invalid(graphMessages.config.tooLarge);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return invalid(graphMessages.config.notJson);
  }
  const checked = checkEntraConfig(value);
  if (!checked.ok) return invalid(checked.problems.join("; "));
  return { state: "on", ...checked.config, redirectUri: new URL(REDIRECT_BRIDGE_PATH, origin).href };
}

/** The body as text, or undefined once it passes `max` bytes (read no further than that). */
async function readBounded(response: Response, max: number): Promise<string | undefined> {
  if (Number(response.headers.get("content-length")) > max) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
