/**
 * Where a walk other than the guide's start comes from, by name: the share link's query
 * parameter and the key of the walk saved in this tab. Apart from the code that reads them,
 * so that the prerendered pages' early gate (src/app/walk-gate.ts) can tell, before the app
 * runs, that the page will not open at its first step.
 */
export const SHARE_PARAM = "s";

export const savedWalkKey = (flowId: string) => `scim-troubleshooter:walk:${flowId}`;

/**
 * Set on <html> by the gate while a prerendered guide start must not show (its CSS in
 * src/app/styles.css), removed by the page once it shows the walk it opened.
 */
export const WALK_PENDING_CLASS = "walk-pending";

/**
 * The fragment a prerendered guide's first way on links to before the page has hydrated
 * (src/ui/walk/early-next-step.tsx): the address says that the first step is done.
 */
export const NEXT_STEP_FRAGMENT = "next-step";
