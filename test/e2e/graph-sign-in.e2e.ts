import { createHash, randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { BrowserContext, Page, Route } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildFlow, checkFlowFiles, FLOWS_DIR, flowFilesIn } from "../../src/build/flow-files.ts";
import { demoJob } from "../../src/demo/graph-jobs.ts";
import { decisionsTo } from "../../src/engine/path-to-step.ts";
import { type StaticServer, startStaticServer } from "../../src/server/static-server.ts";
import { encodeShare } from "../../src/ui/share/share-link.ts";
import { browserSuite } from "./browser.ts";
import { onStep, runCheck, visible } from "./helpers.ts";
import { findSecrets, frameStorage } from "./scan-helpers.ts";

/**
 * Issue 14: a whole Microsoft sign-in in Chromium, with no network, through the app's own Graph
 * panel. The production build is copied beside a deployer's dropped-in entra-config.json and
 * served by the production server with its headers. Microsoft's two hosts are answered by the
 * test itself (Playwright routes; every other host is refused): /authorize sends the window back
 * to the redirect bridge as Entra does, with its own opener policy, /token checks the PKCE
 * verifier, and Graph answers the application search and the provisioning job. So the run
 * proves the popup, the bridge over BroadcastChannel, the CSP and the opener policy together,
 * that MSAL arrives only with the click, and that no token, code or verifier ends up anywhere
 * but in memory.
 */
const suite = browserSuite();
const ROOT = join(import.meta.dirname, "../..");
const DIST = join(ROOT, "dist");
const TENANT = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const CLIENT = "11111111-2222-3333-4444-555555555555";
const SECRETS = {
  "access token": `graph-access-${randomUUID()}`,
  "refresh token": `graph-refresh-${randomUUID()}`,
  "authorization code": `auth-code-${randomUUID()}`,
};
const MSAL = /msal\.js\.errors|@azure\/msal-(?:browser|common)/;
const APP = {
  id: "0f1e2d3c-4b5a-4968-8776-655443322110",
  appId: "a1b2c3d4-1111-4e5f-8a9b-0c1d2e3f4a5b",
  displayName: "Workspace 365",
};

/** A share link's payload that opens `flowId` at `stepId`. */
function shareTo(flowId: string, stepId: string): string {
  const { flows } = checkFlowFiles(flowFilesIn(FLOWS_DIR));
  const file = flows.find((f) => f.flow.id === flowId);
  if (!file) throw new Error(`no flow ${flowId}`);
  const flow = buildFlow(file.flow);
  return encodeShare(flow, decisionsTo(flow, stepId) ?? [], false);
}

let root: string;
let server: StaticServer;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "graph-sign-in-"));
  cpSync(DIST, root, { recursive: true });
  writeFileSync(join(root, "entra-config.json"), JSON.stringify({ clientId: CLIENT, tenant: TENANT }));
  server = await startStaticServer({ root, port: 0 });
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

const b64url = (value: string | object) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

interface Microsoft {
  calls: string[];
  refused: string[];
  bridgeHeaders: Record<string, string>[];
}

