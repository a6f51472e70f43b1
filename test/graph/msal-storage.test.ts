import { type Configuration, PublicClientApplication } from "@azure/msal-browser";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { startGraphSignIn } from "../../src/ui/graph/graph-sign-in.ts";
import { CLIENT, offlineEntra, SECRETS, TENANT } from "./offline-entra.ts";

/**
 * Issue 14 and DESIGN.md's Secrets rule, with the real MSAL: a whole popup sign-in (the real
 * PublicClientApplication and the real redirect bridge; Entra answered offline, see
 * offline-entra.ts), a token from memory, a renewal with the refresh token and a sign-out write no
 * token, code or verifier to localStorage, sessionStorage, cookies or IndexedDB, leave none in the
 * address, and log nothing. What MSAL does write is pinned: its "interaction in progress" flag in
 * sessionStorage during the sign-in, which holds the client id and "signin", and is gone after.
 */

interface Write {
  store: "localStorage" | "sessionStorage";
  key: string;
  value: string;
}

let writes: Write[];
let cookies: string[];
let indexedDbTouched: boolean;
let logged: unknown[][];

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  writes = [];
  cookies = [];
  indexedDbTouched = false;
  logged = [];
  const setItem = Storage.prototype.setItem;
  vi.spyOn(Storage.prototype, "setItem").mockImplementation(function (this: Storage, key: string, value: string) {
    writes.push({ store: this === localStorage ? "localStorage" : "sessionStorage", key, value });
    setItem.call(this, key, value);
  });
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
  vi.spyOn(Document.prototype, "cookie", "set").mockImplementation(function (this: Document, value: string) {
    cookies.push(value);
    cookie?.set?.call(this, value);
  });
  // jsdom has no IndexedDB; MSAL would reach for it for token-binding keys (not used with bearer tokens).
  Object.defineProperty(window, "indexedDB", {
    configurable: true,
    get() {
      indexedDbTouched = true;
      return undefined;
    },
  });
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args));
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(window, "indexedDB");
});

function offlinePca(network: ReturnType<typeof offlineEntra>["network"]) {
  return class OfflinePca extends PublicClientApplication {
    constructor(configuration: Configuration) {
      // Only the transport is swapped: everything else is the configuration the app uses.
      super({ ...configuration, system: { ...configuration.system, networkClient: network } });
    }
  };
}

const everything = () =>
  [
    ...writes.map((w) => `${w.store} ${w.key}=${w.value}`),
    ...cookies,
    JSON.stringify({ ...localStorage }),
    JSON.stringify({ ...sessionStorage }),
    document.cookie,
    window.location.href,
    JSON.stringify(logged),
  ].join("\n");

it("a real MSAL popup sign-in, token, renewal and sign-out keep every token in memory", async () => {
  // A first token that is already due for renewal (MSAL renews within 5 minutes of expiry).
  const entra = offlineEntra({ firstTokenLifetime: 60 });
  entra.install();
  const session = startGraphSignIn(
    { clientId: CLIENT, tenant: TENANT, redirectUri: `${window.location.origin}/auth/redirect.html` },
    { PublicClientApplication: offlinePca(entra.network) },
  );

  const { account } = await session.signIn();
  expect(account).toEqual({ name: "Ada Admin", username: "admin@contoso.onmicrosoft.com", tenantId: TENANT });
  // The real thing ran: the window went to the tenant's authorize endpoint, the code was redeemed.
  const opened = entra.requests.find((r) =>
    r.startsWith(`OPEN https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`),
  );
  expect(opened).toBeDefined();
  const authorize = new URL((opened ?? "").slice(5));
  expect(authorize.searchParams.get("redirect_uri")).toBe(`${window.location.origin}/auth/redirect.html`);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("scope")?.split(" ")).toEqual(
    expect.arrayContaining([
      "https://graph.microsoft.com/Synchronization.Read.All",
      "https://graph.microsoft.com/AuditLog.Read.All",
      "https://graph.microsoft.com/Directory.Read.All",
    ]),
  );
  expect(entra.requests.filter((r) => r.startsWith("POST"))).toHaveLength(1);

  // Due for renewal: the refresh token (from memory) buys a new one; no window, no frame.
  expect(await session.token()).toBe(SECRETS.renewedToken);
  expect(await session.token()).toBe(SECRETS.renewedToken);
  expect(entra.requests.filter((r) => r.startsWith("POST"))).toHaveLength(2);
  expect(entra.requests.filter((r) => r.startsWith("OPEN"))).toHaveLength(2); // about:blank, then authorize

  await session.signOut();
  await expect(session.token()).rejects.toMatchObject({ kind: "signed-out" });

  const seen = everything();
  for (const secret of [...Object.values(SECRETS), ...entra.idTokens, ...entra.verifiers.filter(Boolean)]) {
    expect(seen).not.toContain(secret);
  }
  expect(writes.filter((w) => w.store === "localStorage")).toEqual([]);
  expect(cookies).toEqual([]);
  expect(indexedDbTouched).toBe(false);
  // The one thing MSAL keeps in sessionStorage: that a sign-in is under way, for which client id.
  expect(new Set(writes.map((w) => w.key))).toEqual(new Set(["msal.interaction.status"]));
  for (const w of writes) expect(JSON.parse(w.value)).toEqual({ clientId: CLIENT, type: "signin" });
  expect({ ...sessionStorage }).toEqual({});
  expect(window.location.hash).toBe("");
  expect(logged).toEqual([]);
});

it("the redirect bridge alone, opened with no sign-in under way, writes nothing and fails quietly", async () => {
  const { broadcastResponseToMainFrame } = await import("@azure/msal-browser/redirect-bridge");
  const home = window.location.href;
  window.history.replaceState(null, "", "/auth/redirect.html");
  try {
    await expect(broadcastResponseToMainFrame()).rejects.toBeTruthy();
  } finally {
    window.history.replaceState(null, "", home);
  }
  expect(writes).toEqual([]);
  expect(cookies).toEqual([]);
  expect(logged).toEqual([]);
});
