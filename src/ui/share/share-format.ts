import type { Decision } from "../../engine/session.ts";

/**
 * The shapes a share link is made of, apart from the code that writes
 * (share-link.ts) and reads (share-payload.ts) it, so that neither imports
 * the other: types only.
 */

/** A decision as it travels: `[step, code, value?]`, the code and value from the step-kind table. */
export type Packed = [step: string, code: string, value?: string];

export type ShareLinkProblem =
  | "too-long"
  | "not-base64"
  | "not-json"
  | "wrong-shape"
  | "unsupported-version"
  | "other-flow"
  | "outdated"
  | "does-not-fit";

export type DecodedShare =
  | { ok: true; decisions: Decision[] }
  | { ok: false; problem: ShareLinkProblem; detail?: string };
