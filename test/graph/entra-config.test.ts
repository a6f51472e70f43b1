import { describe, expect, it, vi } from "vitest";
import { entraConfigFromEnv, entraConfigPlugin } from "../../src/build/entra-config-plugin.ts";
import { loadEntraConfig } from "../../src/ui/graph/entra-config.ts";
import { checkEntraConfig } from "../../src/ui/graph/entra-config-schema.ts";

/** Issue 14: the deployment's Entra app, read at run time from /entra-config.json, or written by the build. */

const CLIENT = "11111111-2222-3333-4444-555555555555";
const TENANT_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const ORIGIN = "https://troubleshooter.example.com";

const answer =
  (body: BodyInit | null, init: ResponseInit = {}) =>
  async () =>
    new Response(body, { status: 200, headers: { "content-type": "application/json" }, ...init });

const load = (fetchImpl: typeof fetch, timeoutMs?: number) => loadEntraConfig(fetchImpl, { origin: ORIGIN, timeoutMs });

describe("loadEntraConfig", () => {
  it("is on with a valid file, and names the redirect bridge on the app's own origin", async () => {
    const fetchImpl = vi.fn(answer(JSON.stringify({ clientId: CLIENT, tenant: "contoso.onmicrosoft.com" })));
    expect(await load(fetchImpl)).toEqual({
      state: "on",
      clientId: CLIENT,
      tenant: "contoso.onmicrosoft.com",
      redirectUri: `${ORIGIN}/auth/redirect.html`,
    });
    // From the app's own origin, without cookies, past any cached copy.
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [URL, RequestInit];
    expect(String(url)).toBe(`${ORIGIN}/entra-config.json`);
    expect(init).toMatchObject({ credentials: "omit", cache: "no-cache" });
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it("reads the page's own origin when none is given", async () => {
    const fetchImpl = vi.fn(answer(JSON.stringify({ clientId: CLIENT, tenant: TENANT_ID })));
    const config = await loadEntraConfig(fetchImpl);
    expect(String((fetchImpl.mock.calls[0] as unknown[])[0])).toBe(`${window.location.origin}/entra-config.json`);
    expect(config).toMatchObject({ state: "on", redirectUri: `${window.location.origin}/auth/redirect.html` });
  });

  it("is off when the file is absent (404, 410), or the host answers with the app's HTML page instead", async () => {
    expect(await load(answer("Not found", { status: 404 }))).toEqual({ state: "off" });
    expect(await load(answer(null, { status: 410 }))).toEqual({ state: "off" });
    const spaFallback = answer("<!doctype html><title>SCIM Troubleshooter</title>", {
      headers: { "content-type": "text/html; charset=utf-8" },
    });
    expect(await load(spaFallback)).toEqual({ state: "off" });
  });

  it.each([
    ["not JSON", "{ clientId: nope", /not JSON/],
    ["an array", "[]", /must be a JSON object/],
    ["no tenant", JSON.stringify({ clientId: CLIENT }), /tenant is missing/],
    [
      "a client id that is no GUID",
      JSON.stringify({ clientId: "my-app", tenant: TENANT_ID }),
      /clientId must be.*"my-app"/,
    ],
    [
      "a tenant with a path in it",
      JSON.stringify({ clientId: CLIENT, tenant: "contoso.com/../evil" }),
      /tenant must be/,
    ],
    [
      "an authority",
      JSON.stringify({ clientId: CLIENT, tenant: TENANT_ID, authority: "https://evil.example" }),
      /authority is not allowed/,
    ],
    [
      "an unknown key",
      JSON.stringify({ clientId: CLIENT, tenant: TENANT_ID, scopes: [] }),
      /"scopes" is not a setting/,
    ],
  ])("is invalid with a clear message for %s", async (_, body, message) => {
    const config = await load(answer(body));
    expect(config.state).toBe("invalid");
    if (config.state !== "invalid") return;
    expect(config.message).toMatch(message);
    expect(config.message).toMatch(/^Microsoft sign-in is not set up correctly on this site \(\/entra-config\.json: /);
  });

  it("is invalid, not off, when the server fails or cannot be reached", async () => {
    expect(await load(answer("oops", { status: 500 }))).toMatchObject({ state: "invalid", message: /HTTP 500/ });
    const offline = async () => {
      throw new TypeError("Failed to fetch");
    };
    expect(await load(offline)).toMatchObject({ state: "invalid", message: /network error/ });
  });

  it("is bounded in size: a declared or streamed body over 4 KB is refused unread", async () => {
    const big = JSON.stringify({ clientId: CLIENT, tenant: TENANT_ID, pad: "x".repeat(10_000) });
    expect(await load(answer(big))).toMatchObject({ state: "invalid", message: /larger than a configuration/ });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode(" ".repeat(1024)));
      },
    });
    expect(await load(answer(endless))).toMatchObject({ state: "invalid", message: /larger than a configuration/ });
    expect(pulled).toBeLessThan(10);
  });

  it("is bounded in time: a server that never answers is given up on", async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    const started = Date.now();
    expect(await load(hanging, 50)).toMatchObject({ state: "invalid", message: /no answer in time/ });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("checkEntraConfig", () => {
  it("takes a tenant as a GUID or a domain, in any case, and nothing that could leave the authority's host", () => {
    for (const tenant of [
      TENANT_ID,
      TENANT_ID.toUpperCase(),
      "contoso.onmicrosoft.com",
      "Contoso.COM",
      "a-b.c-d.example",
    ]) {
      expect(checkEntraConfig({ clientId: CLIENT, tenant }).ok, tenant).toBe(true);
    }
    for (const tenant of [
      "",
      "common",
      "contoso",
      "-contoso.com",
      "contoso..com",
      "contoso.com.",
      "evil.com@x.y",
      "x.y:443",
      "a.b?c",
      "a.b#c",
      " contoso.com",
    ]) {
      expect(checkEntraConfig({ clientId: CLIENT, tenant }).ok, tenant).toBe(false);
    }
  });
});

describe("the build's entra-config.json", () => {
  it("writes nothing when neither variable is set (or both are empty)", () => {
    expect(entraConfigFromEnv({})).toBeUndefined();
    expect(entraConfigFromEnv({ ENTRA_CLIENT_ID: "", ENTRA_TENANT: " " })).toBeUndefined();
  });

  it("writes exactly { clientId, tenant } when both are valid (surrounding spaces dropped)", () => {
    const text = entraConfigFromEnv({ ENTRA_CLIENT_ID: ` ${CLIENT}\n`, ENTRA_TENANT: "contoso.onmicrosoft.com" });
    expect(JSON.parse(text ?? "")).toEqual({ clientId: CLIENT, tenant: "contoso.onmicrosoft.com" });
  });

  it("fails with a message naming the variable when one is missing or a value is wrong", () => {
    expect(() => entraConfigFromEnv({ ENTRA_CLIENT_ID: CLIENT })).toThrow(
      /ENTRA_CLIENT_ID is set but ENTRA_TENANT is not: set both .* or neither/,
    );
    expect(() => entraConfigFromEnv({ ENTRA_TENANT: TENANT_ID })).toThrow(
      /ENTRA_TENANT is set but ENTRA_CLIENT_ID is not/,
    );
    expect(() => entraConfigFromEnv({ ENTRA_CLIENT_ID: "not-a-guid", ENTRA_TENANT: TENANT_ID })).toThrow(
      /Cannot write dist\/entra-config\.json: ENTRA_CLIENT_ID must be the application \(client\) ID, a GUID/,
    );
    expect(() =>
      entraConfigFromEnv({ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT: "https://login.microsoftonline.com/x" }),
    ).toThrow(/ENTRA_TENANT must be the directory \(tenant\) ID/);
  });

  it("the plugin stops the build on a bad value and emits the file on a good one, for the client build only", () => {
    const bad = entraConfigPlugin({ ENTRA_CLIENT_ID: "x", ENTRA_TENANT: TENANT_ID });
    const error = vi.fn((message: string) => {
      throw new Error(message);
    });
    expect(() => (bad.buildStart as (this: unknown) => void).call({ error })).toThrow(/ENTRA_CLIENT_ID must be/);

    const good = entraConfigPlugin({ ENTRA_CLIENT_ID: CLIENT, ENTRA_TENANT: TENANT_ID });
    const emitFile = vi.fn();
    (good.buildStart as (this: unknown) => void).call({ error });
    (good.generateBundle as (this: unknown) => void).call({ emitFile });
    expect(emitFile).toHaveBeenCalledWith({
      type: "asset",
      fileName: "entra-config.json",
      source: `${JSON.stringify({ clientId: CLIENT, tenant: TENANT_ID }, null, 2)}\n`,
    });
    const apply = good.apply as (
      config: object,
      env: { command: string; mode: string; isSsrBuild?: boolean },
    ) => boolean;
    expect(apply({}, { command: "build", mode: "production" })).toBe(true);
    expect(apply({}, { command: "build", mode: "production", isSsrBuild: true })).toBe(false);

    const none = entraConfigPlugin({});
    const nothing = vi.fn();
    (none.buildStart as (this: unknown) => void).call({ error });
    (none.generateBundle as (this: unknown) => void).call({ emitFile: nothing });
    expect(nothing).not.toHaveBeenCalled();
  });
});
