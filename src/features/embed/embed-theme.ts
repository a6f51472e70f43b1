import { useEffect } from "react";
import type { EmbedOptions } from "../../embed-loader/options.ts";
import { applyEmbedLook } from "./apply-look.ts";

/** Applies the host's look while the embed shows (see apply-look.ts). */
export function useEmbedTheme(options: EmbedOptions): void {
  // The options are memoised by their query (useEmbedOptions): a new object is a new look.
  useEffect(() => applyEmbedLook(document.documentElement, options), [options]);
}
