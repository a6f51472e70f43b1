import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));

/**
 * dist-cli/ for the packed package: `npm run build:cli`. The command-line tools (doctor, relay,
 * demo server) and everything they import, dependencies included, as ES modules for plain
 * Node 20: an SSR build with nothing external but Node's own modules, so the package needs no
 * dependency, no tsx and no TypeScript at run time. The entry keeps its `#!/usr/bin/env node`.
 */
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  publicDir: false,
  logLevel: "warn",
  define: { __CLI_VERSION__: JSON.stringify(version) },
  ssr: { noExternal: true, target: "node" },
  build: {
    ssr: true,
    outDir: "dist-cli",
    emptyOutDir: true,
    copyPublicDir: false,
    target: "node20",
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      input: { "scim-troubleshooter": "src/cli/bin.ts" },
      output: { format: "esm", entryFileNames: "[name].js", chunkFileNames: "[name].js" },
    },
  },
});
