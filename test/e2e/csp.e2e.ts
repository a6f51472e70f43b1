import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { DEMO_SAMPLES } from "../../src/demo/constants.ts";
import { launchBrowser } from "./browser.ts";
import { doneNext, movedTo, onStep, runCheck, visible } from "./helpers.ts";
import { type HostSite, helpCenterPage, startHostSite } from "./scan-helpers.ts";

/**
 * The production server's Content-Security-Policy is strict, and the app lives within it: no
 * page, route, check run, article or embed makes Chromium refuse anything.
 */

let browser: Browser;
let host: HostSite;
const contexts: BrowserContext[] = [];
const baseUrl = inject("baseUrl");
const appOrigin = new URL(baseUrl).origin;

beforeAll(async () => {
  browser = await launchBrowser();
  host = await startHostSite({
    "/help-center.html": helpCenterPage(appOrigin, "test-connection", 'data-start="probe" data-demo'),
  });
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  await browser?.close();
  await host?.close();
});

/** The policy as a map of directive → its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name.toLowerCase(), sources]),
  );
}

const PATHS = ["/", "/flows/error-500", "/embed/error-500"];

test("the header on /, /flows/error-500 and /embed/error-500: script-src 'self' only, no inline or eval, object-src and base-uri 'none'", async () => {
  for (const path of PATHS) {
    const response = await fetch(`${baseUrl}${path}`);
    expect(response.status, path).toBe(200);
    const html = await response.text();
    const header = response.headers.get("content-security-policy");
    expect(header, `${path} sends a Content-Security-Policy`).toBeTruthy();
    expect(response.headers.get("content-security-policy-report-only"), path).toBeNull();
    const policy = directives(header ?? "");

    expect(policy.get("script-src"), `${path} script-src`).toEqual(["'self'"]);
    expect(policy.get("object-src"), `${path} object-src`).toEqual(["'none'"]);
    expect(policy.get("base-uri"), `${path} base-uri`).toEqual(["'none'"]);
    expect(policy.get("default-src"), `${path} default-src`).toEqual(["'self'"]);
    // No directive opens the door to inline code, eval or a nonce/hash-less wildcard for scripts.
    for (const [name, sources] of policy) {
      for (const weak of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'"]) {
        expect(sources, `${path} ${name}`).not.toContain(weak);
      }
    }
    // Nothing else may run scripts: no script-src-elem/-attr or worker-src loosening it.
    for (const name of ["script-src-elem", "script-src-attr"]) {
      expect(policy.get(name) ?? ["'self'"], `${path} ${name}`).toEqual(["'self'"]);
    }
    expect(policy.get("worker-src") ?? ["'self'"], `${path} worker-src`).toEqual(["'self'"]);

    // The page itself needs none of it: every <script> loads from a file, no inline handler attribute.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes, `${path}: a <script> without src`).toMatch(/\bsrc="\/[^"]+"/);
      expect(body.trim(), `${path}: inline script`).toBe("");
    }
    expect(html, `${path}: inline event handler`).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
  }
});

interface Violation {
  frame: string;
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

/**
 * A context that reports every CSP violation, from every frame: an init script (registered
 * before any page script runs) pushes each `securitypolicyviolation` event into
 * `window.__cspViolations` and hands it to the test through a binding, so violations of a
 * page the test has navigated away from count too. Chromium's own "Refused to …" console
 * lines are collected besides.
 */
