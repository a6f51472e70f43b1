import { createContext, useContext } from "react";

/** What the wizard tells its host (the embed loader forwards these); never a token or a personal input. */
export type WizardEvent =
  | { type: "step"; flowId: string; stepId: string; stepKind: string }
  | { type: "outcome"; flowId: string; stepId: string; outcome: "resolved" | "escalate" | "handover" }
  | { type: "feedback"; flowId: string; stepId: string; helpful: boolean };

export type WizardEventSink = (event: WizardEvent) => void;

const WizardEventsContext = createContext<WizardEventSink>(() => {});

export const WizardEventsProvider = WizardEventsContext.Provider;

export function useWizardEvents(): WizardEventSink {
  return useContext(WizardEventsContext);
}
