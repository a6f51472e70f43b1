import { isId } from "./protocol.ts";

/**
 * The embed's options, and how they travel in the iframe's query string. The loader writes the
 * query (embedSrc); the app's /embed route reads it back (parseEmbedQuery). Both live here so
 * the names cannot drift apart.
 *
 *   accent=%23rrggbb   theme=light|dark|auto   compact=1   start=<step id>   demo=1
 */

export type EmbedTheme = "light" | "dark" | "auto";

export interface EmbedOptions {
  /** A CSS hex colour, `#rgb` or `#rrggbb`. */
  accent?: string;
  theme?: EmbedTheme;
  compact?: boolean;
  /** The step to open at (a kebab-case step id). */
  start?: string;
  /** Whether the demo tenant may be used: off unless the host asks. */
  demo?: boolean;
}

/** The catalogue, in place of a single flow. */
export const CATALOGUE = "catalogue";

// Hex only: a CSS colour such as `red; background: url(…)` must never reach a style.
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export const isHexColour = (v: unknown): v is string => typeof v === "string" && HEX.test(v);
export const isTheme = (v: unknown): v is EmbedTheme => v === "light" || v === "dark" || v === "auto";

/** Options as read from attributes or a query string: not yet checked. */
export type RawEmbedOptions = { [K in keyof EmbedOptions]?: unknown };

/** Keeps only valid options: an invalid one is dropped, never passed on. */
export function cleanOptions(o: RawEmbedOptions): EmbedOptions {
  const out: EmbedOptions = {};
  if (isHexColour(o.accent)) out.accent = o.accent.toLowerCase();
  if (isTheme(o.theme)) out.theme = o.theme;
  if (o.compact === true) out.compact = true;
  if (isId(o.start)) out.start = o.start;
  if (o.demo === true) out.demo = true;
  return out;
}

/** `/embed/<flowId>` (or `/embed` for the catalogue) with the options as its query. */
export function embedPath(flowId: string | undefined, options: RawEmbedOptions): string {
  const o = cleanOptions(options);
  const q = new URLSearchParams();
  if (o.accent) q.set("accent", o.accent);
  if (o.theme) q.set("theme", o.theme);
  if (o.compact) q.set("compact", "1");
  if (o.start) q.set("start", o.start);
  if (o.demo) q.set("demo", "1");
  const query = q.toString();
  return `/embed${flowId ? `/${flowId}` : ""}${query ? `?${query}` : ""}`;
}

/** A flow id from a host page's attribute: empty, "catalogue" or not an id → the catalogue. */
export const hostFlowId = (v: string | null): string | undefined => (v !== CATALOGUE && isId(v) ? v : undefined);

/** For the /embed route: the options in a query string. Invalid values are ignored. */
export function parseEmbedQuery(search: string | URLSearchParams): EmbedOptions {
  const q = typeof search === "string" ? new URLSearchParams(search) : search;
  const accent = q.get("accent");
  return cleanOptions({
    // Accept the colour with or without its `#`, since a hand-written URL may drop it.
    accent: accent && !accent.startsWith("#") ? `#${accent}` : accent,
    theme: q.get("theme"),
    compact: q.get("compact") === "1",
    start: q.get("start"),
    demo: q.get("demo") === "1",
  });
}
