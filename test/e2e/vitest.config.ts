import { defineConfig } from "vitest/config";

/** The e2e suite: the production build (dist/) in Debian's Chromium, driven by playwright-core. */
export default defineConfig({
  test: {
    environment: "node",
    include: ["test/e2e/**/*.e2e.ts"],
    globalSetup: ["test/e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
