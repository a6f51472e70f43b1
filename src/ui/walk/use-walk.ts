import { useEffect, useState, useSyncExternalStore } from "react";
import { fromPromise } from "xstate";
import type { CheckResult } from "../../checks/types";
import type { BuiltFlow } from "../../engine/built-flow";
import type { CheckRequest, CheckResultLike } from "../../engine/compile";
import type { Decision } from "../../engine/session";
import { Walk } from "../../engine/walk";
import { machineFor } from "../flows/flow-machines";

export type CheckRunner = (request: CheckRequest, signal: AbortSignal) => Promise<CheckResult>;

/**
 * One walk per mounted wizard. The check runner is injected into the
 * machine here (`.provide()`), so the engine itself never touches the network.
 */
export function useWalk(flow: BuiltFlow, initial: readonly Decision[], runner: CheckRunner) {
  const [walk] = useState(() => {
    const machine = machineFor(flow).provide({
      actors: {
        runCheck: fromPromise<CheckResultLike, CheckRequest>(({ input, signal }) => runner(input, signal)),
      },
    });
    return new Walk(machine, initial);
  });
  useEffect(() => {
    walk.resume();
    return () => walk.stop();
  }, [walk]);
  const snapshot = useSyncExternalStore(walk.subscribe, walk.getSnapshot, walk.getSnapshot);
  return { walk, snapshot };
}