/** Answers login.microsoftonline.com and graph.microsoft.com inside the browser; refuses any other host. */
async function fakeMicrosoft(context: BrowserContext, appOrigin: string): Promise<Microsoft> {
  const microsoft: Microsoft = { calls: [], refused: [], bridgeHeaders: [] };
  const pending = new Map<string, { challenge: string; nonce: string }>();
  const cors = { "access-control-allow-origin": appOrigin, "access-control-allow-headers": "*" };
  const clientInfo = b64url({ uid: "oid-1", utid: TENANT });

  const authorize = (route: Route, url: URL) => {
    const code = SECRETS["authorization code"];
    pending.set(code, {
      challenge: url.searchParams.get("code_challenge") ?? "",
      nonce: url.searchParams.get("nonce") ?? "",
    });
    const back = `${url.searchParams.get("redirect_uri")}#${new URLSearchParams({
      code,
      state: url.searchParams.get("state") ?? "",
      client_info: clientInfo,
      session_state: "s",
    })}`;
    // Entra sends an opener policy of its own on /authorize: the window is cut off from the app from here on.
    return route.fulfill({
      status: 200,
      headers: { "content-type": "text/html", "cross-origin-opener-policy": "same-origin" },
      body: `<!doctype html><title>Sign in</title><script>location.replace(${JSON.stringify(back)})</script>`,
    });
  };

  const token = (route: Route) => {
    const form = new URLSearchParams(route.request().postData() ?? "");
    const request = pending.get(form.get("code") ?? "");
    const verifier = form.get("code_verifier") ?? "";
    const pkce = request && createHash("sha256").update(verifier).digest("base64url") === request.challenge;
    if (!request || !pkce || form.get("client_id") !== CLIENT) {
      return route.fulfill({
        status: 400,
        headers: cors,
        json: { error: "invalid_grant", error_description: "AADSTS70000" },
      });
    }
    const now = Math.floor(Date.now() / 1000);
    const idToken = [
      b64url({ typ: "JWT", alg: "RS256" }),
      b64url({
        aud: CLIENT,
        iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        iat: now,
        nbf: now,
        exp: now + 3600,
        name: "Ada Admin",
        preferred_username: "admin@contoso.onmicrosoft.com",
        oid: "oid-1",
        tid: TENANT,
        sub: "subject",
        nonce: request.nonce,
        ver: "2.0",
      }),
      b64url("signature"),
    ].join(".");
    return route.fulfill({
      status: 200,
      headers: cors,
      json: {
        token_type: "Bearer",
        scope: form.get("scope"),
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: SECRETS["access token"],
        refresh_token: SECRETS["refresh token"],
        id_token: idToken,
        client_info: clientInfo,
      },
    });
  };

  await context.route(
    () => true,
    async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      if (url.hostname === "127.0.0.1") return route.continue();
      microsoft.calls.push(`${request.method()} ${url.origin}${url.pathname}`);
      if (request.method() === "OPTIONS") return route.fulfill({ status: 204, headers: cors });
      if (url.origin === "https://login.microsoftonline.com" && url.pathname === `/${TENANT}/oauth2/v2.0/authorize`) {
        return authorize(route, url);
      }
      if (url.origin === "https://login.microsoftonline.com" && url.pathname === `/${TENANT}/oauth2/v2.0/token`) {
        return token(route);
      }
      if (url.origin === "https://graph.microsoft.com") {
        const authorized = request.headers().authorization === `Bearer ${SECRETS["access token"]}`;
        const answer = graphAnswer(url.pathname);
        if (!authorized || !answer) {
          return route.fulfill({
            status: authorized ? 404 : 401,
            headers: cors,
            json: { error: { code: authorized ? "Request_ResourceNotFound" : "InvalidAuthenticationToken" } },
          });
        }
        return route.fulfill({ status: 200, headers: cors, json: answer });
      }
      microsoft.refused.push(request.url());
      return route.abort();
    },
  );
  context.on("response", (response) => {
    if (new URL(response.url()).pathname === "/auth/redirect.html") microsoft.bridgeHeaders.push(response.headers());
  });
  return microsoft;
}

/** Graph's answers the panel and job-status ask for: the application search, and an active job. */
function graphAnswer(path: string): object | undefined {
  if (path === "/v1.0/servicePrincipals") return { value: [APP] };
  if (path === `/v1.0/servicePrincipals/${APP.id}/synchronization/jobs`) return { value: [demoJob("active", APP.id)] };
  return undefined;
}

/** CSP violations and console lines of every page of the context, popups included. */
async function watch(context: BrowserContext): Promise<{ violations: string[]; consoleLines: string[] }> {
  const seen = { violations: [] as string[], consoleLines: [] as string[] };
  await context.exposeBinding("__cspViolation", (_source, text: string) => void seen.violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const w = window as unknown as { __cspViolation?: (text: string) => void };
      w.__cspViolation?.(
        `${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`,
      );
    });
  });
  // Chromium's own "[DOM]" advice is left out: it notes that the token field is in no form, which
  // is on purpose (a password manager would offer to store a token typed into a form).
  const follow = (page: Page) =>
    page.on("console", (message) => {
      if (!message.text().startsWith("[DOM] Password field is not contained in a form"))
        seen.consoleLines.push(message.text());
    });
  context.on("page", follow);
  return seen;
}

