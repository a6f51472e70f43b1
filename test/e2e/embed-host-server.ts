import { createServer } from "node:http";
import { listenOn } from "../../src/server/listen.ts";

/**
 * A help-center stand-in for the embed e2e tests: a second loopback origin (127.0.0.1 on
 * another port than the app) serving fixed HTML pages, so the embed is framed cross-origin
 * exactly as on a real host site.
 */
export interface HostServer {
  /** e.g. http://127.0.0.1:39123 */
  origin: string;
  /** Every path requested, in order (to see that nothing unexpected was fetched). */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `pages` (path → HTML) on 127.0.0.1, port 0; 204 for /favicon.ico, 404 for anything else. */
export async function startHostServer(pages: Record<string, string>): Promise<HostServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    requests.push(path);
    const html = pages[path];
    if (html !== undefined && (req.method === "GET" || req.method === "HEAD")) {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : html);
    } else if (path === "/favicon.ico") {
      res.writeHead(204).end();
    } else {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
    }
  });
  const { url } = await listenOn(server);
  return {
    origin: url,
    requests,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
