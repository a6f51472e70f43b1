import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Figure } from "./flows-bench.ts";

/** The embed loader's budget: what a help-center page pays to show the troubleshooter. */
export const EMBED_GZIP_BUDGET = 2048;

/**
 * The size of the built loader, raw and gzipped (zlib's default level, as `gzip -c` and most
 * servers use). Throws when `distDir` has no embed.js: build it first with
 * `npx vite build -c src/embed-loader/vite.config.ts`.
 */
export function embedLoaderSize(distDir: string): { raw: number; gzip: number } {
  const bytes = readFileSync(join(distDir, "embed.js"));
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

/** The same, as figures for `npm run bench`. */
export function embedSizeFigures(distDir: string): Figure[] {
  const { raw, gzip } = embedLoaderSize(distDir);
  return [
    { name: "dist/embed.js, gzipped", value: `${gzip} B`, goal: `<= ${EMBED_GZIP_BUDGET} B` },
    { name: "dist/embed.js, raw", value: `${raw} B`, goal: "(reported)" },
  ];
}
