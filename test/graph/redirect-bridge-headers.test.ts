import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type StaticServer, securityHeaders, startStaticServer } from "../../src/server/static-server.ts";

/**
 * Issue 14: MSAL 5's redirect bridge is served without Cross-Origin-Opener-Policy, at exactly its
 * address; every other page keeps `same-origin` (the embed's routes aside), and the bridge keeps
 * the same strict CSP as the app.
 */
const BRIDGE = "/auth/redirect.html";

it("the header rule: no opener policy on the bridge alone, the same CSP on it as on the app", () => {
  expect(securityHeaders(BRIDGE)).not.toHaveProperty("Cross-Origin-Opener-Policy");
  expect(securityHeaders(BRIDGE)["Content-Security-Policy"]).toBe(securityHeaders("/")["Content-Security-Policy"]);
  for (const path of [
    "/",
    "/logs",
    "/flows/error-500",
    "/auth/redirect",
    "/auth/redirect.html/x",
    "/auth/Redirect.html",
    "/auth/other.html",
    "/x/auth/redirect.html",
  ]) {
    expect(securityHeaders(path)["Cross-Origin-Opener-Policy"], path).toBe("same-origin");
  }
});

let root: string;
let server: StaticServer;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "bridge-"));
  mkdirSync(join(root, "auth"));
  writeFileSync(join(root, "index.html"), "<!doctype html><title>app</title>");
  writeFileSync(join(root, "404.html"), "<!doctype html><title>not found</title>");
  writeFileSync(join(root, "auth", "redirect.html"), "<!doctype html><title>bridge</title>");
  server = await startStaticServer({ root, port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

it("over HTTP: the bridge's page (with the response in its fragment, which never reaches the server) has no COOP; the app's pages do", async () => {
  const bridge = await fetch(`${server.url}${BRIDGE}`);
  expect(bridge.status).toBe(200);
  expect(await bridge.text()).toContain("<title>bridge</title>");
  expect(bridge.headers.get("cross-origin-opener-policy")).toBeNull();
  expect(bridge.headers.get("content-security-policy")).toContain("script-src 'self';");
  expect(bridge.headers.get("x-content-type-options")).toBe("nosniff");
  expect(bridge.headers.get("referrer-policy")).toBe("no-referrer");
  expect(bridge.headers.get("cache-control")).toBe("no-cache");
  for (const path of ["/", "/auth/redirect", "/auth/nothing.html"]) {
    const response = await fetch(`${server.url}${path}`);
    expect(response.headers.get("cross-origin-opener-policy"), path).toBe("same-origin");
  }
});
