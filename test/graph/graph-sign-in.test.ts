import {
  type AccountInfo,
  type AuthenticationResult,
  BrowserAuthError,
  CacheLookupPolicy,
  type Configuration,
  InteractionRequiredAuthError,
  ServerError,
} from "@azure/msal-browser";
import { describe, expect, it, vi } from "vitest";
import { type SignInClient, startGraphSignIn } from "../../src/ui/graph/graph-sign-in.ts";
import { GraphSignInError } from "../../src/ui/graph/sign-in-errors.ts";

/** Issue 14: the sign-in module over a fake PublicClientApplication; no network, no Microsoft. */

const CONFIG = {
  clientId: "11111111-2222-3333-4444-555555555555",
  tenant: "contoso.onmicrosoft.com",
  redirectUri: "https://troubleshooter.example.com/auth/redirect.html",
};
const TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.GRAPH-ACCESS-TOKEN-SECRET.c2lnbmF0dXJl";
const SCOPES = [
  "https://graph.microsoft.com/Synchronization.Read.All",
  "https://graph.microsoft.com/AuditLog.Read.All",
  "https://graph.microsoft.com/Directory.Read.All",
];
const ACCOUNT = {
  homeAccountId: "oid.tid",
  environment: "login.microsoftonline.com",
  tenantId: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
  username: "admin@contoso.onmicrosoft.com",
  localAccountId: "oid",
  name: "Ada Admin",
} as AccountInfo;
/** A server error as MSAL builds it from Entra's answer: the description, and the AADSTS number as errorNo. */
const serverError = (code: string, description: string) =>
  new ServerError(code, "correlation-id", description, undefined, /^AADSTS(\d+)/.exec(description)?.[1]);
const result = (accessToken = TOKEN) => ({ account: ACCOUNT, accessToken }) as AuthenticationResult;

/** A fake PCA class recording its configuration and every call; each method's behaviour set per test. */
function fakeClient(overrides: Partial<Record<keyof SignInClient, (...args: never[]) => unknown>> = {}) {
  const calls: { method: string; args: unknown[] }[] = [];
  let configuration: Configuration | undefined;
  const behaviour: Record<keyof SignInClient, (...args: never[]) => unknown> = {
    initialize: async () => undefined,
    loginPopup: async () => result(),
    acquireTokenSilent: async () => result(),
    acquireTokenPopup: async () => result(),
    clearCache: async () => undefined,
    setActiveAccount: () => undefined,
    ...overrides,
  };
  class FakePca {
    constructor(config: Configuration) {
      configuration = config;
      for (const method of Object.keys(behaviour) as (keyof SignInClient)[]) {
        (this as Record<string, unknown>)[method] = (...args: never[]) => {
          calls.push({ method, args });
          return behaviour[method](...args);
        };
      }
    }
  }
  return {
    PublicClientApplication: FakePca as unknown as new (c: Configuration) => SignInClient,
    calls,
    called: (method: string) => calls.filter((c) => c.method === method),
    configuration: () => configuration as Configuration,
  };
}

/** Every way a token could leak out of an error: its message, stack, JSON form, own fields and cause. */
function errorText(error: unknown): string {
  const e = error as Error & Record<string, unknown>;
  return [e.message, e.stack, JSON.stringify(e), JSON.stringify(Object.entries(e)), String(e.cause)].join("\n");
}

async function thrown(promise: Promise<unknown>): Promise<GraphSignInError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphSignInError);
    expect(errorText(error)).not.toContain(TOKEN);
    expect(errorText(error)).not.toContain("GRAPH-ACCESS-TOKEN-SECRET");
    return error as GraphSignInError;
  }
  throw new Error("expected a rejection");
}

