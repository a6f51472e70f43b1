import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from "@azure/msal-browser";
import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";
import { vi } from "vitest";

/**
 * Microsoft Entra as far as MSAL's popup sign-in needs it, with no network: the answers to MSAL's
 * discovery and token requests (its network client, injected), a sign-in window that is a plain
 * object (window.open, stubbed), and the redirect bridge itself (the real
 * `broadcastResponseToMainFrame`) run in this window once "Entra" has sent the window back to the
 * bridge's address. Made-up values only.
 */
export const TENANT = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
export const CLIENT = "11111111-2222-3333-4444-555555555555";
export const SECRETS = {
  code: "AUTH-CODE-0123456789",
  accessToken: "GRAPH-ACCESS-TOKEN-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  renewedToken: "GRAPH-ACCESS-TOKEN-RENEWED-bbbbbbbbbbbbbbbbbbbbbbbbbb",
  refreshToken: "REFRESH-TOKEN-cccccccccccccccccccccccccccccccccc",
  idTokenMarker: "ID-TOKEN-SIGNATURE-dddddddddddddddd",
};

const HOST = "https://login.microsoftonline.com";
const OID = "99999999-8888-7777-6666-555555555555";
const b64url = (value: object | string) =>
  Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const clientInfo = b64url({ uid: OID, utid: TENANT });

export interface OfflineEntra {
  network: INetworkModule;
  /** Every URL MSAL asked for or opened, in order. */
  requests: string[];
  /** The id token's value, once issued (to scan storage for it). */
  idTokens: string[];
  verifiers: string[];
  install(): void;
  restore(): void;
}

export function offlineEntra(options: { firstTokenLifetime?: number } = {}): OfflineEntra {
  const requests: string[] = [];
  const idTokens: string[] = [];
  const verifiers: string[] = [];
  let nonce = "";
  const answer = <T>(body: unknown): NetworkResponse<T> => ({ status: 200, headers: {}, body: body as T });

  const openid = {
    authorization_endpoint: `${HOST}/${TENANT}/oauth2/v2.0/authorize`,
    token_endpoint: `${HOST}/${TENANT}/oauth2/v2.0/token`,
    end_session_endpoint: `${HOST}/${TENANT}/oauth2/v2.0/logout`,
    issuer: `${HOST}/${TENANT}/v2.0`,
    jwks_uri: `${HOST}/${TENANT}/discovery/v2.0/keys`,
  };
  const idToken = () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      aud: CLIENT,
      iss: openid.issuer,
      iat: now,
      nbf: now,
      exp: now + 3600,
      name: "Ada Admin",
      preferred_username: "admin@contoso.onmicrosoft.com",
      oid: OID,
      sub: "subject",
      tid: TENANT,
      nonce,
      ver: "2.0",
    };
    const token = `${b64url({ typ: "JWT", alg: "RS256" })}.${b64url(claims)}.${b64url(SECRETS.idTokenMarker)}`;
    idTokens.push(token);
    return token;
  };

  const network: INetworkModule = {
    async sendGetRequestAsync<T>(url: string): Promise<NetworkResponse<T>> {
      requests.push(`GET ${url}`);
      if (url.startsWith(`${HOST}/common/discovery/instance`)) {
        return answer({
          tenant_discovery_endpoint: `${HOST}/${TENANT}/v2.0/.well-known/openid-configuration`,
          "api-version": "1.1",
          metadata: [
            {
              preferred_network: "login.microsoftonline.com",
              preferred_cache: "login.windows.net",
              aliases: ["login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"],
            },
          ],
        });
      }
      if (url.startsWith(`${HOST}/${TENANT}/v2.0/.well-known/openid-configuration`)) return answer(openid);
      throw new Error(`offline Entra: no answer for GET ${url}`);
    },
    async sendPostRequestAsync<T>(url: string, request?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
      requests.push(`POST ${url}`);
      if (!url.startsWith(openid.token_endpoint)) throw new Error(`offline Entra: no answer for POST ${url}`);
      const form = new URLSearchParams(request?.body ?? "");
      const renewing = form.get("grant_type") === "refresh_token";
      if (renewing ? form.get("refresh_token") !== SECRETS.refreshToken : form.get("code") !== SECRETS.code) {
        return {
          status: 400,
          headers: {},
          body: { error: "invalid_grant", error_description: "AADSTS70000: bad" } as T,
        };
      }
      verifiers.push(form.get("code_verifier") ?? "");
      return answer({
        token_type: "Bearer",
        scope: form.get("scope"),
        expires_in: renewing ? 3600 : (options.firstTokenLifetime ?? 3600),
        ext_expires_in: 3600,
        access_token: renewing ? SECRETS.renewedToken : SECRETS.accessToken,
        refresh_token: SECRETS.refreshToken,
        id_token: idToken(),
        client_info: clientInfo,
      });
    },
  };

  /** Entra's side of the sign-in window: it signs the admin in and sends the window to the bridge. */
  async function signInWindowGoesTo(url: string) {
    requests.push(`OPEN ${url}`);
    if (url === "about:blank") return;
    const authorize = new URL(url);
    nonce = authorize.searchParams.get("nonce") ?? "";
    const state = authorize.searchParams.get("state") ?? "";
    // MSAL starts listening on the bridge's channel right after it has navigated the window.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const home = window.location.href;
    const response = new URLSearchParams({ code: SECRETS.code, state, client_info: clientInfo, session_state: "s" });
    window.history.replaceState(null, "", `${authorize.searchParams.get("redirect_uri")}#${response}`);
    await broadcastResponseToMainFrame();
    window.history.replaceState(null, "", home);
  }

  const popup = {
    closed: false,
    document: { title: "" },
    focus: () => undefined,
    close() {
      popup.closed = true;
    },
    location: { assign: (url: string) => void signInWindowGoesTo(url) },
  };

  return {
    network,
    requests,
    idTokens,
    verifiers,
    install() {
      vi.spyOn(window, "open").mockImplementation(((url?: string | URL) => {
        void signInWindowGoesTo(String(url ?? "about:blank"));
        return popup as unknown as Window;
      }) as typeof window.open);
      // The bridge closes "its" window at the end: here that is the test's own.
      vi.spyOn(window, "close").mockImplementation(() => undefined);
    },
    restore() {
      vi.restoreAllMocks();
    },
  };
}
