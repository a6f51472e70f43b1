/**
 * Every outcome of every check as data: the MSW test runs each case, and a
 * coverage test holds this table to the catalog, so a new outcome without a
 * case fails the suite.
 */
import { type HttpHandler, HttpResponse, http } from "msw";
import { expect } from "vitest";
import type { CheckResult, CheckTarget } from "../../src/checks/types.ts";
import { DEMO_BASE_URL } from "../../src/demo/constants.ts";
import type { DemoFault } from "../../src/demo/faults.ts";
import { OLD_TOKEN, SAMPLE_PARAMS, TOKEN, WRONG_TOKEN } from "./helpers.ts";
import { ENTRA_CASES } from "./msw-entra-cases.ts";
import { FAILURE_CASES } from "./msw-failure-cases.ts";

export interface Case {
  name: string;
  check: string;
  outcome: string;
  faults?: DemoFault[];
  handlers?: HttpHandler[];
  params?: Record<string, string>;
  target?: Partial<CheckTarget>;
  verify?: (result: CheckResult) => void;
}

const USERS = `${DEMO_BASE_URL}/Users`;
const GROUPS = `${DEMO_BASE_URL}/Groups`;
const LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const list = (Resources: object[]) => HttpResponse.json({ schemas: [LIST], totalResults: Resources.length, Resources });
const filterError = () =>
  HttpResponse.json(
    {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
      status: "400",
      scimType: "invalidFilter",
      detail: "Unsupported filter",
    },
    { status: 400 },
  );
/** 400 to a filter only: the same path without one lists, so the path is right and the filter is the problem. */
const invalidFilter = ({ request }: { request: Request }) =>
  new URL(request.url).searchParams.has("filter") ? filterError() : list([]);
const expectScimType = (type: string) => (r: CheckResult) =>
  expect(r.evidence.findLast((e) => e.status === 400)?.scimType).toBe(type);