describe("startGraphSignIn", () => {
  it("configures one PublicClientApplication: the tenant's authority, the bridge, memory cache, MSAL's log to nowhere", async () => {
    const fake = fakeClient();
    const session = startGraphSignIn(CONFIG, fake);
    await session.signIn();
    const config = fake.configuration();
    expect(config.auth).toMatchObject({
      clientId: CONFIG.clientId,
      authority: "https://login.microsoftonline.com/contoso.onmicrosoft.com",
      redirectUri: CONFIG.redirectUri,
      verifySSO: false,
    });
    expect(config.cache).toEqual({ cacheLocation: "memoryStorage" });
    expect(config.system?.loggerOptions?.piiLoggingEnabled).toBe(false);
    expect(config.system?.loggerOptions?.loggerCallback?.(0, `a line with ${TOKEN}`, true)).toBeUndefined();
    expect(fake.called("initialize")).toHaveLength(1);
  });

  it("signs in with a popup for exactly the three read-only Graph scopes, and returns the account without any token", async () => {
    const fake = fakeClient();
    const signedIn = await startGraphSignIn(CONFIG, fake).signIn();
    expect(signedIn).toEqual({
      account: { name: "Ada Admin", username: ACCOUNT.username, tenantId: ACCOUNT.tenantId },
    });
    expect(JSON.stringify(signedIn)).not.toContain(TOKEN);
    const [login] = fake.called("loginPopup");
    expect(login.args[0]).toEqual({ scopes: SCOPES, prompt: "select_account" });
    expect(fake.calls.map((c) => c.method)).toEqual(["initialize", "loginPopup", "setActiveAccount"]);
  });

  it("opens the window in the click's own task once MSAL is ready (no await before loginPopup)", async () => {
    const fake = fakeClient();
    const session = startGraphSignIn(CONFIG, fake);
    await Promise.resolve();
    await Promise.resolve();
    void session.signIn();
    expect(fake.called("loginPopup")).toHaveLength(1);
  });

  it("token(): silent first, from memory or the refresh token, never a hidden frame", async () => {
    const fake = fakeClient();
    const session = startGraphSignIn(CONFIG, fake);
    await session.signIn();
    expect(await session.token()).toBe(TOKEN);
    const [silent] = fake.called("acquireTokenSilent");
    expect(silent.args[0]).toEqual({
      scopes: SCOPES,
      account: ACCOUNT,
      cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
    });
    expect(fake.called("acquireTokenPopup")).toHaveLength(0);
  });

  it("token(): interaction required → a popup for the same scopes and account", async () => {
    const fake = fakeClient({
      acquireTokenSilent: async () => {
        throw new InteractionRequiredAuthError(
          "interaction_required",
          "",
          "AADSTS50076: MFA needed",
          "",
          "",
          "",
          "",
          "50076",
        );
      },
      acquireTokenPopup: async () => result("SECOND-TOKEN"),
    });
    const session = startGraphSignIn(CONFIG, fake);
    await session.signIn();
    expect(await session.token()).toBe("SECOND-TOKEN");
    expect(fake.called("acquireTokenPopup")[0].args[0]).toEqual({ scopes: SCOPES, account: ACCOUNT });
  });

  it("token() before sign-in, and after sign-out, says to sign in first", async () => {
    const fake = fakeClient();
    const session = startGraphSignIn(CONFIG, fake);
    expect((await thrown(session.token())).kind).toBe("signed-out");
    await session.signIn();
    await session.signOut();
    expect((await thrown(session.token())).kind).toBe("signed-out");
  });

  it("signOut() forgets the account and drops it and its tokens from MSAL's memory cache, with no Microsoft window", async () => {
    const fake = fakeClient();
    const session = startGraphSignIn(CONFIG, fake);
    await session.signIn();
    await session.signOut();
    expect(fake.called("clearCache")[0].args[0]).toEqual({ account: ACCOUNT });
    expect(fake.called("setActiveAccount").at(-1)?.args).toEqual([null]);
    expect(fake.calls.map((c) => c.method)).not.toContain("logoutPopup");
    await session.signOut(); // twice is harmless
    expect(fake.called("clearCache")).toHaveLength(1);
  });

  it("a sign-out while the sign-in window is still open wins: the late sign-in is dropped, not kept", async () => {
    let finish: (value: AuthenticationResult) => void = () => undefined;
    const fake = fakeClient({ loginPopup: () => new Promise<AuthenticationResult>((resolve) => (finish = resolve)) });
    const session = startGraphSignIn(CONFIG, fake);
    const pending = session.signIn();
    await vi.waitFor(() => expect(fake.called("loginPopup")).toHaveLength(1));
    await session.signOut();
    finish(result());
    expect((await thrown(pending)).kind).toBe("signed-out");
    expect(fake.called("clearCache")[0].args[0]).toEqual({ account: ACCOUNT });
    expect((await thrown(session.token())).kind).toBe("signed-out");
  });

  it.each([
    ["a blocked popup", new BrowserAuthError("popup_window_error", ""), "popup-blocked", /Allow pop-ups/],
    [
      "a window the admin closed (MSAL times out)",
      new BrowserAuthError("timed_out", ""),
      "cancelled",
      /was not finished/,
    ],
    ["the admin cancelling", new BrowserAuthError("user_cancelled", ""), "cancelled", /was not finished/],
    [
      "a declined consent screen",
      serverError("access_denied", "AADSTS65004: User declined to consent"),
      "cancelled",
      /was not finished/,
    ],
    ["a sign-in already open", new BrowserAuthError("interaction_in_progress", ""), "in-progress", /already open/],
    [
      "missing admin consent",
      serverError("invalid_client", "AADSTS65001: The user or administrator has not consented"),
      "consent-required",
      /Grant admin consent/,
    ],
    [
      "admin approval required",
      serverError("access_denied", "AADSTS90094: Admin consent required"),
      "consent-required",
      /consent/,
    ],
    [
      "an account of another tenant",
      serverError("invalid_request", "AADSTS50020: User account from identity provider does not exist in tenant"),
      "wrong-tenant",
      /contoso\.onmicrosoft\.com/,
    ],
    [
      "an unknown app in the tenant",
      serverError("unauthorized_client", "AADSTS700016: Application not found"),
      "app-registration",
      /AADSTS700016/,
    ],
    [
      "a redirect URI of the wrong platform",
      serverError("invalid_request", "AADSTS9002326: Cross-origin token redemption"),
      "app-registration",
      /AADSTS9002326/,
    ],
    ["no network", new BrowserAuthError("no_network_connectivity", ""), "network", /could not be reached/],
    ["a fetch that failed", new TypeError("Failed to fetch"), "network", /could not be reached/],
    ["something else", new Error(`weird ${TOKEN}`), "failed", /^Sign-in with Microsoft failed\. Try again/],
  ])("turns %s into a plain message of its own, with no token in it", async (_, error, kind, message) => {
    const fake = fakeClient({
      loginPopup: async () => {
        throw error;
      },
    });
    const failure = await thrown(startGraphSignIn(CONFIG, fake).signIn());
    expect(failure.kind).toBe(kind);
    expect(failure.message).toMatch(message);
    // Nothing of what MSAL or Entra said is copied, beyond a code.
    expect(failure.message).not.toMatch(/does not exist in tenant|has not consented|Failed to fetch|weird/);
    expect(failure.cause).toBeUndefined();
  });

  it("a token in an MSAL error's text never reaches the thrown error, from token() and its popup either", async () => {
    const leaky = serverError("invalid_grant", `AADSTS70000: bad grant for ${TOKEN}`);
    const fake = fakeClient({
      acquireTokenSilent: async () => {
        throw new InteractionRequiredAuthError("interaction_required", "", `refresh failed ${TOKEN}`);
      },
      acquireTokenPopup: async () => {
        throw leaky;
      },
    });
    const session = startGraphSignIn(CONFIG, fake);
    await session.signIn();
    const failure = await thrown(session.token());
    expect(failure).toMatchObject({ kind: "failed", code: "AADSTS70000" });
  });

  it("an initialize() that fails is reported by the sign-in, as a plain message", async () => {
    const fake = fakeClient({
      initialize: async () => {
        throw new BrowserAuthError("crypto_nonexistent", "");
      },
    });
    const failure = await thrown(startGraphSignIn(CONFIG, fake).signIn());
    expect(failure).toMatchObject({ kind: "failed", code: "crypto_nonexistent" });
    expect(fake.called("loginPopup")).toHaveLength(0);
  });

  it("nothing is written to the console while signing in, failing and signing out", async () => {
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) => vi.spyOn(console, level));
    try {
      const fake = fakeClient({
        acquireTokenSilent: async () => {
          throw new InteractionRequiredAuthError("interaction_required", "");
        },
      });
      const session = startGraphSignIn(CONFIG, fake);
      await session.signIn();
      await session.token();
      await session.signOut();
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("turns MSAL's own sessionStorage switches for console logging off before MSAL reads them", async () => {
    sessionStorage.setItem("msal.browser.log.level", "Verbose");
    sessionStorage.setItem("msal.browser.log.pii", "true");
    startGraphSignIn(CONFIG, fakeClient());
    expect(sessionStorage.getItem("msal.browser.log.level")).toBeNull();
    expect(sessionStorage.getItem("msal.browser.log.pii")).toBeNull();
  });
});
