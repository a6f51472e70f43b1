import { createReadStream, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { pipeline } from "node:stream";
import { gzipSync } from "node:zlib";
import { REDIRECT_BRIDGE_PATH } from "../ui/graph/entra-paths.ts";
import { listenOn } from "./listen.ts";

/**
 * Serves the production build with the security headers the app promises:
 * a strict CSP everywhere, framing allowed only on /embed routes. Every page is
 * a prerendered file (src/build/prerender.ts); an address that is none gets
 * the app's Not found page with a 404. Used by `npm start` and by the e2e
 * suite (on a free loopback port).
 */

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
};

/**
 * Who may frame the embed: any origin by default, or the space-separated list in
 * EMBED_FRAME_ANCESTORS (e.g. "https://help.example.com https://*.zendesk.com").
 * The rest of the app may only be framed by itself.
 */
export function contentSecurityPolicy(path: string, embedAncestors = process.env.EMBED_FRAME_ANCESTORS || "*"): string {
  // A flow map's SVG file carries its own stylesheet and nothing that runs: it may style itself, no more.
  if (isMapAsset(path)) return "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";
  const framing = isEmbedPath(path) ? `frame-ancestors ${embedAncestors}` : "frame-ancestors 'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    // Live checks call the admin's own SCIM endpoint, or the relay on loopback.
    "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    framing,
  ].join("; ");
}

/**
 * The embed's own routes, `/embed` and `/embed/<flow id>`, and nothing else: any other path under
 * /embed (`/embed/x/y`, `/embed/../flows/…`) shows the full app's pages, which only the app itself
 * may frame.
 */
const isEmbedPath = (path: string) => /^\/embed(?:\/(?:[a-z0-9]+(?:-[a-z0-9]+)*)?)?\/?$/.test(path);

const isMapAsset = (path: string) => /^\/maps\/[a-z0-9-]+\.svg$/.test(path);

export function securityHeaders(path: string): Record<string, string> {
  // A framed embed must keep its opener relationship with the host. MSAL 5's redirect bridge, at
  // exactly the redirect URI a deployer registers, must come without one too: with it the browser
  // moves the sign-in window into a browsing context group of its own on arrival, and the bridge
  // cannot hand the sign-in back to the app's window (MSAL's redirect-bridge guide, reference C).
  // Every other page isolates itself.
  const opener: Record<string, string> =
    isEmbedPath(path) || path === REDIRECT_BRIDGE_PATH ? {} : { "Cross-Origin-Opener-Policy": "same-origin" };
  return {
    "Content-Security-Policy": contentSecurityPolicy(path),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    ...opener,
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
}

/** Text is sent gzipped to a client that takes it, as static hosts do (a page and its bundle are mostly text). */
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".map", ".txt", ".md"]);

/** Each file gzipped once (the build's files do not change while served; a rebuild changes their mtime). */
function gzipped(cache: Map<string, Buffer>, file: string): Buffer {
  const key = `${file}:${statSync(file).mtimeMs}`;
  let body = cache.get(key);
  if (!body) {
    body = gzipSync(readFileSync(file));
    cache.set(key, body);
  }
  return body;
}

/** What src/build/prerender.ts writes for any address that is no page. */
const NOT_FOUND_PAGE = "404.html";

/**
 * The file for a request path: the file itself (assets, embed.js), else the prerendered page,
 * `/` as index.html and `/flows/x` (or `/flows/x/`) as flows/x.html, the way static hosts
 * look pages up. Nothing outside `root`; undefined when there is no such file.
 */
function resolveFile(root: string, path: string): string | undefined {
  const page = path === "/" ? "/index.html" : extname(path) ? path : `${path.replace(/\/+$/, "")}.html`;
  for (const candidate of [path, page]) {
    const file = normalize(join(root, candidate));
    // No throw: a file can vanish between two looks (a build emptying dist/).
    if (file.startsWith(root + sep) && statSync(file, { throwIfNoEntry: false })?.isFile()) return file;
  }
  return undefined;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function startStaticServer(options: {
  root: string;
  port?: number;
  host?: string;
}): Promise<StaticServer> {
  const root = normalize(options.root);
  const compressed = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    let path: string;
    try {
      // A request line no URL parser accepts is the client's error, never a crash of the server.
      path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400, securityHeaders("/")).end("Bad request");
      return;
    }
    const page = resolveFile(root, path);
    // An address that is no page gets the app's own Not found page, with a real 404; a missing asset a plain one.
    const file = page ?? (extname(path) ? undefined : resolveFile(root, `/${NOT_FOUND_PAGE}`));
    if (!file || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(file ? 405 : 404, securityHeaders(path)).end(file ? "Method not allowed" : "Not found");
      return;
    }
    const immutable = file.includes(`${sep}assets${sep}`);
    const headers = {
      ...securityHeaders(path),
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    };
    const status = page ? 200 : 404;
    // A file gone since it was found (a build emptying dist/) is a 404, and no read error may ever
    // reach the process as an uncaught exception or an unhandled stream 'error' (issue 12 point 1).
    const failed = (error: NodeJS.ErrnoException) => {
      if (res.headersSent) return void res.destroy();
      const missing = error.code === "ENOENT" || error.code === "EISDIR";
      res.writeHead(missing ? 404 : 500, securityHeaders(path)).end(missing ? "Not found" : "Server error");
    };
    if (COMPRESSIBLE.has(extname(file))) {
      const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
      let body: Buffer;
      try {
        body = gzip ? gzipped(compressed, file) : readFileSync(file);
      } catch (error) {
        return failed(error as NodeJS.ErrnoException);
      }
      res.writeHead(status, {
        ...headers,
        ...(gzip ? { "Content-Encoding": "gzip" } : {}),
        Vary: "Accept-Encoding",
        "Content-Length": body.length,
      });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    // Headers wait until the file is open, so that a file that cannot be read is answered as such.
    const contents = createReadStream(file);
    contents.once("error", failed);
    contents.once("open", () => {
      res.writeHead(status, headers);
      if (req.method === "HEAD") {
        contents.destroy();
        res.end();
      } else {
        // pipeline, not pipe: a client that hangs up closes the file, and an error on either side is handled.
        pipeline(contents, res, () => undefined);
      }
    });
  });
  const { url } = await listenOn(server, options.port, options.host);
  return { url, close: () => new Promise((done) => server.close(() => done())) };
}
