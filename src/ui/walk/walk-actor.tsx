import { useActorRef, useSelector } from "@xstate/react";
import { createContext, type ReactNode, useContext, useLayoutEffect, useRef, useState } from "react";
import { fromPromise } from "xstate";
import type { CheckResult } from "../../checks/types.ts";
import type { CheckRequest, CheckResultLike, FlowActor, FlowMachine, FlowSnapshot } from "../../engine/compile.ts";

export type CheckRunner = (request: CheckRequest, signal: AbortSignal) => Promise<CheckResult>;

const WalkActorContext = createContext<FlowActor | null>(null);

/**
 * One actor per walk, through @xstate/react: it starts in an effect, survives
 * StrictMode's double mount, and an actor that errors throws into the nearest
 * error boundary. The check runner is injected with `.provide()`, read
 * through a ref so it is never frozen at the first render; the engine itself
 * never touches the network. `snapshot` is where the walk starts (a replayed list of
 * decisions); Back and Start over mount a new provider with a new one.
 */
export function WalkActorProvider(props: {
  machine: FlowMachine;
  snapshot: FlowSnapshot;
  runner: CheckRunner;
  children: ReactNode;
}) {
  const { machine } = props;
  // The runner is read when a check starts, so a runner handed in by a later render is the one used.
  const runner = useRef(props.runner);
  useLayoutEffect(() => {
    runner.current = props.runner;
  });
  const [logic] = useState(() =>
    machine.provide({
      actors: {
        runCheck: fromPromise<CheckResultLike, CheckRequest>(({ input, signal }) => runner.current(input, signal)),
      },
    }),
  );
  const [options] = useState(() => ({ snapshot: machine.getPersistedSnapshot(props.snapshot) as never }));
  const actor = useActorRef(logic, options);
  return <WalkActorContext.Provider value={actor}>{props.children}</WalkActorContext.Provider>;
}

export function useWalkActor(): FlowActor {
  const actor = useContext(WalkActorContext);
  if (!actor) throw new Error("useWalkActor needs a <WalkActorProvider>");
  return actor;
}

/** A narrow read of the walk's snapshot: the component renders again only when the selection changes. */
export function useWalk<T>(selector: (snapshot: FlowSnapshot) => T, compare?: (a: T, b: T) => boolean): T {
  return useSelector(useWalkActor(), selector, compare);
}
