/** entra-compat's own outcomes against the MSW demo tenant (part of the MSW case table). */
import { HttpResponse, http } from "msw";
import { expect } from "vitest";
import type { CheckResult } from "../../src/checks/types.ts";
import { DEMO_BASE_URL } from "../../src/demo/constants.ts";
import type { Case } from "./msw-cases.ts";

const USERS = `${DEMO_BASE_URL}/Users`;
const ONE = `${USERS}/:id`;
const LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const error = (status: number, scimType: string, detail: string) =>
  HttpResponse.json(
    { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: String(status), scimType, detail },
    { status },
  );
/** The PatchOp's first operation, for handlers that answer one kind of PATCH and let the rest through. */
const firstOp = async (request: Request) =>
  ((await request.clone().json()) as { Operations: { op: string; path: string; value: unknown }[] }).Operations[0];
const stepStatuses = (r: CheckResult) => r.evidence.map((e) => `${e.method} ${e.status}`);

export const ENTRA_CASES: Case[] = [
  {
    name: "Entra-friendly demo tenant",
    check: "entra-compat",
    outcome: "pass",
    verify: (r) => expect(r.evidence).toHaveLength(8),
  },
  {
    name: "strict server (soft-delete-strict)",
    check: "entra-compat",
    outcome: "soft-delete-rejected",
    faults: ["soft-delete-strict"],
    verify: (r) => expect(r.advice).toMatch(/aadOptscim062020/),
  },
  {
    name: "every PATCH refused: the flag would not help",
    check: "entra-compat",
    outcome: "soft-delete-rejected",
    handlers: [http.patch(ONE, () => error(400, "invalidSyntax", "PATCH is not supported"))],
    verify: (r) => expect(r.advice).toMatch(/flag would not help/),
  },
  {
    name: "Entra's soft delete answered 200 but ignored",
    check: "entra-compat",
    outcome: "soft-delete-rejected",
    handlers: [
      http.patch(ONE, async ({ request, params }) =>
        (await firstOp(request)).op === "Replace" ? HttpResponse.json({ id: params.id, active: true }) : undefined,
      ),
    ],
    verify: (r) => expect(r.explanation).toMatch(/still active: true/),
  },
  {
    name: "create refused (400)",
    check: "entra-compat",
    outcome: "create-failed",
    handlers: [http.post(USERS, () => error(400, "invalidValue", "name.givenName is required"))],
    verify: (r) => expect(stepStatuses(r)).toEqual(["POST 400"]),
  },
  {
    name: "201 without an id",
    check: "entra-compat",
    outcome: "create-failed",
    handlers: [http.post(USERS, () => HttpResponse.json({ userName: "x" }, { status: 201 }))],
  },
  {
    name: "created but the filter finds nothing",
    check: "entra-compat",
    outcome: "not-found-after-create",
    handlers: [http.get(USERS, () => HttpResponse.json({ schemas: [LIST], totalResults: 0, Resources: [] }))],
    verify: (r) => expect(r.explanation).toMatch(/test user was deleted again/),
  },
  {
    name: "displayName update refused",
    check: "entra-compat",
    outcome: "patch-failed",
    handlers: [
      http.patch(ONE, async ({ request }) =>
        (await firstOp(request)).path === "displayName"
          ? error(400, "mutability", "displayName is read-only")
          : undefined,
      ),
    ],
  },
  {
    name: "soft delete accepted but the user reads back active",
    check: "entra-compat",
    outcome: "patch-failed",
    handlers: [http.get(ONE, ({ params }) => HttpResponse.json({ id: params.id, active: true }))],
  },
  {
    name: "DELETE refused (405)",
    check: "entra-compat",
    outcome: "delete-failed",
    handlers: [http.delete(ONE, () => error(405, "invalidSyntax", "DELETE is not allowed"))],
    verify: (r) => expect(r.explanation).toMatch(/by hand/),
  },
  {
    name: "filter refused (400 invalidFilter)",
    check: "entra-compat",
    outcome: "bad-filter",
    handlers: [
      http.get(USERS, ({ request }) =>
        new URL(request.url).searchParams.has("filter")
          ? error(400, "invalidFilter", "Unsupported filter")
          : HttpResponse.json({ schemas: [LIST], totalResults: 0, Resources: [] }),
      ),
    ],
  },
];
