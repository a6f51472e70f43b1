import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

/**
 * dist/auth/redirect.html, MSAL 5's redirect bridge (issue 14), built on its own after the app:
 * `vite build -c src/redirect-bridge/vite.config.ts`. A page with one module script (no inline
 * code, so `script-src 'self'` holds) and nothing of the app: as a second input of the app's
 * build it would share chunks with the app's pages (and split out the module-preload polyfill
 * that every page would then fetch apart). The bridge needs no such polyfill: it preloads nothing.
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
    target: "es2022",
    sourcemap: false,
    modulePreload: { polyfill: false },
    rolldownOptions: { input: { "redirect-bridge": "auth/redirect.html" } },
  },
});
