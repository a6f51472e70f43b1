import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import type { Frame, Page } from "playwright-core";
import { listenOn } from "../../src/server/listen.ts";

/**
 * Shared code of the accessibility, keyboard, CSP and secret-leak e2e tests.
 */

// ---------------------------------------------------------------------------------------------
// axe-core

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/**
 * Puts axe-core into the page or frame. The app's CSP (`script-src 'self'`) refuses an inline
 * <script>, so the source is evaluated through the DevTools protocol instead, which no CSP
 * governs: the page's own policy stays in force for everything the app does.
 */
export async function injectAxe(target: Page | Frame): Promise<void> {
  axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const present = await target.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!present) await target.evaluate(axeSource);
}

export interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** Runs every axe rule axe-core enables by default on the document; returns the violations. */
export async function axeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  await injectAxe(target);
  return target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe;
    const results = (await axe.run(document, { resultTypes: ["violations"] })) as { violations: AxeViolation[] };
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String),
        html: n.html.slice(0, 300),
        failureSummary: n.failureSummary,
      })),
    }));
  });
}

/** One line per violating node: page, rule id, impact, the node's selector and why it fails. */
export function describeViolations(where: string, violations: AxeViolation[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${where} · ${v.id} (${v.impact}): ${v.help} · node ${n.target.join(" ")} · ${n.html} · ${(n.failureSummary ?? "").replace(/\s+/g, " ")}`,
    ),
  );
}

/**
 * Runs axe on the page as it is now, once per theme, and returns one line per violating node;
 * the page is left in the light theme. The theme is the reader's system preference (the app
 * follows it through light-dark()).
 */
export async function auditInBothThemes(page: Page, where: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    // One frame for the new colours to apply before axe reads computed styles.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(undefined))));
    found.push(...describeViolations(`${where} [${colorScheme}]`, await axeViolations(page)));
  }
  await page.emulateMedia({ colorScheme: "light" });
  return found;
}

// ---------------------------------------------------------------------------------------------
// Focus

export interface FocusInfo {
  tag: string;
  role: string | null;
  type: string | null;
  /** The accessible-ish name: aria-label, the label of a form field, else the text. */
  name: string;
  focusVisible: boolean;
  outlineStyle: string;
  outlineWidth: string;
  outlineColor: string;
  boxShadow: string;
  /** The element has a box on screen (it is not display:none or zero-sized). */
  rendered: boolean;
}

/** What has focus now, and how it shows it. */
export function focusInfo(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const input = el as HTMLInputElement;
    const labelText = input.labels?.[0]?.textContent ?? "";
    const name = (el.getAttribute("aria-label") || labelText || el.textContent || "").replace(/\s+/g, " ").trim();
    const box = el.getBoundingClientRect();
    return {
      tag: el.tagName,
      role: el.getAttribute("role"),
      type: el.getAttribute("type"),
      name,
      focusVisible: el.matches(":focus-visible"),
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
      outlineColor: style.outlineColor,
      boxShadow: style.boxShadow,
      rendered: box.width > 0 && box.height > 0,
    };
  });
}

/** A visible focus indicator: an outline of some width, or a box-shadow, while :focus-visible matches. */
export function hasVisibleFocus(info: FocusInfo): boolean {
  const outline =
    info.outlineStyle !== "none" &&
    Number.parseFloat(info.outlineWidth) > 0 &&
    !/rgba\(.*, 0\)$/.test(info.outlineColor);
  const shadow = info.boxShadow !== "none" && info.boxShadow !== "";
  return info.focusVisible && info.rendered && (outline || shadow);
}

// ---------------------------------------------------------------------------------------------
// Secrets

/** Any piece of a secret this long counts as a leak (the rule: not even a piece of one). */
export const SECRET_PIECE_LENGTH = 16;

/**
 * The forms a secret could take when it leaks: as is, URL-encoded, any piece of
 * SECRET_PIECE_LENGTH characters (a token cut to length), and inside base64 or base64url text
 * at any of the three byte alignments (a share link's payload is base64url).
 */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret)]);
  for (let start = 0; start + SECRET_PIECE_LENGTH <= secret.length; start++) {
    forms.add(secret.slice(start, start + SECRET_PIECE_LENGTH));
  }
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.from(`${"x".repeat(shift)}${secret}`, "utf8").toString("base64");
    // Drop the characters that mix in the prefix and the (padded) end: what is left appears
    // in any base64 text holding the secret at this alignment.
    const core = encoded.slice(Math.ceil((shift * 4) / 3), -4);
    if (core.length >= 8) {
      forms.add(core);
      forms.add(core.replaceAll("+", "-").replaceAll("/", "_"));
    }
  }
  return [...forms];
}

/** Where any form of any secret shows up in `text`, as "secretName (form)". */
export function findSecrets(text: string, secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [name, secret] of Object.entries(secrets)) {
    // The first form found names the leak: the whole secret before any piece of it.
    const form = secretForms(secret).find((f) => text.includes(f));
    if (form) found.push(form === secret ? name : `${name} (as ${form})`);
  }
  return found;
}

export interface FrameStorage {
  url: string;
  historyState: string;
  historyLength: number;
  localStorage: string;
  sessionStorage: string;
  indexedDB: string;
  cacheStorage: string;
}

/** Everything a frame keeps across a reload or a visit: its address, history state and storages. */
export function frameStorage(frame: Frame): Promise<FrameStorage> {
  return frame.evaluate(async () => {
    const dump = (storage: Storage) => {
      const entries: Record<string, string | null> = {};
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? "";
        entries[key] = storage.getItem(key);
      }
      return JSON.stringify(entries);
    };
    const idb: Record<string, Record<string, unknown[]>> = {};
    const databases = typeof indexedDB.databases === "function" ? await indexedDB.databases() : [];
    for (const info of databases) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const stores: Record<string, unknown[]> = {};
      for (const storeName of Array.from(db.objectStoreNames)) {
        const store = db.transaction(storeName, "readonly").objectStore(storeName);
        const [keys, values] = await Promise.all(
          [store.getAllKeys(), store.getAll()].map(
            (request) =>
              new Promise<unknown[]>((resolve, reject) => {
                request.onsuccess = () => resolve(request.result as unknown[]);
                request.onerror = () => reject(request.error);
              }),
          ),
        );
        stores[storeName] = [keys, values];
      }
      db.close();
      idb[info.name] = stores;
    }
    const caches: Record<string, string[]> = {};
    if (typeof window.caches !== "undefined") {
      for (const name of await window.caches.keys()) {
        const cache = await window.caches.open(name);
        caches[name] = (await cache.keys()).map((request) => request.url);
      }
    }
    let historyState = "";
    try {
      historyState = JSON.stringify(history.state);
    } catch {
      historyState = String(history.state);
    }
    return {
      url: location.href,
      historyState,
      historyLength: history.length,
      localStorage: dump(localStorage),
      sessionStorage: dump(sessionStorage),
      indexedDB: JSON.stringify(idb),
      cacheStorage: JSON.stringify(caches),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// A host page on a second loopback origin

export interface HostSite {
  /** e.g. http://127.0.0.1:39123: another port than the app's, so another origin. */
  origin: string;
  close(): Promise<void>;
}

/** Serves fixed HTML pages (path → HTML) on 127.0.0.1, on a free port; 404 for anything else. */
export async function startHostSite(pages: Record<string, string>): Promise<HostSite> {
  const server = createServer((req, res) => {
    const html = pages[new URL(req.url ?? "/", "http://127.0.0.1").pathname];
    if (html === undefined) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).end(html);
  });
  const { url } = await listenOn(server);
  return {
    origin: url,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/**
 * A help-center page like examples/help-center.html: one container for the loader, the loader
 * script from the app's origin, and the host's own listener that logs the events.
 */
export function helpCenterPage(appOrigin: string, flowId: string, attributes = ""): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Help center</title></head>
  <body>
    <main>
      <h1>Fix SCIM provisioning</h1>
      <div id="troubleshooter" data-scim-troubleshooter="${flowId}" ${attributes}>
        <a href="${appOrigin}/flows/${flowId}">Open the SCIM troubleshooter</a>
      </div>
      <ol id="events"></ol>
    </main>
    <script src="${appOrigin}/embed.js" async></script>
    <script>
      const list = document.getElementById("events");
      for (const name of ["step", "outcome", "feedback"]) {
        document.getElementById("troubleshooter").addEventListener("scim-troubleshooter:" + name, (event) => {
          const item = document.createElement("li");
          item.textContent = name + " " + JSON.stringify(event.detail);
          list.append(item);
        });
      }
    </script>
  </body>
</html>`;
}
