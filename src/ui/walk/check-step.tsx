import type { CheckResult } from "../../checks/types.ts";
import { checkPhase, peekStep } from "../../engine/session.ts";
import { machineFor } from "../flows/flow-machines.ts";
import { CheckStepBody } from "./check-step-body.tsx";
import type { StepViewProps } from "./step-view.ts";
import { useWalk, useWalkActor } from "./walk-actor.tsx";

/**
 * A check step's wiring to the walk: what the machine allows and where its result leads. With its
 * view it brings the SCIM client along, a chunk loaded when a walk first reaches a check step
 * (step-views.tsx).
 */
export function CheckStep(props: StepViewProps<"check">) {
  const { flow, step } = props;
  const actor = useWalkActor();
  const phase = useWalk((s) => checkPhase(s)) ?? "ready";
  const inputs = useWalk((s) => s.context.inputs);
  const result = useWalk((s) => (checkPhase(s) === "done" ? (s.context.checks[step.id] as CheckResult) : undefined));
  const checkError = useWalk((s) => s.context.checkError);
  const can = {
    run: useWalk((s) => s.can({ type: "check.run" })),
    retry: useWalk((s) => s.can({ type: "check.retry" })),
    cancel: useWalk((s) => s.hasTag("checking")),
  };
  // The machine routes the result: ask it where Continue leads rather than working it out here.
  const nextStep = useWalk((s) => peekStep(machineFor(flow), s, { type: "check.continue" }));
  const nextTitle = flow.steps.find((s) => s.id === nextStep)?.title;
  return (
    <CheckStepBody
      {...props}
      phase={phase}
      inputs={inputs}
      result={result}
      checkError={checkError}
      can={can}
      nextTitle={nextTitle}
      send={actor.send}
    />
  );
}
