/** Request failures for every network check, driven by the simulator's faults (part of the MSW case table). */
import { type HttpHandler, HttpResponse, http } from "msw";
import { DEMO_BASE_URL } from "../../src/demo/constants.ts";
import type { DemoFault } from "../../src/demo/faults.ts";
import type { Case } from "./msw-cases.ts";

const NETWORK_CHECKS = [
  "discovery",
  "test-connection",
  "groups-probe",
  "auth-enforced",
  "key-rotation",
  "user-state",
  "upn-collision",
  "group-leftover",
  "entra-compat",
];

/** Request failures, driven by the simulator's faults; discovery reads 401/403 as informational. */
const FAILURES: {
  name: string;
  faults?: DemoFault[];
  handlers?: HttpHandler[];
  outcome: string;
  discovery?: string;
}[] = [
  { name: "invalid key", faults: ["invalid-key"], outcome: "unauthorized", discovery: "pass" },
  { name: "SCIM disabled", faults: ["scim-disabled"], outcome: "forbidden", discovery: "pass" },
  { name: "wrong path", faults: ["wrong-path"], outcome: "not-found" },
  { name: "HTML 500", faults: ["html-error"], outcome: "server-error" },
  { name: "SCIM 500", faults: ["server-error"], outcome: "server-error" },
  { name: "non-JSON 200", faults: ["non-json"], outcome: "not-scim" },
  { name: "slow", faults: ["slow"], outcome: "timeout" },
  {
    name: "429 Too Many Requests",
    handlers: [http.all(`${DEMO_BASE_URL}/*`, () => new HttpResponse(null, { status: 429 }))],
    outcome: "rate-limited",
  },
  {
    name: "503 with Retry-After",
    handlers: [
      http.all(`${DEMO_BASE_URL}/*`, () => new HttpResponse(null, { status: 503, headers: { "retry-after": "30" } })),
    ],
    outcome: "rate-limited",
  },
  {
    name: "network error",
    handlers: [http.all(`${DEMO_BASE_URL}/*`, () => HttpResponse.error())],
    outcome: "unreachable",
  },
];

export const FAILURE_CASES: Case[] = NETWORK_CHECKS.flatMap((check) =>
  FAILURES.map((f) => ({
    name: f.name,
    check,
    outcome: (check === "discovery" && f.discovery) || f.outcome,
    faults: f.faults,
    handlers: f.handlers,
  })),
);
