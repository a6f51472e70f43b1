/**
 * The demo tenant's Microsoft Graph: the read-only part the Graph checks and reads use
 * (service principals, their synchronization jobs, provisioning logs), in the style of the SCIM
 * simulator: pure request → reply, reached through MSW in the browser and over loopback HTTP in
 * Node (the demo tenant routes its Graph paths here). It accepts exactly the token it was made
 * with, and refuses every write: the checks never write to Graph, and a bug that tried would show.
 */
import { DEMO_APP_WITHOUT_JOB, DEMO_GRAPH_ROOT, DEMO_SERVICE_PRINCIPALS } from "./constants.ts";
import { bearer, type DemoRequest, wait } from "./demo-request.ts";
import type { DemoGraphFault } from "./graph-faults.ts";
import { demoJob } from "./graph-jobs.ts";
import { demoLogs } from "./graph-logs.ts";
import type { DemoReply } from "./replies.ts";

export interface DemoGraphOptions {
  /** The only Graph token accepted; without one, every request is refused (401). */
  token?: string;
  faults?: Iterable<DemoGraphFault>;
  /** Defaults to the path of DEMO_GRAPH_ROOT (/graph/v1.0). */
  basePath?: string;
  slowMs?: number;
}

/** An enterprise application as the simulator keeps it: its summary and its jobs' JSON. */
export interface DemoGraphApp {
  id: string;
  appId: string;
  displayName: string;
  jobs: unknown[];
}

const GRAPH_JSON = {
  "content-type": "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8",
};
const DEFAULT_SLOW_MS = 15_000;
/** The most entries one page of provisioning logs holds, whatever $top asks (made up; Graph documents none). */
const MAX_PAGE = 100;
const DEFAULT_PAGE = 50;

function reply(status: number, value: unknown, headers: Record<string, string> = {}): DemoReply {
  return { status, headers: { ...GRAPH_JSON, ...headers }, body: JSON.stringify(value) };
}

/** Graph's error shape: `{"error":{"code","message","innerError"}}`. */
export function graphErrorReply(status: number, code: string, message: string, headers?: Record<string, string>) {
  const innerError = { date: "2025-01-15T09:30:00", "request-id": "00000000-demo-0000-0000-000000000000" };
  return reply(status, { error: { code, message, innerError } }, headers);
}

/** An OData string literal's value: `'it''s'` → `it's`. */
const literal = (quoted: string) => quoted.replaceAll("''", "'");
const SP_FILTER = /^servicePrincipal\/id eq '((?:[^']|'')*)'$/;
const STARTS_WITH = /^startswith\(displayName,\s*'((?:[^']|'')*)'\)$/i;
const BY_APP_ID = /^servicePrincipals\(appId='((?:[^']|'')*)'\)$/;

export function seedApps(): DemoGraphApp[] {
  return [
    ...DEMO_SERVICE_PRINCIPALS.map((sp) => ({ ...sp, jobs: [demoJob(sp.job, sp.id)] as unknown[] })),
    { ...DEMO_APP_WITHOUT_JOB, jobs: [] },
  ];
}

export class DemoGraph {
  /** The tenant's enterprise applications; tests may add one in a state of their own. */
  apps: DemoGraphApp[] = [];
  /** Every application's provisioning-log entries, newest first. */
  logs: Record<string, unknown>[] = [];
  faults = new Set<DemoGraphFault>();
  readonly basePath: string;

  constructor(private readonly options: DemoGraphOptions = {}) {
    this.basePath = (options.basePath ?? new URL(DEMO_GRAPH_ROOT).pathname).replace(/\/+$/, "");
    this.reset(options.faults ?? []);
  }

  /** Switches faults and reseeds the applications, jobs and logs. */
  reset(faults: Iterable<DemoGraphFault> = []): void {
    this.faults = new Set(faults);
    this.apps = seedApps();
    this.logs = demoLogs();
  }

  /** True for a path this simulator answers (under its base path). */
  owns(pathname: string): boolean {
    const path = pathname.replace(/\/+$/, "");
    return path === this.basePath || path.startsWith(`${this.basePath}/`);
  }

