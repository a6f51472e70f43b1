/**
 * The admin's Microsoft Graph session in this tab: how a Graph token is had
 * (signed in with Microsoft, or pasted), where Graph is, and the enterprise
 * application picked. Memory only, like the SCIM key: a module-level store
 * that lives as long as the tab, so one sign-in serves every guide and the
 * log reader; a reload forgets it. No React state holds the token.
 */
import { useSyncExternalStore } from "react";
import type { ServicePrincipalSummary } from "../../checks/graph-reads.ts";
import { checkGraphRoot } from "../../checks/graph-root.ts";
import type { CheckTarget } from "../../checks/types.ts";
import { GRAPH_ROOT } from "../../checks/types.ts";
import type { ConnectionSettings, DemoTenantAccess } from "../connection/connection-context.tsx";
import { holdSecret, releaseSecret } from "../connection/extra-secrets.ts";
import { graphPanelMessages } from "../messages/graph-panel.ts";

/** An enterprise application (service principal) as Graph lists it. */
export type GraphApp = ServicePrincipalSummary;

/** How this tab gets a Graph token for the admin's own tenant. */
export type GraphTokenSource =
  | { kind: "microsoft"; account: string; token(): Promise<string>; signOut(): Promise<void> }
  | { kind: "pasted"; token: string };

export interface GraphSession {
  /** The Graph root the admin's checks go to (the demo has its own). */
  root: string;
  source?: GraphTokenSource;
  /** Picked per connection mode: the demo's applications are not the admin's. */
  app: { demo?: GraphApp; endpoint?: GraphApp };
}

let session: GraphSession = { root: GRAPH_ROOT, app: {} };
const listeners = new Set<() => void>();
/** The tokens a sign-in handed out, held for scrubbing copies until the admin signs out. */
const signedInTokens = new Set<string>();

export const graphSession = (): GraphSession => session;

export function updateGraphSession(change: Partial<GraphSession>): void {
  if ("source" in change && change.source !== session.source) {
    if (session.source?.kind === "pasted") releaseSecret(session.source.token);
    if (change.source?.kind === "pasted") holdSecret(change.source.token);
  }
  session = { ...session, ...change };
  for (const listener of listeners) listener();
}

export function pickGraphApp(mode: "demo" | "endpoint", app: GraphApp | undefined): void {
  updateGraphSession({ app: { ...session.app, [mode]: app } });
}

/** Signs out of Microsoft (when signed in) and forgets any pasted token; the picked application goes too. */
export async function forgetGraph(): Promise<void> {
  const source = session.source;
  updateGraphSession({ source: undefined, app: { ...session.app, endpoint: undefined } });
  for (const token of signedInTokens) releaseSecret(token);
  signedInTokens.clear();
  if (source?.kind === "microsoft") await source.signOut();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useGraphSession(): GraphSession {
  return useSyncExternalStore(subscribe, graphSession, graphSession);
}

/** What the demo tenant's Graph is: its root and this tab's made-up token. */
export interface DemoGraphTarget {
  baseUrl: string;
  token: string;
}

/**
 * The target of a Graph check or read at the moment it runs: the demo's Graph, or the admin's
 * with a token fetched now (MSAL renews it silently while its refresh token lasts). A token is
 * only handed out with a Graph root it may go to (checkGraphRoot), and a Microsoft sign-in's
 * token only with Microsoft's global Graph, the cloud it signed in to. It is remembered for
 * scrubbing copies for as long as the tab has it.
 */
export async function graphTarget(demo: DemoGraphTarget | undefined): Promise<CheckTarget> {
  if (demo) return { ...demo, servicePrincipalId: session.app.demo?.id };
  const source = session.source;
  const servicePrincipalId = session.app.endpoint?.id;
  if (source?.kind === "microsoft")
    return { baseUrl: GRAPH_ROOT, token: await signedInToken(source), servicePrincipalId };
  const root = checkGraphRoot(session.root);
  if (!root.ok) throw new Error(graphPanelMessages.rootProblem(root.problem));
  return { baseUrl: root.root, token: source?.token ?? "", servicePrincipalId };
}

/**
 * Where a Graph request goes as the connection stands, for the checks, the application search and
 * the log reader alike: the demo's Graph through the demo's own transport, or the admin's Graph
 * through the browser's fetch.
 */
export async function graphRequest(
  settings: Pick<ConnectionSettings, "mode" | "faults">,
  demo: DemoTenantAccess | undefined,
): Promise<{ target: CheckTarget; fetch?: typeof fetch }> {
  if (settings.mode !== "demo" || !demo) return { target: await graphTarget(undefined) };
  return { target: await graphTarget(demo.graph), fetch: await demo.prepare(settings.faults) };
}

/**
 * The signed-in admin's token. When MSAL cannot renew it without a window the browser allows
 * (a popup opened long after the click is blocked), the sign-in is dropped, so that the panel
 * offers "Sign in with Microsoft" again, from a click of its own.
 */
async function signedInToken(source: Extract<GraphTokenSource, { kind: "microsoft" }>): Promise<string> {
  let token: string;
  try {
    token = await source.token();
  } catch (error) {
    await forgetGraph();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(graphPanelMessages.signInExpired(reason));
  }
  holdSecret(token);
  signedInTokens.add(token);
  return token;
}
