import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { pipeline } from "node:stream";
import { listenOn } from "./listen.ts";

/**
 * Serves the production build with the security headers the app promises:
 * a strict CSP everywhere, framing allowed only on /embed routes. Used by
 * `npm start` and by the e2e suite (on a free loopback port).
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

function securityHeaders(path: string): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(path),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    // A framed embed must keep its opener relationship with the host; the app itself isolates.
    ...(isEmbedPath(path) ? {} : { "Cross-Origin-Opener-Policy": "same-origin" }),
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
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
  const server: Server = createServer((req, res) => {
    let path: string;
    try {
      // A request line no URL parser accepts is the client's error, never a crash of the server.
      path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400, securityHeaders("/")).end("Bad request");
      return;
    }
    const file = normalize(join(root, path));
    const inside = file.startsWith(root + sep);
    const isFile = inside && existsSync(file) && statSync(file).isFile();
    // Client-side routes get the app shell; missing assets get a real 404.
    const target = isFile ? file : extname(path) ? undefined : join(root, "index.html");
    if (!target || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(target ? 405 : 404, securityHeaders(path)).end(target ? "Method not allowed" : "Not found");
      return;
    }
    const immutable = target.includes(`${sep}assets${sep}`);
    // Headers wait until the file is open: a file gone since the check above (a build emptying
    // dist/, no index.html at all) is a 404, and a read error must never reach the process as an
    // unhandled 'error' on the stream (issue 12 point 1 was that, in the relay).
    const contents = createReadStream(target);
    contents.once("error", (error: NodeJS.ErrnoException) => {
      if (res.headersSent) return void res.destroy();
      const missing = error.code === "ENOENT" || error.code === "EISDIR";
      res.writeHead(missing ? 404 : 500, securityHeaders(path)).end(missing ? "Not found" : "Server error");
    });
    contents.once("open", () => {
      res.writeHead(200, {
        ...securityHeaders(path),
        "Content-Type": TYPES[extname(target)] ?? "application/octet-stream",
        "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      });
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
