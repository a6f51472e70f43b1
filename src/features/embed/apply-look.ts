import type { EmbedOptions } from "../../embed-loader/options.ts";

/**
 * The host's look on the page: accent colour, light/dark, compact. Set through the CSSOM and
 * attributes, which a strict CSP allows (no inline style). No React here: the embed's early
 * gate (src/app/embed-gate.ts) runs it before the first paint, the embed layout after hydration.
 */
export function applyEmbedLook(root: HTMLElement, options: EmbedOptions): () => void {
  if (options.accent) root.style.setProperty("--accent", options.accent);
  if (options.theme && options.theme !== "auto") root.dataset.theme = options.theme;
  root.classList.toggle("compact", options.compact === true);
  root.classList.add("embedded");
  return () => {
    root.style.removeProperty("--accent");
    delete root.dataset.theme;
    root.classList.remove("compact", "embedded");
  };
}
