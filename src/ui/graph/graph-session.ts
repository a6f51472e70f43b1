/**
 * The admin's Microsoft Graph session in this tab: how a Graph token is had
 * (signed in with Microsoft, or pasted), where Graph is, and the enterprise
 * application picked. Memory only, like the SCIM key: a module-level store
 * that lives as long as the tab, so one sign-in serves every guide and the
 * log reader; a reload forgets it. No React state holds the token.
 */
import { useSyncExternalStore } from "react";
import type { CheckTarget } from "../../checks/types.ts";
import { GRAPH_ROOT } from "../../checks/types.ts";
import { holdSecret, releaseSecret } from "../connection/extra-secrets.ts";

/** An enterprise application (service principal) as Graph lists it. */
export interface GraphApp {
  id: string;
  displayName: string;
  appId?: string;
}

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
export interface DemoGraph {
  baseUrl: string;
  token: string;
}

/**
 * The target of a Graph check at the moment it runs: the demo's Graph, or the admin's with a
 * token fetched now (MSAL renews it silently when it has expired). The token is remembered for
 * scrubbing copies for as long as the tab has it.
 */
export async function graphTarget(demo: DemoGraph | undefined): Promise<CheckTarget> {
  if (demo) return { ...demo, servicePrincipalId: session.app.demo?.id };
  const source = session.source;
  const token = source === undefined ? "" : source.kind === "pasted" ? source.token : await source.token();
  if (source?.kind === "microsoft" && token) {
    holdSecret(token);
    signedInTokens.add(token);
  }
  return { baseUrl: session.root, token, servicePrincipalId: session.app.endpoint?.id };
}
