import type { Flow } from "../../engine/schema.ts";
import { stepShape } from "../../engine/step-kinds.ts";

/**
 * A short hash of what a decision list depends on: step ids, kinds, the ways
 * on and input patterns. Wording changes keep old links valid; a change to
 * the shape of a flow makes them "outdated" instead of silently wrong.
 */
export function flowFingerprint(flow: Flow): string {
  return fnv1a(JSON.stringify([flow.id, flow.start, flow.steps.map(stepShape)]));
}

/** FNV-1a, 32 bits, base 36: short, and enough to tell an edited text from the one the app wrote (not a signature). */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