test("sign in with Microsoft through the popup and the redirect bridge, read Graph, keep every secret in memory", async () => {
  const context = await suite.newContext();
  const appOrigin = new URL(server.url).origin;
  const microsoft = await fakeMicrosoft(context, appOrigin);
  const seen = await watch(context);
  const page = await context.newPage();

  const scripts: { url: string; body: Promise<string>; afterClick: boolean }[] = [];
  let clicked = false;
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push({ url: new URL(response.url()).pathname, body: response.text(), afterClick: clicked });
  });
  const start = `${server.url}/flows/regenerate-key?s=${shareTo("regenerate-key", "provisioning-status")}`;
  const appPage = await page.goto(start);
  expect(appPage?.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  await onStep(page, "Check that Entra's provisioning runs again");
  await page.getByRole("radio", { name: "My Entra tenant", exact: true }).check();
  const signIn = page.getByRole("button", { name: "Sign in with Microsoft", exact: true });
  await signIn.waitFor();
  await page.waitForLoadState("networkidle");

  clicked = true;
  const popup = page.waitForEvent("popup");
  await signIn.click();
  const signInWindow = await popup;
  await signInWindow.waitForEvent("close", { timeout: 20_000 });
  await visible(
    page.getByText("Signed in as Ada Admin (admin@contoso.onmicrosoft.com).", { exact: true }).first(),
    20_000,
  );
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await page.getByRole("button", { name: APP.displayName, exact: true }).click();
  expect(await runCheck(page)).toBe("active");

  // Only Microsoft's two hosts were asked, and only for this; the bridge came without an opener policy.
  expect(microsoft.refused).toEqual([]);
  expect(microsoft.calls.filter((c) => !c.startsWith("OPTIONS"))).toEqual([
    `GET https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`,
    `POST https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
    "GET https://graph.microsoft.com/v1.0/servicePrincipals",
    `GET https://graph.microsoft.com/v1.0/servicePrincipals/${APP.id}/synchronization/jobs`,
  ]);
  expect(microsoft.bridgeHeaders).toHaveLength(1);
  expect(microsoft.bridgeHeaders[0]["cross-origin-opener-policy"]).toBeUndefined();
  expect(microsoft.bridgeHeaders[0]["content-security-policy"]).toContain("script-src 'self';");
  expect(seen.violations).toEqual([]);

  // MSAL came with the click, in chunks of its own: nothing loaded before it holds any of MSAL.
  const loaded = await Promise.all(scripts.map(async (s) => ({ ...s, body: await s.body })));
  const before = loaded.filter((s) => !s.afterClick);
  expect(before.length).toBeGreaterThan(0);
  for (const s of before) expect(s.body, s.url).not.toMatch(MSAL);
  const msalChunks = loaded.filter((s) => s.afterClick && MSAL.test(s.body) && !s.url.includes("redirect-bridge"));
  expect(msalChunks.length).toBeGreaterThan(0);
  const size = (s: { body: string }) => gzipSync(s.body).length;
  console.log(
    `MSAL's chunks, loaded on the click: ${msalChunks.map((s) => `${s.url} ${size(s)} B gzipped`).join(", ")}`,
  );

  // Nothing of the sign-in is kept: no storage but the walk's own (the reload restore), no cookie,
  // no database, no code in the address, no console line.
  const stored = await frameStorage(page.mainFrame());
  expect(stored.localStorage).toBe("{}");
  expect(Object.keys(JSON.parse(stored.sessionStorage)).filter((key) => key.startsWith("msal"))).toEqual([]);
  expect(stored.indexedDB).toBe("{}");
  expect(stored.url).toBe(`${server.url}/flows/regenerate-key`);
  expect(await context.cookies()).toEqual([]);
  const everything = [JSON.stringify(stored), await page.content(), ...seen.consoleLines].join("\n");
  expect(findSecrets(everything, SECRETS)).toEqual([]);
  expect(seen.consoleLines).toEqual([]);

  const panel = page.locator("details.graph-connection");
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator(":scope > summary").click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect
    .poll(() => page.getByRole("status").allTextContents())
    .toContain("Signed out; the Graph token is forgotten.");
  await visible(page.getByRole("button", { name: "Sign in with Microsoft", exact: true }));
});
