import { jsForPage } from "./src/bench/browser-bench.ts";
import { launchBrowser } from "./src/bench/chromium.ts";
import { startStaticServer } from "./src/server/static-server.ts";

const server = await startStaticServer({ root: process.argv[2] ?? "dist", port: 0 });
const browser = await launchBrowser();
for (const path of ["/", "/flows/error-500", "/flows/test-connection", "/flows/error-500/article"]) {
  console.log(path, await jsForPage(browser, server.url + path));
}
await browser.close();
await server.close();
