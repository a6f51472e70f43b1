import { gzipSync } from "node:zlib";
import { launchBrowser } from "./src/bench/chromium.ts";
import { startStaticServer } from "./src/server/static-server.ts";
const server = await startStaticServer({ root: process.env.ROOT ?? "./dist", port: 0 });
const browser = await launchBrowser();
for (const p of process.argv.slice(2)) {
  const ctx = await browser.newContext(); const page = await ctx.newPage();
  const rows: Promise<[string, number]>[] = [];
  page.on("response", (r) => { if (r.request().resourceType() === "script") rows.push(r.body().then((b) => [r.url().replace(server.url, "").replace(/-[\w-]{8}\.js$/, ""), gzipSync(b).length] as [string, number], () => ["x", 0])); });
  await page.goto(server.url + p); await page.waitForLoadState("networkidle");
  const all = await Promise.all(rows);
  console.log(p, all.reduce((a, b) => a + b[1], 0), JSON.stringify(all.sort()));
  await ctx.close();
}
await browser.close(); await server.close();
