// @vitest-environment node
/**
 * Issue 12, point 5: a summary without answers leaves a personal answer out in every form a
 * request or a server gives it back: percent-encoded in the request path, `+` for a space after a
 * server normalised the query, inside the filter's `eq "…"` as sent (JSON-escaped, then
 * percent-encoded), JSON-escaped with \uXXXX, and quoted in an HTML error page.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { runCheck } from "../../src/checks/run.ts";
import { ERROR_URN } from "../../src/checks/scim-urls.ts";
import type { CheckResult } from "../../src/checks/types.ts";
import { allFlows } from "../../src/ui/flows/flow-list.ts";
import { buildTranscript } from "../../src/ui/share/transcript.ts";
import { TOKEN } from "../checks/helpers.ts";

const GROUP = `Équipe "Ventes" d'été @ Zoë & Co`;
const UPN = `zoë."o'neil"@contoso.example`;

/** The filter's value as the server parsed it out of `displayName eq "…"` (or `userName eq`). */
const filterOf = (req: IncomingMessage) => new URL(req.url ?? "/", "http://x").searchParams.get("filter") ?? "";
const rawQuery = (req: IncomingMessage) => (req.url ?? "").split("?")[1] ?? "";
const scimError = (res: ServerResponse, detail: string) => {
  res.writeHead(400, { "content-type": "application/scim+json" });
  res.end(JSON.stringify({ schemas: [ERROR_URN], scimType: "invalidFilter", detail }));
};
/** JSON as a server that escapes everything outside ASCII writes it (Python's json.dumps default). */
const asciiJson = (value: unknown) =>
  JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** How a server gives the lookup back, by the first segment of the Tenant URL's path. */
const ECHOES: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  // The query exactly as it arrived, percent-encoded.
  "raw-query": (req, res) => scimError(res, `Cannot parse ${rawQuery(req)}`),
  // The filter as parsed: the value inside its JSON string literal, quotes escaped.
  "parsed-filter": (req, res) => scimError(res, `No support for: ${filterOf(req)}`),
  // A gateway's JSON error, non-ASCII as \uXXXX: not SCIM, so the body is summarised as it is.
  "ascii-json": (req, res) => {
    res.writeHead(502, { "content-type": "application/json" });
    res.end(asciiJson({ error: "upstream", filter: filterOf(req) }));
  },
  // An HTML error page that quotes the filter with character references.
  "html-page": (req, res) => {
    const escaped = filterOf(req).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    res.writeHead(500, { "content-type": "text/html" });
    res.end(`<html><head><title>Error</title></head><body>Bad filter ${escaped}</body></html>`);
  },
};

let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const [mode, ...rest] = url.pathname.split("/").slice(1);
    // A server that normalises its query (form encoding: "+" for a space) redirects there first.
    if (mode === "form-redirect" && url.search.includes("%20")) {
      res.writeHead(302, { location: `${url.pathname}?${new URLSearchParams(url.search).toString()}` });
      res.end();
      return;
    }
    if (rest.at(-1) !== "Users" && rest.at(-1) !== "Groups") {
      res.writeHead(404).end();
      return;
    }
    (ECHOES[mode] ?? ((r, s) => scimError(s, `Cannot parse ${rawQuery(r)}`)))(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Every reading of the text a person could make: as it is, URL-decoded, JSON- and HTML-unescaped. */
function readings(text: string): string[] {
  const decodeUrl = (t: string) =>
    t.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  const unescapeText = (t: string) =>
    t
      .replace(/\\u([0-9a-f]{4})/gi, (_, h) => String.fromCharCode(Number.parseInt(h, 16)))
      .replace(/\\(["\\/])/g, "$1")
      .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
  const once = [text, decodeUrl(text), decodeUrl(text.replace(/\+/g, " "))];
  return [...once, ...once.map(unescapeText), ...once.map((t) => unescapeText(decodeUrl(unescapeText(t))))];
}

/** What is distinctive in each value: none of it may be readable in the summary. */
const PIECES = ["Équipe", "Ventes", "d'été", "Zoë & Co", "zoë", "o'neil", "contoso"];

const lookups = [
  ["group name", "deletion", "group-name", "group-leftover", { groupName: GROUP }, GROUP],
  ["UPN", "deletion", "user-name", "user-state", { userName: UPN }, UPN],
] as const;

describe.each(lookups)("a %s", (_what, flowId, inputStep, check, params, value) => {
  const flow = allFlows.find((f) => f.id === flowId);
  const checkStep = flow?.steps.find((s) => s.kind === "check" && s.check === check);

  async function summaryAfter(mode: string, includeAnswers: boolean) {
    if (!flow || !checkStep) throw new Error(`${flowId} has no ${check} step`);
    const result: CheckResult = await runCheck(check, { baseUrl: `${baseUrl}/${mode}/scim/v2`, token: TOKEN }, params, {
      timeoutMs: 3000,
    });
    return buildTranscript({
      flow,
      decisions: [
        { step: inputStep, kind: "input", value },
        { step: checkStep.id, kind: "check", outcome: result.outcome, result },
      ],
      currentStep: checkStep.id,
      includeAnswers,
      date: new Date(0),
      appVersion: "test",
    });
  }

  it.each(["raw-query", "form-redirect", "parsed-filter", "ascii-json", "html-page"])(
    "is left out of a summary without answers when the server gives it back as %s",
    async (mode) => {
      const summary = await summaryAfter(mode, false);
      // The evidence is there, with the lookup's request line, only the answer is gone.
      expect(summary).toMatch(/`GET \/[a-z-]+\/scim\/v2\/(Users|Groups)\?[^`]*filter=/);
      expect(summary).toContain("(left out)");
      for (const reading of readings(summary)) {
        for (const piece of PIECES) expect(reading, `${piece} in ${summary}`).not.toContain(piece);
      }
    },
  );

  it("is in the summary as typed when the admin includes the answers", async () => {
    const summary = await summaryAfter("raw-query", true);
    expect(summary).toContain(`\`${value}\``);
  });
});
