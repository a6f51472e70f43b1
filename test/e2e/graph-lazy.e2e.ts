import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, test } from "vitest";
import { redirectBridgeSize } from "../../src/bench/bridge-size.ts";
import { redirectBridgeMessages } from "../../src/ui/messages/redirect-bridge.ts";
import { browserSuite } from "./browser.ts";
import { auditInBothThemes } from "./scan-helpers.ts";

/**
 * Issue 14, on the production build: the redirect bridge is its own tiny page, served without the
 * opener policy and within the strict CSP; and MSAL reaches no page of the app before the admin
 * asks for it: it is in no page's HTML, module preloads or static imports, and no script a page
 * loads (the catalogue, a guide's step, an article, the log reader) holds any of it.
 */
const suite = browserSuite();
const { baseUrl } = suite;
const DIST = join(import.meta.dirname, "../../dist");

/** Text found in MSAL's code (its error links, its package names) and in none of the app's. */
const MSAL = /msal\.js\.errors|@azure\/msal-(?:browser|common)/;

const scriptsOf = (html: string) =>
  [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]);

/** The chunks a module imports statically (`import … from "./x.js"`, `export … from`), not `import()`. */
const staticImports = (code: string) =>
  [
    ...code.matchAll(/\bimport\s*(?:[^"'();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g),
    ...code.matchAll(/\bexport\s*(?:\*|\{[^}]*\})\s*from\s*["'](\.{1,2}\/[^"']+)["']/g),
  ].map((m) => m[1]);

/** Every script a page runs without a dynamic import: its HTML's scripts and preloads, and their static imports. */
function firstLoad(html: string): Set<string> {
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(join(DIST, file), "utf8");
    for (const imported of staticImports(code)) visit(join(file, "..", imported));
  };
  for (const file of scriptsOf(html)) visit(file);
  return files;
}

const pagesIn = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? pagesIn(join(folder, entry.name))
      : entry.name.endsWith(".html")
        ? [join(folder, entry.name)]
        : [],
  );

test("the bridge page as served: no Cross-Origin-Opener-Policy, the app's strict CSP, one module script and no inline code", async () => {
  const response = await fetch(`${baseUrl}/auth/redirect.html`);
  expect(response.status).toBe(200);
  expect(response.headers.get("cross-origin-opener-policy")).toBeNull();
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("script-src 'self';");
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  // Every other page keeps its opener policy.
  for (const path of ["/", "/logs", "/flows/error-500"]) {
    expect((await fetch(`${baseUrl}${path}`)).headers.get("cross-origin-opener-policy"), path).toBe("same-origin");
  }
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts).toHaveLength(1);
  expect(scripts[0][1]).toMatch(/type="module"[^>]*src="\/assets\/redirect-bridge-[\w-]+\.js"/);
  expect(scripts[0][2].trim()).toBe("");
  expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/data-prerendered|modulepreload/);
});

test("the bridge is no app page: not prerendered, not among the app's scripts, and small (figure printed)", () => {
  const bridgeHtml = readFileSync(join(DIST, "auth/redirect.html"), "utf8");
  const bridgeScripts = [...firstLoad(bridgeHtml)];
  expect(bridgeScripts).toHaveLength(1);
  const code = readFileSync(join(DIST, bridgeScripts[0]));
  expect(code.toString()).toMatch(MSAL);
  // The bridge runs nothing of the app: no React, no router, no flows.
  expect(code.toString()).not.toMatch(/react\.dev|__APP_VERSION__|data-prerendered/);
  const size = redirectBridgeSize(DIST);
  expect(size.file).toBe(bridgeScripts[0]);
  console.log(`redirect bridge: ${size.raw} B of JavaScript, ${size.gzip} B gzipped`);
  // No app page names it, and the entra config is written only when the build is given one.
  for (const page of pagesIn(DIST).filter((p) => !p.endsWith(join("auth", "redirect.html")))) {
    expect(scriptsOf(readFileSync(page, "utf8")), relative(DIST, page)).not.toContain(bridgeScripts[0]);
  }
});

test("no page's HTML, module preloads or static imports reach MSAL's code", () => {
  const pages = pagesIn(DIST).filter((p) => !p.endsWith(join("auth", "redirect.html")));
  expect(pages.length).toBeGreaterThan(10);
  for (const page of pages) {
    for (const file of firstLoad(readFileSync(page, "utf8"))) {
      expect(readFileSync(join(DIST, file), "utf8"), `${relative(DIST, page)} loads ${file}`).not.toMatch(MSAL);
    }
  }
});

test("in Chromium: the catalogue, a guide's step, a check step, an article and the log reader load no MSAL code", async () => {
  const context = await suite.newContext();
  for (const path of ["/", "/flows/error-500", "/flows/test-connection", "/flows/error-500/article", "/logs"]) {
    const page = await context.newPage();
    const scripts: Promise<{ url: string; body: string }>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      scripts.push(response.text().then((body) => ({ url: new URL(response.url()).pathname, body })));
    });
    await page.goto(`${baseUrl}${path}`);
    await page.locator("h1").first().waitFor();
    await page.waitForLoadState("networkidle");
    const loaded = await Promise.all(scripts);
    expect(loaded.length, path).toBeGreaterThan(1);
    for (const { url, body } of loaded) {
      expect(body, `${path} loaded ${url}`).not.toMatch(MSAL);
      expect(url, path).not.toMatch(/redirect-bridge/);
    }
    await page.close();
  }
});

test("without ENTRA_CLIENT_ID and ENTRA_TENANT the build writes no entra-config.json: the address is a plain 404", async () => {
  if (process.env.ENTRA_CLIENT_ID || process.env.ENTRA_TENANT) return;
  const response = await fetch(`${baseUrl}/entra-config.json`);
  expect(response.status).toBe(404);
  expect(response.headers.get("content-type") ?? "").not.toMatch(/json/);
});

test("the bridge opened by hand says what it is for, in its status line, and axe finds nothing on it", async () => {
  const context = await suite.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => void errors.push(message.text()));
  page.on("pageerror", (error) => void errors.push(error.message));
  await page.goto(`${baseUrl}/auth/redirect.html`);
  await expect.poll(() => page.getByRole("status").textContent()).toBe(redirectBridgeMessages.failed);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Finishing the sign-in with Microsoft");
  expect(await auditInBothThemes(page, "/auth/redirect.html")).toEqual([]);
  expect(errors).toEqual([]);
});
