/**
 * The demo tenant over real HTTP on loopback: used by the tests and by anyone
 * trying the doctor. It only ever binds to a loopback address.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { listenOn } from "../server/listen.ts";
import type { DemoGraphFault } from "./graph-faults.ts";
import { createDemoTenant, type DemoFault, type DemoTenant } from "./simulator.ts";

export interface DemoServerOptions {
  /** 0 picks a free port. */
  port?: number;
  token: string;
  previousToken?: string;
  faults?: Iterable<DemoFault>;
  /** The one Graph token the demo's Graph accepts; without it, Graph refuses every request (401). */
  graphToken?: string;
  graphFaults?: Iterable<DemoGraphFault>;
  host?: "127.0.0.1" | "::1" | "localhost";
  slowMs?: number;
}

export interface DemoServer {
  /** Origin, e.g. http://127.0.0.1:53211 */
  url: string;
  /** SCIM base URL (the Tenant URL), e.g. http://127.0.0.1:53211/scim/v2 */
  baseUrl: string;
  /** The demo's Microsoft Graph root, e.g. http://127.0.0.1:53211/graph/v1.0: the Graph checks' baseUrl. */
  graphRoot: string;
  tenant: DemoTenant;
  close(): Promise<void>;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);
const MAX_REQUEST_BYTES = 1024 * 1024;
const GRAPH_CORS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET",
  "access-control-allow-headers": "Authorization, Accept, ConsistencyLevel",
  "access-control-expose-headers": "Retry-After",
};

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const host = options.host ?? "127.0.0.1";
  if (!LOOPBACK.has(host)) throw new Error(`The demo server binds to loopback only, not ${host}.`);
  const tenant = createDemoTenant(options);
  const server = createServer(async (req, res) => {
    // Aborts the "slow" wait when the client gives up, so no timer lingers after a timeout.
    const gone = new AbortController();
    res.on("close", () => {
      if (!res.writableEnded) gone.abort();
    });
    // Microsoft Graph answers browsers of any origin (a bearer token, no cookies), so the demo's
    // Graph does too: a page on another port can read it as it reads Graph. Its SCIM side sends no
    // CORS headers, like most SCIM servers, which is what the relay is for.
    const cors = tenant.graph.owns(new URL(req.url ?? "/", "http://x").pathname) ? GRAPH_CORS : {};
    if (req.method === "OPTIONS" && "access-control-allow-origin" in cors) {
      res.writeHead(204, { ...cors, "access-control-max-age": "600" }).end();
      return;
    }
    try {
      const body = await readBody(req);
      if (body === undefined) {
        res.writeHead(413, { "content-type": "text/plain" }).end("Request body too large.");
        return;
      }
      const reply = await tenant.handle({
        method: req.method ?? "GET",
        url: `http://${host === "::1" ? "[::1]" : host}:${(server.address() as AddressInfo).port}${req.url ?? "/"}`,
        headers: req.headers,
        body: body || undefined,
        signal: gone.signal,
      });
      if (gone.signal.aborted) return;
      res.writeHead(reply.status, { ...reply.headers, ...cors }).end(reply.body);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`Demo server error: ${(err as Error).message}`);
    }
  });
  const { url } = await listenOn(server, options.port, host);
  return {
    url,
    baseUrl: `${url}${tenant.basePath}`,
    graphRoot: `${url}${tenant.graph.basePath}`,
    tenant,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
