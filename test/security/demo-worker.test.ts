import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEMO_BASE_URL } from "../../src/demo/constants";

/**
 * The demo tenant runs in MSW's service worker, which would otherwise hand every request of
 * the tab to the page as a message, headers included: a real endpoint's token too. The worker
 * script is patched to let everything but the demo host pass untouched; `npx msw init` would
 * write the file anew, so this test holds the patch in place.
 */
test("the demo service worker lets every request but the demo tenant's bypass it", () => {
  const worker = readFileSync(join(import.meta.dirname, "../../public/mockServiceWorker.js"), "utf8");
  const host = new URL(DEMO_BASE_URL).hostname;
  const guard = worker.indexOf(`new URL(event.request.url).hostname !== '${host}'`);
  expect(guard).toBeGreaterThan(-1);
  // The guard returns before the worker decides to answer, so nothing is ever messaged for others.
  expect(guard).toBeLessThan(worker.indexOf("event.respondWith(handleRequest("));
});
