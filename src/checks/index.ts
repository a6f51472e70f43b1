/** The live checks' public surface. */
export { CHECK_CATALOG, CHECK_NAMES, type CheckName, REQUEST_FAILURES } from "./catalog";
export { plannedRequests, runCheck } from "./run";
export type { CheckOptions, CheckResult, CheckTarget, Evidence, PlannedRequest } from "./types";
export { DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MS } from "./types";