async function watchedPage(): Promise<{ page: Page; violations: Violation[]; refused: string[]; errors: string[] }> {
  const context = await browser.newContext({ acceptDownloads: true });
  context.setDefaultTimeout(10_000);
  contexts.push(context);
  const violations: Violation[] = [];
  const refused: string[] = [];
  const errors: string[] = [];
  await context.exposeBinding("__reportCspViolation", ({ frame }, v: Omit<Violation, "frame">) => {
    violations.push({ frame: frame.url(), ...v });
  });
  // An init script runs in every frame, before the frame's own scripts.
  await context.addInitScript(() => {
    const w = window as unknown as {
      __cspViolations: unknown[];
      __reportCspViolation?: (v: unknown) => void;
    };
    w.__cspViolations = [];
    document.addEventListener(
      "securitypolicyviolation",
      (event) => {
        const v = {
          directive: event.effectiveDirective || event.violatedDirective,
          blocked: event.blockedURI,
          source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
          sample: event.sample,
        };
        w.__cspViolations.push(v);
        w.__reportCspViolation?.(v);
      },
      true,
    );
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    const text = message.text();
    if (/Refused to|Content Security Policy/i.test(text)) refused.push(`${message.location().url}: ${text}`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, violations, refused, errors };
}

/** What the page's own list holds now (the binding has delivered the same, plus earlier pages'). */
const pageViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: unknown[] }).__cspViolations);

test("the watch works: an inline script, an inline handler and eval are refused and reported", async () => {
  const { page, violations, refused } = await watchedPage();
  await page.goto(`${baseUrl}/`);
  await visible(page.getByRole("heading", { level: 1, name: "What went wrong?" }));
  // The test's own code comes over the DevTools protocol, which no CSP governs (and which may
  // eval while it runs); what it sets up for the page to run afterwards is under the policy.
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const script = document.createElement("script");
    script.textContent = "window.__inlineRan = true;";
    document.head.append(script);
    const button = document.createElement("button");
    button.setAttribute("onclick", "window.__handlerRan = true");
    document.body.append(button);
    button.click();
    button.remove();
    setTimeout(() => {
      try {
        // biome-ignore lint/security/noGlobalEval: the point: the page's CSP must refuse it
        w.__evalRan = eval("true");
      } catch {
        w.__evalRan = false;
      }
    }, 0);
  });
  await expect
    .poll(() =>
      page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return { inline: w.__inlineRan, handler: w.__handlerRan, eval: w.__evalRan };
      }),
    )
    .toEqual({ inline: undefined, handler: undefined, eval: false });
  await expect
    .poll(() => violations.map((v) => v.directive).sort())
    .toEqual(["script-src", "script-src-attr", "script-src-elem"]);
  expect(await pageViolations(page)).toHaveLength(3);
  // Chromium also logs the two inline ones on the console ("Refused to execute inline …" in older
  // versions, "Executing inline … violates the following Content Security Policy directive" now);
  // a refused eval throws an EvalError instead, caught here.
  await expect.poll(() => refused.filter((line) => /inline/.test(line)).length).toBe(2);
});

