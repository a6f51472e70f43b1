/**
 * The demo tenant: a simulated Workspace 365 SCIM API with fault switches.
 * Pure (no network, no files): MSW in the browser and a loopback HTTP server
 * in Node both call `handle()`, so the demo and the tests see the same behaviour.
 */
import { DEMO_BASE_URL } from "./constants.ts";
import { bearer, type DemoRequest, wait } from "./demo-request.ts";
import type { DemoFault } from "./faults.ts";
import type { DemoGraphFault } from "./graph-faults.ts";
import { createDemoGraph, type DemoGraph } from "./graph-simulator.ts";
import { type DemoReply, json, PAGES, scimError } from "./replies.ts";
import { routeResource, type Store } from "./resource-routes.ts";
import { type Resource, seedGroups, seedUsers } from "./seed.ts";

export type { DemoRequest } from "./demo-request.ts";
export { DEMO_FAULT_LABELS, DEMO_FAULT_NAMES, DEMO_FAULTS, type DemoFault, parseDemoFaults } from "./faults.ts";
export type { DemoReply } from "./replies.ts";

export interface DemoTenantOptions {
  token: string;
  previousToken?: string;
  faults?: Iterable<DemoFault>;
  /**
   * The one Microsoft Graph token the demo's Graph accepts (the browser makes a random one per
   * tab). Without it the demo's Graph refuses every request (401).
   */
  graphToken?: string;
  graphFaults?: Iterable<DemoGraphFault>;
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

export class DemoTenant implements Store {
  users: Resource[] = [];
  groups: Resource[] = [];
  faults = new Set<DemoFault>();
  readonly basePath: string;
  /** The tenant's Microsoft Graph, on the same host under its own path (DEMO_GRAPH_ROOT's). */
  readonly graph: DemoGraph;
  private counter = 5000;

  constructor(private readonly options: DemoTenantOptions) {
    this.basePath = (options.basePath ?? new URL(DEMO_BASE_URL).pathname).replace(/\/+$/, "");
    this.graph = createDemoGraph({ token: options.graphToken, faults: options.graphFaults, slowMs: options.slowMs });
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
    const key = bearer(req);
    if (!key || this.faults.has("invalid-key")) return false;
    if (key === this.options.token) return true;
    return key === this.options.previousToken && this.faults.has("old-key-valid");
  }

  async handle(req: DemoRequest): Promise<DemoReply> {
    // Before any SCIM fault: those break the workspace, not Microsoft's side.
    if (this.graph.owns(new URL(req.url).pathname)) return this.graph.handle(req);
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
