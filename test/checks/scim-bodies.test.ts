// @vitest-environment node
/**
 * How lenient the SCIM body schemas are, through the checks that read them:
 * each body is served by a fetch stand-in and must end in the outcome it
 * ended in before the schemas (zod/mini) replaced the hand-written tests.
 */
import { runCheck } from "../../src/checks/run.ts";
import { ERROR_URN, LIST_RESPONSE_URN, SPC_URN } from "../../src/checks/scim-urls.ts";
import { TOKEN } from "./helpers.ts";

const BASE = "https://scim.example.test/scim/v2";

function answering(body: unknown, status = 200): typeof fetch {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const headers = { "content-type": "application/scim+json" };
  // A 400 is the filter's only when the path answers without one (issue 11): the unfiltered follow-up lists.
  const unfiltered = JSON.stringify({ schemas: [LIST_RESPONSE_URN], totalResults: 0, Resources: [] });
  return async (input) =>
    status === 400 && !String(input).includes("filter=")
      ? new Response(unfiltered, { headers })
      : new Response(text, { status, headers });
}

const run = (check: string, body: unknown, status = 200, params: Record<string, string> = {}) =>
  runCheck(check, { baseUrl: BASE, token: TOKEN }, params, { fetch: answering(body, status), timeoutMs: 1000 });

const upper = LIST_RESPONSE_URN.toUpperCase();

it.each([
  ["the full ListResponse", { schemas: [LIST_RESPONSE_URN], totalResults: 0, Resources: [] }, "pass"],
  ["no schema URN, but totalResults and Resources", { totalResults: 0, Resources: [] }, "pass"],
  ["the URN in another case", { schemas: [upper], totalResults: 0 }, "pass"],
  ["the URN among other entries", { schemas: [7, null, LIST_RESPONSE_URN], totalResults: 0 }, "pass"],
  ["Resources left out when totalResults is 0", { schemas: [LIST_RESPONSE_URN], totalResults: 0 }, "pass"],
  ["Resources null when totalResults is 0", { totalResults: 0, Resources: null }, "pass"],
  ["only non-object entries in Resources", { totalResults: 0, Resources: [1, "x", null, [2]] }, "pass"],
  ["entries for a GUID that matches nothing", { totalResults: 1, Resources: [{ userName: "someone" }] }, "bad-filter"],
  ["Resources left out when totalResults is 2", { schemas: [LIST_RESPONSE_URN], totalResults: 2 }, "not-scim"],
  ["neither the URN nor Resources", { totalResults: 0 }, "not-scim"],
  ["schemas that is not a list", { schemas: LIST_RESPONSE_URN, totalResults: 0 }, "not-scim"],
  ["totalResults as a string", { totalResults: "0", Resources: [] }, "not-scim"],
  ["Resources that is not a list", { totalResults: 0, Resources: {} }, "not-scim"],
  ["a JSON array", [], "not-scim"],
  ["a JSON string", '"ok"', "not-scim"],
  ["JSON null", "null", "not-scim"],
])("test-connection reads %s as %s", async (_name, body, outcome) => {
  expect((await run("test-connection", body)).outcome).toBe(outcome);
});

it("ignores non-object Resources entries when judging a lookup", async () => {
  const body = { totalResults: 2, Resources: ["junk", { userName: "adele.vance@contoso.example", active: false }] };
  const result = await run("user-state", body, 200, { userName: "adele.vance@contoso.example" });
  expect(result.outcome).toBe("inactive");
});

it.each([
  ["the SPC schema", { schemas: [SPC_URN] }, "pass"],
  ["the SPC schema in upper case", { schemas: [SPC_URN.toUpperCase()] }, "pass"],
  ["no schemas", { patch: { supported: true } }, "not-scim"],
  ["another schema", { schemas: [LIST_RESPONSE_URN] }, "not-scim"],
  ["a JSON array", [SPC_URN], "not-scim"],
])("discovery reads %s as %s", async (_name, body, outcome) => {
  expect((await run("discovery", body)).outcome).toBe(outcome);
});

it.each([
  [
    "the full Error",
    { schemas: [ERROR_URN], status: "400", scimType: "invalidFilter", detail: "No." },
    "invalidFilter",
    "No.",
  ],
  ["no URN, with scimType", { scimType: "invalidFilter" }, "invalidFilter", undefined],
  ["no URN, with detail", { detail: "Filter not supported" }, undefined, "Filter not supported"],
  ["the URN only", { schemas: [ERROR_URN.toUpperCase()], status: "400" }, undefined, undefined],
  ["fields that are not text", { scimType: 5, detail: "" }, undefined, undefined],
])("a 400 with %s shows scimType and detail as the server gave them", async (_name, body, scimType, detail) => {
  const result = await run("user-state", body, 400, { userName: "x@contoso.example" });
  expect(result.outcome).toBe("bad-filter");
  expect(result.evidence[0].scimType).toBe(scimType);
  expect(result.evidence[0].detail).toBe(detail);
  // A SCIM error speaks for itself: it is not summarised as a foreign body.
  expect(result.evidence[0].bodySummary).toBeUndefined();
});

it("summarises a 400 that is no SCIM error, and clips a long detail", async () => {
  const gateway = await run("user-state", { message: "Bad gateway rule" }, 400, { userName: "x@contoso.example" });
  expect(gateway.evidence[0].scimType).toBeUndefined();
  expect(gateway.evidence[0].bodySummary).toContain("Bad gateway rule");
  const long = await run("user-state", { detail: "d".repeat(1000) }, 400, { userName: "x@contoso.example" });
  expect(long.evidence[0].detail).toHaveLength(300);
});
