import {
  type AccountInfo,
  type AuthenticationResult,
  CacheLookupPolicy,
  type Configuration,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
  LogLevel,
  PublicClientApplication,
} from "@azure/msal-browser";
import { graphMessages } from "../messages/graph.ts";
import { authorityFor } from "./entra-config-schema.ts";
import { GRAPH_SCOPES } from "./graph-scopes.ts";
import { GraphSignInError, toSignInError } from "./sign-in-errors.ts";

/**
 * Microsoft sign-in for live, read-only Graph reads (issue 14; reference C). Load this module
 * with `await import(...)` when the admin presses "Sign in with Microsoft", never before: it is
 * the one module that brings MSAL, and no first page may grow by it.
 *
 * The Graph token follows the SCIM token's rule (DESIGN.md, Secrets): it lives in this MSAL
 * instance's memory and in the string `token()` returns, nowhere else. MSAL keeps its cache in
 * memory; the one thing it puts in sessionStorage during a sign-in is its "interaction in
 * progress" flag (client id and kind, no token), removed when the sign-in ends (docs/entra.md).
 */
export interface EntraSignInConfig {
  clientId: string;
  tenant: string;
  /** The redirect bridge on this origin, as loadEntraConfig gives it. */
  redirectUri: string;
}

export interface GraphAccount {
  name?: string;
  username: string;
  tenantId: string;
}

export interface GraphSignIn {
  signIn(): Promise<{ account: GraphAccount }>;
  token(): Promise<string>;
  signOut(): Promise<void>;
}

/** The part of MSAL's PublicClientApplication used here: a test hands in a fake of it. */
export type SignInClient = Pick<
  IPublicClientApplication,
  "initialize" | "loginPopup" | "acquireTokenSilent" | "acquireTokenPopup" | "clearCache" | "setActiveAccount"
>;

export interface GraphSignInDeps {
  PublicClientApplication?: new (configuration: Configuration) => SignInClient;
}

/**
 * How long a sign-in window may take. Entra's opener policy cuts the app off from that window, so a
 * window the admin closes is only noticed when this runs out; two minutes leave room for MFA.
 */
const SIGN_IN_WINDOW_MS = 120_000;

/** MSAL reads these sessionStorage switches to turn its console logging (with personal data) on. */
const MSAL_LOG_SWITCHES = ["msal.browser.log.level", "msal.browser.log.pii"];

export function msalConfiguration(config: EntraSignInConfig): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: authorityFor(config.tenant),
      redirectUri: config.redirectUri,
      // No background SSO probe: it would open a hidden frame and write its result to localStorage.
      verifySSO: false,
    },
    cache: { cacheLocation: "memoryStorage" },
    system: {
      // MSAL's log goes nowhere: no line of it can ever carry a token or an address.
      loggerOptions: { loggerCallback: () => undefined, logLevel: LogLevel.Error, piiLoggingEnabled: false },
      popupBridgeTimeout: SIGN_IN_WINDOW_MS,
      allowPlatformBroker: false,
    },
  };
}

const publicAccount = (account: AccountInfo): GraphAccount => ({
  ...(account.name ? { name: account.name } : {}),
  username: account.username,
  tenantId: account.tenantId,
});

export function startGraphSignIn(config: EntraSignInConfig, deps: GraphSignInDeps = {}): GraphSignIn {
  forgetLogSwitches();
  const Client = deps.PublicClientApplication ?? PublicClientApplication;
  const fail = (error: unknown): never => {
    throw toSignInError(error, config.tenant);
  };
  const client = new Client(msalConfiguration(config));
  let ready = false;
  const initialized = client.initialize().then(() => {
    ready = true;
  });
  // Its failure is reported by the first call that needs it, not as an unhandled rejection.
  initialized.catch(() => undefined);
  const whenReady = <T>(work: () => Promise<T>): Promise<T> => (ready ? work() : initialized.then(work));
  const request = () => ({ scopes: [...GRAPH_SCOPES] });
  let account: AccountInfo | null = null;
  // Counts sign-outs: a window still open when the admin signed out must not sign them back in.
  let signOuts = 0;

  const signedIn = async (result: AuthenticationResult, since: number) => {
    if (since !== signOuts) {
      await client.clearCache({ account: result.account }).catch(() => undefined);
      throw new GraphSignInError("signed-out", graphMessages.signIn.signedOut);
    }
    if (!result.account) throw new GraphSignInError("failed", graphMessages.signIn.failedNoCode);
    account = result.account;
    client.setActiveAccount(result.account);
    return result;
  };

  return {
    signIn() {
      const since = signOuts;
      // Called from the admin's click: once MSAL is ready the window opens in this same task, so
      // that the browser still counts the click and does not block it as an unasked pop-up.
      return whenReady(() => client.loginPopup({ ...request(), prompt: "select_account" }))
        .then((result) => signedIn(result, since))
        .then((result) => ({ account: publicAccount(result.account) }), fail);
    },
    async token() {
      const current = account;
      const since = signOuts;
      if (!current) throw new GraphSignInError("signed-out", graphMessages.signIn.signedOut);
      try {
        // From memory, or renewed with the refresh token; never through a hidden frame, which the
        // CSP refuses (no frame-src for Microsoft) and third-party cookie blocking breaks anyway.
        const result = await client.acquireTokenSilent({
          ...request(),
          account: current,
          cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
        });
        if (since !== signOuts) throw new GraphSignInError("signed-out", graphMessages.signIn.signedOut);
        return result.accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) return fail(error);
      }
      // The refresh token ran out (24 hours for a single-page app) or consent changed: ask again.
      try {
        const result = await client.acquireTokenPopup({ ...request(), account: current });
        return (await signedIn(result, since)).accessToken;
      } catch (error) {
        return fail(error);
      }
    },
    async signOut() {
      const current = account;
      account = null;
      signOuts++;
      if (!current) return;
      client.setActiveAccount(null);
      // Drops the account and its tokens from MSAL's memory cache; no Microsoft window, no network.
      await client.clearCache({ account: current }).catch(() => undefined);
    },
  };
}

function forgetLogSwitches(): void {
  try {
    for (const key of MSAL_LOG_SWITCHES) {
      if (window.sessionStorage.getItem(key) !== null) window.sessionStorage.removeItem(key);
    }
  } catch {
    // No sessionStorage (blocked, or a sandboxed frame): then MSAL cannot read the switches either.
  }
}
