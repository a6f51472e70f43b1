/** What `startRelay` may be told, and the rules it holds them to before it listens: loopback only, one safe target. */
import { hasEntraFlag } from "../checks/scim-urls.ts";

export interface RelayOptions {
  target: string;
  port?: number;
  host?: string;
  allowOrigin?: string;
  timeoutMs?: number;
  maxBodyBytes?: number;
  /** Requests forwarded at once (RELAY_MAX_IN_FLIGHT); one more is answered 503 at once. */
  maxInFlight?: number;
  log?: (line: string) => void;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

/** The options made safe, or an Error whose message the CLI prints as it is. */
export function checkOptions(o: RelayOptions) {
  const host = o.host ?? "127.0.0.1";
  if (!LOOPBACK.has(host))
    throw new Error(`The relay binds to loopback only (127.0.0.1, ::1, localhost), not ${host}.`);
  let target: URL;
  try {
    target = new URL(o.target);
  } catch {
    throw new Error(`--target must be an absolute URL, got ${o.target}.`);
  }
  const loopbackTarget = LOOPBACK.has(target.hostname.replace(/^\[|\]$/g, ""));
  if (target.protocol !== "https:" && !(target.protocol === "http:" && loopbackTarget)) {
    throw new Error("--target must be https:// (http:// only for a loopback test server).");
  }
  // The Tenant URL as Entra holds it may end in ?aadOptscim062020; Entra strips it, and so does the relay.
  if (hasEntraFlag(target)) target.search = "";
  if (target.search || target.hash || target.username || target.password) {
    throw new Error("--target is a SCIM base URL: no query, fragment or credentials.");
  }
  const allowOrigin = o.allowOrigin ?? "http://localhost:4173";
  if (new URL(allowOrigin).origin !== allowOrigin)
    throw new Error(`--allow-origin must be an origin such as http://localhost:4173.`);
  return { host, target, basePath: target.pathname.replace(/\/+$/, ""), allowOrigin };
}
