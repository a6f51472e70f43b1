/**
 * Where a Graph token may be sent. Microsoft Graph lives at one root per
 * national cloud; a Graph address the admin types is held to those roots, so a
 * typo or a pasted link can never hand the token to another host. Loopback is
 * allowed for a local stand-in (the demo server, the tests), as it is for the relay.
 */

import { GRAPH_ROOT } from "./types.ts";

/** The national clouds' Graph roots (Microsoft Graph "national cloud deployments"). */
export const GRAPH_CLOUD_ROOTS: readonly string[] = [
  GRAPH_ROOT,
  "https://graph.microsoft.us/v1.0",
  "https://dod-graph.microsoft.us/v1.0",
  "https://microsoftgraph.chinacloudapi.cn/v1.0",
];

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The root as checks use it (no trailing slash), or why a token may not be sent there. */
export function checkGraphRoot(typed: string): { ok: true; root: string } | { ok: false; problem: string } {
  const root = typed.trim().replace(/\/+$/, "");
  if (GRAPH_CLOUD_ROOTS.includes(root)) return { ok: true, root };
  let url: URL;
  try {
    url = new URL(root);
  } catch {
    return { ok: false, problem: "not an absolute address" };
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) && (url.protocol === "http:" || url.protocol === "https:");
  if (loopback && !url.search && !url.hash && !url.username && !url.password) return { ok: true, root };
  return {
    ok: false,
    problem: `not a Microsoft Graph root (${GRAPH_CLOUD_ROOTS.join(", ")}) nor a local address on 127.0.0.1 or localhost`,
  };
}