const specific: Case[] = [
  { name: "https base URL", check: "url-format", outcome: "pass" },
  { name: "http", check: "url-format", outcome: "bad-url", target: { baseUrl: "http://scim.example.com/scim/v2" } },
  { name: "/Users suffix", check: "url-format", outcome: "bad-url", target: { baseUrl: `${DEMO_BASE_URL}/Users` } },
  {
    name: "query string",
    check: "url-format",
    outcome: "bad-url",
    target: { baseUrl: `${DEMO_BASE_URL}?page=2` },
  },
  {
    name: "Entra's aadOptscim062020 flag",
    check: "url-format",
    outcome: "pass",
    target: { baseUrl: `${DEMO_BASE_URL}?aadOptscim062020` },
  },
  { name: "relative", check: "url-format", outcome: "bad-url", target: { baseUrl: "scim/v2" } },
  { name: "healthy", check: "discovery", outcome: "pass" },
  {
    name: "JSON without the SPC schema",
    check: "discovery",
    outcome: "not-scim",
    handlers: [http.get(`${DEMO_BASE_URL}/ServiceProviderConfig`, () => HttpResponse.json({ hello: "world" }))],
  },
  { name: "healthy", check: "test-connection", outcome: "pass" },
  {
    name: "400 invalidFilter",
    check: "test-connection",
    outcome: "bad-filter",
    handlers: [http.get(USERS, invalidFilter)],
    verify: expectScimType("invalidFilter"),
  },
  {
    name: "400 with and without the filter (wrong path behind a gateway)",
    check: "test-connection",
    outcome: "not-found",
    handlers: [http.get(USERS, filterError)],
    verify: (r) => expect(r.evidence.map((e) => e.status)).toEqual([400, 400]),
  },
  {
    name: "filter ignored",
    check: "test-connection",
    outcome: "bad-filter",
    handlers: [http.get(USERS, () => list([{ id: "1", userName: "a" }]))],
  },
  {
    name: "JSON but not a ListResponse",
    check: "test-connection",
    outcome: "not-scim",
    handlers: [http.get(USERS, () => HttpResponse.json({ users: [] }))],
  },
  {
    name: "body over the 1 MiB cap",
    check: "test-connection",
    outcome: "not-scim",
    handlers: [http.get(USERS, () => HttpResponse.text("x".repeat(2 * 1024 * 1024)))],
    verify: (r) => expect(r.evidence[0].note).toMatch(/cut/),
  },
  {
    name: "redirect to another host",
    check: "test-connection",
    outcome: "not-scim",
    handlers: [
      http.get(
        USERS,
        () => new HttpResponse(null, { status: 302, headers: { location: "https://elsewhere.invalid/x" } }),
      ),
    ],
    verify: (r) => expect(r.evidence[0].note).toMatch(/another host/),
  },
  {
    name: "same-origin redirect followed",
    check: "test-connection",
    outcome: "pass",
    handlers: [
      http.get(`${DEMO_BASE_URL}/Users`, ({ request }) =>
        new URL(request.url).searchParams.has("moved")
          ? list([])
          : new HttpResponse(null, { status: 307, headers: { location: `${USERS}?moved=1` } }),
      ),
    ],
  },
  { name: "healthy", check: "groups-probe", outcome: "pass" },
  {
    name: "400 invalidFilter",
    check: "groups-probe",
    outcome: "bad-filter",
    handlers: [http.get(GROUPS, invalidFilter)],
  },
  { name: "healthy", check: "auth-enforced", outcome: "pass" },
  {
    name: "any key accepted",
    check: "auth-enforced",
    outcome: "auth-not-enforced",
    handlers: [http.get(USERS, () => list([]))],
  },
  { name: "rotated", check: "key-rotation", outcome: "pass" },
  {
    name: "every key accepted (old, new and made-up)",
    check: "key-rotation",
    outcome: "auth-not-enforced",
    handlers: [http.get(USERS, () => list([]))],
    verify: (r) => expect(r.evidence).toHaveLength(3),
  },
  {
    name: "the same key given as old and new",
    check: "key-rotation",
    outcome: "same-key",
    target: { token: TOKEN, previousToken: TOKEN },
    verify: (r) => expect(r.evidence).toEqual([]),
  },
  { name: "old key valid", check: "key-rotation", outcome: "old-key-still-valid", faults: ["old-key-valid"] },
  {
    name: "workspace still on the old key",
    check: "key-rotation",
    outcome: "new-key-rejected",
    target: { token: WRONG_TOKEN, previousToken: TOKEN },
  },
  { name: "active user", check: "user-state", outcome: "active" },
  {
    name: "soft-deleted",
    check: "user-state",
    outcome: "inactive",
    faults: ["soft-deleted"],
    params: { userName: "lee.gu@contoso.example" },
  },
  {
    name: "hard-deleted",
    check: "user-state",
    outcome: "absent",
    faults: ["hard-deleted"],
    params: { userName: "diego.siciliani@contoso.example" },
  },
  {
    name: "two users with one userName",
    check: "user-state",
    outcome: "duplicate",
    handlers: [
      http.get(USERS, () => list([1, 2].map((id) => ({ id: `${id}`, userName: "adele.vance@contoso.example" })))),
    ],
  },
  { name: "400 invalidFilter", check: "user-state", outcome: "bad-filter", handlers: [http.get(USERS, invalidFilter)] },
  { name: "nobody holds the mail", check: "upn-collision", outcome: "pass" },
  {
    name: "same userName as the UPN",
    check: "upn-collision",
    outcome: "pass",
    params: { mail: "megan.bowen@contoso.example", upn: "megan.bowen@contoso.example" },
  },
  {
    name: "UPN mismatch",
    check: "upn-collision",
    outcome: "upn-mismatch",
    faults: ["upn-mismatch"],
    params: { mail: "megan.bowen@contoso.example", upn: "megan.bowen@contoso.example" },
    verify: (r) => expect(r.explanation).toContain("mbowen@contoso.example"),
  },
  {
    name: "both filter forms refused",
    check: "upn-collision",
    outcome: "bad-filter",
    handlers: [http.get(USERS, invalidFilter)],
  },
  {
    name: "value-path form refused, emails.value works",
    check: "upn-collision",
    outcome: "pass",
    handlers: [
      http.get(USERS, ({ request }) =>
        new URL(request.url).searchParams.get("filter")?.includes("[") ? filterError() : list([]),
      ),
    ],
    verify: (r) => expect(r.evidence.map((e) => e.status)).toEqual([400, 200]),
  },
  { name: "no leftover", check: "group-leftover", outcome: "pass" },
  { name: "leftover group", check: "group-leftover", outcome: "present", faults: ["leftover-group"] },
  {
    name: "400 invalidFilter",
    check: "group-leftover",
    outcome: "bad-filter",
    handlers: [http.get(GROUPS, invalidFilter)],
  },
];

export const CASES: Case[] = [...specific, ...ENTRA_CASES, ...FAILURE_CASES].map((c) => ({
  ...c,
  params: c.params ?? SAMPLE_PARAMS[c.check] ?? {},
  target: { baseUrl: DEMO_BASE_URL, token: TOKEN, previousToken: OLD_TOKEN, ...c.target },
}));