  async handle(req: DemoRequest): Promise<DemoReply> {
    if (this.faults.has("graph-slow") && !(await wait(this.options.slowMs ?? DEFAULT_SLOW_MS, req.signal))) {
      return graphErrorReply(503, "serviceNotAvailable", "The client went away before the answer was ready.");
    }
    const token = bearer(req);
    if (!token) return graphErrorReply(401, "InvalidAuthenticationToken", "Access token is empty.");
    if (this.faults.has("graph-expired-token")) {
      return graphErrorReply(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.");
    }
    if (!this.options.token || token !== this.options.token) {
      return graphErrorReply(401, "InvalidAuthenticationToken", "Access token validation failure.");
    }
    if (this.faults.has("graph-throttled")) {
      return graphErrorReply(429, "TooManyRequests", "Too many requests.", { "retry-after": "7" });
    }
    if (this.faults.has("graph-no-permission")) {
      return graphErrorReply(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }
    if (this.faults.has("graph-server-error")) return graphErrorReply(500, "UnknownError", "An error has occurred.");
    if (req.method.toUpperCase() !== "GET") {
      return graphErrorReply(405, "Request_BadRequest", "The demo's Microsoft Graph is read-only.");
    }
    const url = new URL(req.url);
    let segments: string[];
    try {
      segments = url.pathname.slice(this.basePath.length).split("/").filter(Boolean).map(decodeURIComponent);
    } catch {
      return graphErrorReply(400, "BadRequest", "The path is not validly percent-encoded.");
    }
    return this.route(segments, url);
  }

  private route(segments: string[], url: URL): DemoReply {
    const [first, id, ...rest] = segments;
    const context = `${url.origin}${this.basePath}/$metadata`;
    if (first === "auditLogs" && id === "provisioning" && rest.length === 0) return this.logPage(url);
    const byAppId = first ? BY_APP_ID.exec(first) : null;
    if (byAppId && id === undefined)
      return this.one(
        this.apps.find((a) => a.appId === literal(byAppId[1])),
        context,
      );
    if (first !== "servicePrincipals") return this.unknownSegment(first ?? "");
    if (id === undefined) return this.search(url, context);
    const app = this.apps.find((a) => a.id === id);
    if (rest.length === 0) return this.one(app, context, id);
    if (rest[0] !== "synchronization" || rest[1] !== "jobs" || rest.length > 3) return this.unknownSegment(rest[0]);
    if (!app) return this.notFound(id);
    if (rest.length === 2)
      return reply(200, {
        "@odata.context": `${context}#servicePrincipals('${id}')/synchronization/jobs`,
        value: app.jobs,
      });
    const found = app.jobs.find((j) => (j as { id?: string }).id === rest[2]);
    return found
      ? reply(200, found)
      : graphErrorReply(404, "ResourceNotFound", "The synchronization job was not found.");
  }

  private one(app: DemoGraphApp | undefined, context: string, id?: string): DemoReply {
    if (!app) return this.notFound(id ?? "");
    return reply(200, {
      "@odata.context": `${context}#servicePrincipals/$entity`,
      id: app.id,
      appId: app.appId,
      displayName: app.displayName,
    });
  }

  private search(url: URL, context: string): DemoReply {
    const filter = url.searchParams.get("$filter");
    const prefix = filter ? STARTS_WITH.exec(filter) : null;
    if (filter && !prefix) {
      return graphErrorReply(400, "Request_UnsupportedQuery", "The demo supports only startswith(displayName,'…').");
    }
    const wanted = prefix ? literal(prefix[1]).toLowerCase() : "";
    const top = Math.min(Number(url.searchParams.get("$top")) || 100, 999);
    const found = this.apps.filter((a) => a.displayName.toLowerCase().startsWith(wanted)).slice(0, top);
    const value = found.map(({ id, appId, displayName }) => ({ id, appId, displayName }));
    return reply(200, { "@odata.context": `${context}#servicePrincipals(id,appId,displayName)`, value });
  }

  /** One page of provisioning logs: `$filter` on one application, `$top`, and `$skiptoken` for the next page. */
  private logPage(url: URL): DemoReply {
    const filter = url.searchParams.get("$filter");
    const sp = filter ? SP_FILTER.exec(filter) : null;
    if (filter && !sp) return graphErrorReply(400, "BadRequest", "The demo supports only servicePrincipal/id eq '…'.");
    const spId = sp ? literal(sp[1]) : undefined;
    const entries = spId
      ? this.logs.filter((e) => (e.servicePrincipal as { id?: string } | undefined)?.id === spId)
      : this.logs;
    const size = Math.min(Number(url.searchParams.get("$top")) || DEFAULT_PAGE, MAX_PAGE);
    const from = Number(url.searchParams.get("$skiptoken") ?? "0") || 0;
    const page = entries.slice(from, from + size);
    const body: Record<string, unknown> = {
      "@odata.context": `${url.origin}${this.basePath}/$metadata#auditLogs/provisioning`,
      value: page,
    };
    if (from + size < entries.length) {
      const next = new URL(url.href);
      next.searchParams.set("$skiptoken", String(from + size));
      body["@odata.nextLink"] = next.href;
    }
    return reply(200, body);
  }

  private notFound(id: string): DemoReply {
    return graphErrorReply(
      404,
      "Request_ResourceNotFound",
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }

  private unknownSegment(segment: string): DemoReply {
    return graphErrorReply(400, "BadRequest", `Resource not found for the segment '${segment}'.`);
  }
}

export function createDemoGraph(options: DemoGraphOptions = {}): DemoGraph {
  return new DemoGraph(options);
}
