import { existsSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startStaticServer } from "../../src/server/static-server.ts";
import { chromiumPath } from "./browser.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Serves dist/ on a free loopback port for the whole run. */
export default async function setup(project: TestProject) {
  const root = join(import.meta.dirname, "../../dist");
  if (!existsSync(join(root, "index.html"))) {
    throw new Error("dist/ has no build: run `npm run build` first (`npm run test:e2e` does).");
  }
  chromiumPath(); // fail early, with the install hint, when no Chromium is found
  const server = await startStaticServer({ root, port: 0 });
  project.provide("baseUrl", server.url);
  return () => server.close();
}
