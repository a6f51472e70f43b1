import { readFileSync } from "node:fs";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { codeSplitting } from "./src/build/chunks.ts";
import { entraConfigPlugin } from "./src/build/entra-config-plugin.ts";
import { flowMapsPlugin } from "./src/build/flow-maps-plugin.ts";
import { flowsPlugin } from "./src/build/flows-plugin.ts";

const { version } = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));

export default defineConfig(({ command, isSsrBuild }) => ({
  plugins: [react(), flowsPlugin(), flowMapsPlugin(), entraConfigPlugin()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  resolve: {
    // @xstate/react still imports the pre-React-18 shims; React 19 has useSyncExternalStore built in.
    alias: [
      {
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: "use-sync-external-store/with-selector",
      },
      { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: "react" },
      // react-router's package exports only its development build (dev warnings on); the build
      // takes the production one beside it, which differs in that flag alone. Tests keep the warnings.
      ...(command === "build"
        ? [
            {
              find: /^react-router$/,
              replacement: new URL("./node_modules/react-router/dist/production/index.mjs", import.meta.url).pathname,
            },
          ]
        : []),
    ],
  },
  build: {
    target: "es2022",
    sourcemap: true,
    // The browser's chunks (src/build/chunks.ts); the prerender's server build keeps one module per import.
    ...(isSsrBuild ? {} : { rolldownOptions: { output: { codeSplitting } } }),
  },
  // The log reader's worker (src/features/logs/log-worker.ts) is bundled on its own: it needs the
  // code table, a module of the flows plugin.
  worker: { format: "es", plugins: () => [flowsPlugin()] },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["test/setup.ts"],
    include: ["test/**/*.test.{ts,tsx}"],
    exclude: ["test/e2e/**"],
  },
}));