test("every route, a demo check, the article, the embed and the embed on a host page: no CSP violation", async () => {
  const { page, violations, refused, errors } = await watchedPage();
  const visited: string[] = [];
  const visit = async (path: string) => {
    visited.push(path);
    await page.goto(`${baseUrl}${path}`);
  };

  // The catalogue and its search (the search index is its own chunk).
  await visit("/");
  await visible(page.getByRole("heading", { level: 1, name: "What went wrong?" }));
  await page.getByRole("searchbox").fill("deleted");
  await visible(page.getByRole("status").filter({ hasText: /\S/ }));

  // error-500 with a live check on the demo tenant (MSW and the simulator, the checks' chunk), to its end.
  await visit("/flows/error-500?demo=upn-mismatch");
  await onStep(page, "Find out what causes Error 500");
  await doneNext(page, "Which user gets Error 500?");
  await page.getByRole("textbox", { name: "The user's e-mail address" }).fill(DEMO_SAMPLES.upnMismatch.mail);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await movedTo(page, "What is the user's UPN in Entra?");
  await page.getByRole("textbox", { name: "User principal name (UPN) in Entra" }).fill(DEMO_SAMPLES.upnMismatch.upn);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await movedTo(page, "Compare the user in the workspace with Entra");
  expect(await runCheck(page)).toBe("upn-mismatch");
  await page.getByRole("status", { name: "Check result" }).locator("details.evidence > summary").click();
  await page.getByRole("button", { name: "Continue: Stop provisioning in Entra", exact: true }).click();
  await movedTo(page, "Stop provisioning in Entra");
  // The summary as a download (a blob: URL) and the share link.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download summary (.md)", exact: true }).click();
  await (await download).path();
  await page.getByRole("button", { name: "Share link", exact: true }).click();
  await visible(page.locator(".share-status").filter({ hasText: /\S/ }));

  // test-connection: a refused key (401) and the hand-over link to another flow.
  await visit("/flows/test-connection?demo=invalid-key");
  await onStep(page, "Test the connection in Entra");
  await doneNext(page, "Did the connection test succeed?");
  await page
    .getByRole("button", {
      name: "No: I saw an error, for example “You appear to have entered invalid credentials”",
      exact: true,
    })
    .click();
  await movedTo(page, "Check the form of the Tenant URL");
  expect(await runCheck(page)).toBe("pass");
  await page.getByRole("button", { name: "Continue: Test the connection the way Entra does", exact: true }).click();
  await movedTo(page, "Test the connection the way Entra does");
  expect(await runCheck(page)).toBe("unauthorized");
  await page.getByRole("button", { name: "Continue: Make a new API key", exact: true }).click();
  await movedTo(page, "Make a new API key");
  await page.getByRole("link", { name: "Open “Regenerate the SCIM API key (secret token)”", exact: true }).click();
  await onStep(page, "Open User provisioning in the workspace");

  // The article; a malformed share link; an unknown page.
  await visit("/flows/error-500/article");
  await visible(page.getByRole("heading", { level: 1, name: "Error 500 when you first activate SCIM" }));
  await page.emulateMedia({ media: "print" });
  await page.emulateMedia({ media: "screen" });
  await visit("/flows/error-500?s=garbage");
  await visible(page.getByRole("heading", { level: 1, name: "This link cannot be opened" }));
  await visit("/no-such-page");
  await visible(page.getByRole("heading", { level: 1, name: "Page not found" }));

  // The embed route on its own: host theme, accent (set through the CSSOM), compact, a demo check.
  await visit("/embed/error-500");
  await onStep(page, "Find out what causes Error 500");
  await visit("/embed/test-connection?start=probe&demo=1&theme=dark&accent=%23aa3300&compact=1");
  await onStep(page, "Test the connection the way Entra does");
  expect(await page.evaluate(() => document.documentElement.style.getPropertyValue("--accent"))).toBe("#aa3300");
  expect(await runCheck(page)).toBe("pass");
  await visit("/embed");
  await visible(page.getByRole("heading", { level: 1, name: "What went wrong?" }));

  // The embed as a help center frames it: loader from the app origin, iframe on the embed route.
  visited.push(`${host.origin}/help-center.html`);
  await page.goto(`${host.origin}/help-center.html`);
  const frame = page.locator("#troubleshooter > iframe").contentFrame();
  await frame.getByRole("heading", { level: 1, name: "Test the connection the way Entra does" }).waitFor();
  await frame.getByRole("button", { name: "Run check", exact: true }).click();
  // The demo tenant answers inside a frame on another site too: it needs no service worker or storage.
  const code = frame.getByRole("status", { name: "Check result" }).locator("code.outcome-code");
  await code.waitFor();
  expect(await code.textContent()).toBe("pass");
  await frame.getByRole("button", { name: "Continue: Use exactly these values in Entra", exact: true }).click();
  await frame.getByRole("heading", { level: 1, name: "Use exactly these values in Entra" }).waitFor();
  await expect.poll(() => page.locator("#events > li").count()).toBeGreaterThanOrEqual(2);
  // The watch ran inside the cross-origin frame too.
  const embedFrame = page.frames().find((f) => f.url().startsWith(`${appOrigin}/embed/`));
  expect(
    await embedFrame?.evaluate(() =>
      Array.isArray((window as unknown as { __cspViolations?: unknown }).__cspViolations),
    ),
  ).toBe(true);
  // Let late reports (the last frame's) arrive before judging.
  await page.waitForTimeout(200);

  expect(visited.length).toBeGreaterThan(8);
  const report = [...violations.map((v) => JSON.stringify(v)), ...refused];
  expect(report, report.join("\n")).toEqual([]);
  expect(errors).toEqual([]);
});
