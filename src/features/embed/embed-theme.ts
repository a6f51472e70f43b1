import { useEffect } from "react";
import type { EmbedOptions } from "../../embed-loader/options.ts";

/**
 * Applies the host's look: accent colour, light/dark/auto, compact. Set
 * through the CSSOM and attributes, which a strict CSP allows (no inline style).
 */
export function useEmbedTheme(options: EmbedOptions): void {
  useEffect(() => {
    const root = document.documentElement;
    if (options.accent) root.style.setProperty("--accent", options.accent);
    if (options.theme && options.theme !== "auto") root.dataset.theme = options.theme;
    root.classList.toggle("compact", options.compact === true);
    root.classList.add("embedded");
    return () => {
      root.style.removeProperty("--accent");
      delete root.dataset.theme;
      root.classList.remove("compact", "embedded");
    };
  }, [options.accent, options.theme, options.compact]);
}
