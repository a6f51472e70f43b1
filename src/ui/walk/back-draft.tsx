import { createContext, useContext } from "react";
import type { Decision } from "../../engine/session.ts";

/**
 * The decision Back just took away. Back replays a shorter list into a new actor, so the answer
 * an input step had is no longer in the walk; its field shows it again, to be corrected rather
 * than typed anew (the value never leaves memory: it is the decision the walk held a moment ago).
 */
const BackDraftContext = createContext<Decision | undefined>(undefined);

export const BackDraftProvider = BackDraftContext.Provider;

/** The answer Back took from this input step, if it was the last one. */
export function useBackDraft(stepId: string): string | undefined {
  const dropped = useContext(BackDraftContext);
  return dropped?.kind === "input" && dropped.step === stepId ? dropped.value : undefined;
}
