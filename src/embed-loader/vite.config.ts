import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * dist/embed.js on its own: `npx vite build -c src/embed-loader/vite.config.ts`, run after the
 * app's build. No plugins (no React, no flows): the loader is plain DOM code in one IIFE, so a
 * host page can load it with a classic `<script async>`.
 */
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  publicDir: false,
  logLevel: "warn",
  build: {
    outDir: "dist",
    // The app's build is already in dist/: add to it, never wipe it.
    emptyOutDir: false,
    copyPublicDir: false,
    target: "es2020",
    minify: true,
    sourcemap: false,
    lib: {
      entry: "src/embed-loader/loader.ts",
      formats: ["iife"],
      name: "ScimTroubleshooterLoader",
      fileName: () => "embed.js",
    },
  },
});
