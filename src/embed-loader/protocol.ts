/**
 * The postMessage protocol between the embed route (inside the iframe) and the loader (on the
 * host page). Both sides import this file, so it stays framework-free and tiny: it is bundled
 * into dist/embed.js, whose budget is 2 KB gzipped.
 *
 * iframe → parent only, sent with `window.parent.postMessage(msg, "*")`: the iframe cannot know
 * the host's origin, so a message carries nothing secret — ids and fixed words, never a token,
 * a UPN, an e-mail address or anything else the admin typed.
 */

export type OutcomeResult = "resolved" | "escalate" | "handover";

export interface ResizeMessage {
  scimTroubleshooter: 1;
  type: "resize";
  /** The embed's document height in CSS pixels. */
  height: number;
}
export interface StepMessage {
  scimTroubleshooter: 1;
  type: "step";
  flowId: string;
  stepId: string;
  stepKind: string;
}
export interface OutcomeMessage {
  scimTroubleshooter: 1;
  type: "outcome";
  flowId: string;
  stepId: string;
  outcome: OutcomeResult;
}
export interface FeedbackMessage {
  scimTroubleshooter: 1;
  type: "feedback";
  flowId: string;
  stepId: string;
  helpful: boolean;
}

/** The wizard's events, re-dispatched on the host page as `scim-troubleshooter:<type>`. */
export type WizardEventMessage = StepMessage | OutcomeMessage | FeedbackMessage;
export type EmbedMessage = ResizeMessage | WizardEventMessage;
export type WizardEventType = WizardEventMessage["type"];

/** The `detail` of the host page's CustomEvent: the message without its envelope. */
export type EmbedEventDetail<T extends WizardEventType = WizardEventType> = Omit<
  Extract<WizardEventMessage, { type: T }>,
  "scimTroubleshooter" | "type"
>;

/** Heights above this are not a real page: the sender is broken or hostile. */
export const MAX_REPORTED_HEIGHT = 100_000;

// Flow, step and kind ids are kebab-case by the flow schema. Holding the message to that shape
// (not just "a string") means a UPN, an e-mail address or a token cannot pass as an id.
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A flow id, step id or step kind: kebab-case, at most 100 characters. */
export const isId = (v: unknown): v is string => typeof v === "string" && v.length <= 100 && ID.test(v);

type Check = (v: unknown) => boolean;

// The fields each type carries besides the envelope. A Map, so that a `type` such as
// "constructor" or "__proto__" finds nothing.
const FIELDS = new Map<string, Record<string, Check>>([
  // NaN and ±Infinity fail one of the comparisons.
  ["resize", { height: (v) => typeof v === "number" && v >= 0 && v <= MAX_REPORTED_HEIGHT }],
  ["step", { flowId: isId, stepId: isId, stepKind: isId }],
  ["outcome", { flowId: isId, stepId: isId, outcome: (v) => v === "resolved" || v === "escalate" || v === "handover" }],
  ["feedback", { flowId: isId, stepId: isId, helpful: (v) => typeof v === "boolean" }],
]);

/**
 * Returns a fresh copy of a valid message, or undefined. Anything unexpected is rejected
 * rather than stripped — unknown types, missing or extra fields, wrong field types — so a
 * sender bug shows up as a missing event instead of a silently altered one; and since only
 * known fields are copied, nothing else can ride along to the host.
 */
export function parseEmbedMessage(data: unknown): EmbedMessage | undefined {
  if (!data || typeof data !== "object" || Array.isArray(data)) return;
  const d = data as Record<string, unknown>;
  const fields = d.scimTroubleshooter === 1 && typeof d.type === "string" ? FIELDS.get(d.type) : undefined;
  if (!fields || Object.keys(d).length !== Object.keys(fields).length + 2) return;
  const out: Record<string, unknown> = { scimTroubleshooter: 1, type: d.type };
  for (const k in fields) {
    if (!fields[k](d[k])) return;
    out[k] = d[k];
  }
  return out as unknown as EmbedMessage;
}
