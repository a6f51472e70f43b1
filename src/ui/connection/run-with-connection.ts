/**
 * One check run as the connection stands at the moment it runs: where it goes (the demo, the
 * admin's endpoint directly or through the relay, Microsoft Graph), with which transport, then
 * runCheck. Loaded with the first check run, with the checks: most walks never run one.
 */
import { entryOf, isCheckName, isGraphCheck } from "../../checks/catalog.ts";
import { runCheck } from "../../checks/run.ts";
import type { CheckResult, CheckTarget } from "../../checks/types.ts";
import type { CheckRequest } from "../../engine/compile.ts";
import { type ConnectionSettings, type DemoTenantAccess, effectiveBaseUrl } from "./connection-context.tsx";

export async function runWithConnection(
  request: CheckRequest,
  s: ConnectionSettings,
  demo: DemoTenantAccess | undefined,
  options: { timeoutMs?: number; signal?: AbortSignal },
): Promise<CheckResult> {
  let target: CheckTarget;
  // The demo's own transport; an endpoint's checks use the browser's fetch.
  let transport: typeof fetch | undefined;
  const inDemo = s.mode === "demo" && demo !== undefined;
  if (isGraphCheck(request.check)) {
    // Graph checks go to Microsoft Graph (or the demo's), with the Graph session's token and application.
    const { graphRequest } = await import("../graph/graph-session.ts");
    ({ target, fetch: transport } = await graphRequest(s, demo));
  } else if (inDemo) {
    transport = await demo.prepare(s.faults);
    target = demo.target;
  } else {
    // A check that sends nothing (url-format) judges the address the admin typed; only requests go through the relay.
    // Untrimmed: stray spaces in the Tenant URL are one of the things url-format reports.
    const sends = !isCheckName(request.check) || entryOf(request.check).sends;
    const baseUrl = sends ? effectiveBaseUrl(s) : s.baseUrl;
    target = { baseUrl, token: s.token, previousToken: s.previousToken || undefined };
  }
  return runCheck(request.check, target, request.params, { fetch: transport, ...options });
}
