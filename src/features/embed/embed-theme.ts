import { useEffect } from "react";
import type { EmbedOptions } from "../../embed-loader/options.ts";
import { applyEmbedLook } from "./apply-look.ts";

/** Applies the host's look while the embed shows (see apply-look.ts). */
export function useEmbedTheme(options: EmbedOptions): void {
  useEffect(
    () => applyEmbedLook(document.documentElement, options),
    [options.accent, options.theme, options.compact, options],
  );
}
