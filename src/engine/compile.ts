import { type ActorRefFrom, assign, fromPromise, type SnapshotFrom, setup } from "xstate";
import type { CheckCatalog } from "./check-catalog.ts";
import { startStepId } from "./graph.ts";
import type { Flow, Step } from "./schema.ts";
import {
  type CheckResultLike,
  type Decision,
  decisionSpec,
  takesWay,
  type WayEvent,
  type WayOn,
  waysOn,
} from "./step-kinds.ts";

/**
 * A flow becomes an XState machine: one state per step, named by the step id,
 * with one guarded transition per way on (step-kinds.ts). The machine records
 * each decision in its context as it makes it, so a walk is read off the
 * machine, never inferred. It runs no check itself: `runCheck` is provided
 * with `.provide()` by whoever runs the machine (the wizard, the tests).
 */

export type { CheckResultLike, Decision } from "./step-kinds.ts";

export interface CheckRequest {
  check: string;
  stepId: string;
  /** Check parameter → the value of the input it reads. */
  params: Record<string, string | undefined>;
}

export interface FlowContext {
  flowId: string;
  /** Every decision of the walk so far, in order: Back, links, reload and summaries read this. */
  decisions: Decision[];
  /** Input name → the value given, for the check steps that read it. */
  inputs: Record<string, string>;
  /** Check step id → its latest result. */
  checks: Record<string, CheckResultLike>;
  /** Why the latest check could not run, when it could not. */
  checkError?: string;
}

export type FlowEvent =
  | WayEvent
  | { type: "check.run" }
  | { type: "check.retry" }
  | { type: "check.cancel" }
  /** Takes the way the latest check result points to: the machine routes it, not the UI. */
  | { type: "check.continue" };

interface WayParams {
  step: string;
  way: WayOn;
  /** The input's name, for an input step. */
  input?: string;
}

/** The decision an event makes at a step; `check.continue` makes it from the stored result. */
function decisionOf(params: WayParams, event: FlowEvent, context: FlowContext): Decision | undefined {
  if (event.type === "check.continue") {
    const result = context.checks[params.step];
    return params.way.kind === "check" && result
      ? { step: params.step, kind: "check", outcome: result.outcome, result }
      : undefined;
  }
  return decisionSpec(params.way.kind).fromEvent(params.step, event as WayEvent);
}

const flowSetup = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
  },
  actors: {
    runCheck: fromPromise<CheckResultLike, CheckRequest>(async ({ input }) => {
      throw new Error(`no check runner was provided for "${input.check}"`);
    }),
  },
  actions: {
    record: assign(({ context, event }, params: WayParams) => {
      const decision = decisionOf(params, event, context);
      if (!decision) return {};
      const inputs =
        decision.kind === "input" && decision.value !== undefined && params.input
          ? { ...context.inputs, [params.input]: decision.value }
          : context.inputs;
      const checks =
        decision.kind === "check"
          ? { ...context.checks, [params.step]: decision.result ?? { outcome: decision.outcome } }
          : context.checks;
      return { decisions: [...context.decisions, decision], inputs, checks };
    }),
    storeCheckOutput: assign({
      checks: ({ context, event }, params: { stepId: string }) => ({
        ...context.checks,
        [params.stepId]: (event as unknown as { output: CheckResultLike }).output,
      }),
      checkError: undefined,
    }),
    storeCheckError: assign({
      checkError: ({ event }) => {
        const error = (event as unknown as { error: unknown }).error;
        return error instanceof Error ? error.message : String(error);
      },
    }),
  },
  guards: {
    takes: ({ context, event }, params: WayParams) => {
      const decision = decisionOf(params, event, context);
      return decision !== undefined && takesWay(params.way, decision);
    },
  },
});

/** State configs are built as data naming the actions and guards above. */
type StateConfig = Record<string, unknown>;
type Transitions = Partial<Record<FlowEvent["type"], StateConfig[]>>;

export interface CompileOptions {
  /** When given, `otherwise` only accepts outcome codes the check can produce. */
  checks?: CheckCatalog;
}

export function compileFlow(flow: Flow, options: CompileOptions = {}) {
  const states: Record<string, StateConfig> = {};
  for (const step of flow.steps) states[step.id] = stepState(flow.id, step, transitions(step, options.checks));
  return flowSetup.createMachine({
    id: flow.id,
    initial: startStepId(flow),
    context: { flowId: flow.id, decisions: [], inputs: {}, checks: {} },
    states,
  } as never);
}

export type FlowMachine = ReturnType<typeof compileFlow>;
export type FlowSnapshot = SnapshotFrom<FlowMachine>;
export type FlowActor = ActorRefFrom<FlowMachine>;

/** One guarded transition per way on, under the event its decision kind listens to. */
function transitions(step: Step, checks: CheckCatalog | undefined): Transitions {
  const on: Transitions = {};
  for (const way of waysOn(step, checks)) {
    const params: WayParams = { step: step.id, way, ...(step.kind === "input" ? { input: step.name } : {}) };
    const event = decisionSpec(way.kind).on;
    on[event] = [
      ...(on[event] ?? []),
      { guard: { type: "takes", params }, target: way.target, actions: { type: "record", params } },
    ];
  }
  return on;
}

function stepState(flowId: string, step: Step, on: Transitions): StateConfig {
  if (step.kind === "outcome") return { type: "final" };
  if (step.kind !== "check") return { on };
  const params = step.params ?? {};
  const checkInput = ({ context }: { context: FlowContext }): CheckRequest => ({
    check: step.check,
    stepId: step.id,
    params: Object.fromEntries(Object.entries(params).map(([param, input]) => [param, context.inputs[input]])),
  });
  // From the nested `done` state a target names the step by its full id (`#flow.step`).
  const onResult = (on["check.resolve"] ?? []).map((t) => ({ ...t, target: `#${flowId}.${t.target}` }));
  return {
    initial: "ready",
    states: {
      ready: { on: { "check.run": "running" } },
      running: {
        tags: ["checking"],
        invoke: {
          src: "runCheck",
          input: checkInput,
          onDone: { target: "done", actions: { type: "storeCheckOutput", params: { stepId: step.id } } },
          onError: { target: "failed", actions: "storeCheckError" },
        },
        on: { "check.cancel": "ready" },
      },
      // The result's own way on: the same guarded transitions, judged on the stored result.
      done: { on: { "check.retry": "running", "check.continue": onResult } },
      failed: { on: { "check.retry": "running" } },
    },
    on,
  };
}
