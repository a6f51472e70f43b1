import type { BuiltFlow } from "../../engine/built-flow.ts";
import type { Step } from "../../engine/schema.ts";
import type { Decision } from "../../engine/session.ts";
import { NEXT_STEP_FRAGMENT } from "../share/walk-keys.ts";
import { StepPanel } from "./step-panel.tsx";

/**
 * The first step's way on works before the page's script has run (issue 13): on a prerendered
 * guide whose first step is an instruction, "Done, next step" is a link to `#next-step` until
 * the page has hydrated, and the step it leads to is prerendered beside the first, hidden; CSS
 * shows it while the address points at it (styles.css, `.walk-next`), as a plain HTML page
 * would. Its controls are disabled: the walk takes that step once the page has hydrated
 * (wizard-page.tsx reads the fragment as the first decision), and its live step replaces this
 * copy before the next paint. A check step is never shown early: its view is a chunk of its own.
 */
export function earlyNextStep(flow: BuiltFlow): Step | undefined {
  const [first] = flow.steps;
  if (first?.kind !== "instruction" || !first.next) return undefined;
  const next = flow.steps.find((s) => s.id === first.next);
  return next && next.kind !== "check" ? next : undefined;
}

/** The decision the fragment stands for: the first step's way on. */
export function earlyDecision(flow: BuiltFlow): Decision | undefined {
  const [first] = flow.steps;
  return first && earlyNextStep(flow) ? { step: first.id, kind: "next" } : undefined;
}

export const EARLY_HREF = `#${NEXT_STEP_FRAGMENT}`;

/** The step after the first as the walk will show it, for the page as served (see above). */
export function EarlyNextStep(props: {
  flow: BuiltFlow;
  step: Step;
  headingId: string;
  flowHref: (flowId: string) => string;
}) {
  return (
    <div id={NEXT_STEP_FRAGMENT} className="walk-next">
      {/* Disabled until the page runs: nothing typed here could be lost or sent before the walk has it. */}
      <fieldset className="walk-next-controls" disabled>
        <StepPanel {...props} visited={2} />
      </fieldset>
    </div>
  );
}
