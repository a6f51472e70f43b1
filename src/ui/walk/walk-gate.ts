import { useLayoutEffect } from "react";
import { WALK_PENDING_CLASS } from "../share/walk-keys.ts";

/**
 * Once the page shows the walk its address asked for, the prerendered start hidden by the
 * early gate (src/app/walk-gate.ts) may be seen: before paint, in the same commit.
 */
export function useRevealWalk(ready: boolean): void {
  useLayoutEffect(() => {
    if (ready) document.documentElement.classList.remove(WALK_PENDING_CLASS);
  }, [ready]);
}
