/**
 * The demo tenant: a simulated Workspace 365 SCIM API with fault switches.
 * Pure (no network, no files): MSW in the browser and a loopback HTTP server
 * in Node both call `handle()`, so the demo and the tests see the same behaviour.
 */
import { DEMO_BASE_URL } from "./constants.ts";
import type { DemoFault } from "./faults.ts";
import { type DemoReply, json, PAGES, scimError } from "./replies.ts";
import { routeResource, type Store } from "./resource-routes.ts";
import { type Resource, seedGroups, seedUsers } from "./seed.ts";

export { DEMO_FAULT_LABELS, DEMO_FAULT_NAMES, DEMO_FAULTS, type DemoFault, parseDemoFaults } from "./faults.ts";
export type { DemoReply } from "./replies.ts";

export interface DemoRequest {
  method: string;
  url: string;
  headers: Headers | Record<string, string | string[] | undefined>;
  body?: string;
  /** Lets the "slow" fault stop waiting when the client has gone, so no timer outlives the request. */
  signal?: AbortSignal;
}

export interface DemoTenantOptions {
  token: string;
  previousToken?: string;
  faults?: Iterable<DemoFault>;
  /** Defaults to the path of DEMO_BASE_URL (/scim/v2). */
  basePath?: string;
  /** How long the "slow" fault waits: longer than the checks' default 10 s timeout. */
  slowMs?: number;
}

export const DEFAULT_SLOW_MS = 15_000;

const SERVICE_PROVIDER_CONFIG = {
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: 200 },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: false },
  authenticationSchemes: [
    { type: "oauthbearertoken", name: "OAuth Bearer Token", description: "The workspace's API key as a bearer token." },
  ],
};

function header(headers: DemoRequest["headers"], name: string): string | undefined {
  // Duck-typed: MSW's and Node's Headers classes need not be the same realm's.
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const found = Object.entries(headers as Record<string, string | string[] | undefined>).find(
    ([k]) => k.toLowerCase() === name,
  );
  const value = found?.[1];
  return Array.isArray(value) ? value[0] : value;
}

/** Resolves true after `ms`, or false as soon as the signal aborts; the timer never keeps Node alive on its own. */
function wait(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    (timer as { unref?: () => void }).unref?.();
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export class DemoTenant implements Store {
  users: Resource[] = [];
  groups: Resource[] = [];
  faults = new Set<DemoFault>();
  readonly basePath: string;
  private counter = 5000;

  constructor(private readonly options: DemoTenantOptions) {
    this.basePath = (options.basePath ?? new URL(DEMO_BASE_URL).pathname).replace(/\/+$/, "");
    this.reset(options.faults ?? []);
  }

  /** Switches faults and reseeds, so the data matches the chosen scenario. */
  reset(faults: Iterable<DemoFault>): void {
    this.faults = new Set(faults);
    this.users = seedUsers(this.faults);
    this.groups = seedGroups(this.faults);
  }

  get strictPatch(): boolean {
    return this.faults.has("soft-delete-strict");
  }

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter}`;
  }

  private authorised(req: DemoRequest): boolean {
    const match = /^bearer\s+(.+)$/i.exec(header(req.headers, "authorization")?.trim() ?? "");
    const key = match?.[1].trim();
    if (!key || this.faults.has("invalid-key")) return false;
    if (key === this.options.token) return true;
    return key === this.options.previousToken && this.faults.has("old-key-valid");
  }

  async handle(req: DemoRequest): Promise<DemoReply> {
    if (this.faults.has("slow") && !(await wait(this.options.slowMs ?? DEFAULT_SLOW_MS, req.signal))) {
      return scimError(503, "The client went away before the answer was ready.");
    }
    const url = new URL(req.url);
    const method = req.method.toUpperCase();
    const path = url.pathname.replace(/\/+$/, "");
    const inBase = path === this.basePath || path.startsWith(`${this.basePath}/`);
    if (this.faults.has("wrong-path") || !inBase) return PAGES.notFound();
    // A proxy or a crashed app answers before any authentication happens.
    if (this.faults.has("html-error")) return PAGES.serverError();
    if (this.faults.has("server-error")) {
      return scimError(500, "An unexpected error occurred while processing the request.");
    }
    if (this.faults.has("non-json")) return PAGES.signIn();
    const segments = path.slice(this.basePath.length).split("/").filter(Boolean);
    if (segments.length === 1 && segments[0] === "ServiceProviderConfig") {
      // Like many servers, discovery needs no key; a disabled workspace still refuses it.
      if (this.faults.has("scim-disabled")) return this.disabled();
      if (method !== "GET") return scimError(405, "Only GET is supported here.");
      return json(200, {
        ...SERVICE_PROVIDER_CONFIG,
        meta: { resourceType: "ServiceProviderConfig", location: url.href },
      });
    }
    if (!this.authorised(req)) {
      return scimError(401, "The API key is missing, invalid or was regenerated.", undefined, {
        "www-authenticate": 'Bearer realm="Workspace 365 SCIM"',
      });
    }
    if (this.faults.has("scim-disabled")) return this.disabled();
    const prefix = `${url.origin}${this.basePath}`;
    return routeResource(this, method, segments, url.searchParams, req.body, (kind, id) => `${prefix}/${kind}/${id}`);
  }

  private disabled(): DemoReply {
    return scimError(
      403,
      "SCIM provisioning is not enabled for this workspace. Enable sync using SCIM in the settings.",
    );
  }
}

export function createDemoTenant(options: DemoTenantOptions): DemoTenant {
  return new DemoTenant(options);
}
