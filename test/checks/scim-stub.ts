/**
 * A small SCIM server on 127.0.0.1 (free port) whose real-world quirks are switches: brute-force
 * protection that locks out after N failed logins, a userName filter that compares exactly, keys
 * that are not checked, or a fixed answer for every request. The tests start and close it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { LIST_RESPONSE_URN, SPC_URN } from "../../src/checks/scim-urls.ts";
import { listenOn } from "../../src/server/listen.ts";

export interface StubUser {
  userName: string;
  active?: boolean;
}

export interface StubOptions {
  token: string;
  /** Other keys the server accepts (an old key that still works). */
  alsoAccepts?: string[];
  /** Every key works, and a missing one too. */
  acceptAnyKey?: boolean;
  /** After this many 401s, every later request gets no answer at all (it hangs until closed). */
  lockAfter?: number;
  /** A request with a wrong key gets no answer at all (a tarpit), instead of 401. */
  hangOnWrongKey?: boolean;
  /** userName eq compares exactly, against SCIM's caseExact false. */
  caseSensitive?: boolean;
  users?: StubUser[];
  /** Answers every request itself, before any of the above (429s, 400s to everything…). */
  answer?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

export interface SeenRequest {
  url: string;
  authorization?: string;
}

export interface ScimStub {
  baseUrl: string;
  requests: SeenRequest[];
  failedLogins: number;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { "content-type": "application/scim+json" }).end(JSON.stringify(body));

const listOf = (resources: object[]) => ({
  schemas: [LIST_RESPONSE_URN],
  totalResults: resources.length,
  Resources: resources,
  startIndex: 1,
  itemsPerPage: resources.length,
});

/** An `answer` that writes the same reply to every request. */
export function answerAll(write: (res: ServerResponse) => void): NonNullable<StubOptions["answer"]> {
  return (_req, res) => {
    write(res);
    return true;
  };
}

export async function startScimStub(options: StubOptions): Promise<ScimStub> {
  const accepted = new Set([options.token, ...(options.alsoAccepts ?? [])]);
  const stub = { requests: [] as SeenRequest[], failedLogins: 0 };
  const server = createServer((req, res) => {
    res.on("error", () => undefined);
    stub.requests.push({ url: req.url ?? "", authorization: req.headers.authorization });
    if (options.lockAfter !== undefined && stub.failedLogins >= options.lockAfter) return; // locked out: silence
    if (options.answer?.(req, res)) return;
    const key = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    if (!options.acceptAnyKey && !accepted.has(key)) {
      if (options.hangOnWrongKey) return;
      stub.failedLogins++;
      return json(res, 401, { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
    }
    const url = new URL(req.url ?? "/", "http://stub.invalid");
    if (url.pathname.endsWith("/ServiceProviderConfig")) return json(res, 200, { schemas: [SPC_URN] });
    if (url.pathname.endsWith("/Groups")) return json(res, 200, listOf([]));
    if (!url.pathname.endsWith("/Users")) return json(res, 404, { detail: "No such resource." });
    const filter = url.searchParams.get("filter");
    const users = (options.users ?? []).map((u, i) => ({ id: `u-${i}`, ...u }));
    if (!filter) return json(res, 200, listOf(users.slice(0, 1)));
    const wanted = /^userName eq "(.*)"$/.exec(filter)?.[1] ?? "";
    const eq = (a: string) => (options.caseSensitive ? a === wanted : a.toLowerCase() === wanted.toLowerCase());
    return json(res, 200, listOf(users.filter((u) => eq(u.userName))));
  });
  const { url } = await listenOn(server);
  return {
    baseUrl: `${url}/scim/v2`,
    requests: stub.requests,
    get failedLogins() {
      return stub.failedLogins;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
