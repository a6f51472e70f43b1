import { type ActorRefFrom, assign, fromPromise, type SnapshotFrom, setup } from "xstate";
import type { CheckCatalog } from "./check-catalog.ts";
import { startStepId } from "./graph.ts";
import { inputPattern } from "./input-pattern.ts";
import type { Flow, Step, StepOf } from "./schema.ts";

/**
 * A flow becomes an XState machine: one state per step, named by the step id.
 * The machine runs no check and touches no DOM: `runCheck` and the
 * `stepEntered` side effect are stubs, replaced with `.provide()` by whoever runs the
 * machine (the tests do; the app's wizard reacts to step changes in React instead, since a
 * walk restored by replay re-enters no state).
 */

/** What a check actor resolves to; the engine only reads `outcome`, the UI the rest. */
export interface CheckResultLike {
  outcome: string;
}

export interface CheckRequest {
  check: string;
  stepId: string;
  /** Check parameter → the value of the input it reads. */
  params: Record<string, string | undefined>;
}

export interface FlowContext {
  flowId: string;
  inputs: Record<string, string>;
  /** Question step id → choice id. */
  answers: Record<string, string>;
  /** Check step id → its latest result. */
  checks: Record<string, CheckResultLike>;
  /** Why the latest check could not run, when it could not. */
  checkError?: string;
}

export type FlowEvent =
  | { type: "step.next" }
  | { type: "choice.select"; choice: string }
  /** `value` is absent when a shared link left a personal answer out. */
  | { type: "input.submit"; value?: string }
  | { type: "check.run" }
  | { type: "check.retry" }
  | { type: "check.cancel" }
  | { type: "check.resolve"; outcome: string; result?: CheckResultLike }
  | { type: "check.manual" };

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
    /** A side effect for the host (embed events, focus); a no-op until provided. */
    stepEntered: (_, _params: { stepId: string; kind: Step["kind"] }) => {},
    recordAnswer: assign({
      answers: ({ context }, params: { stepId: string; choice: string }) => ({
        ...context.answers,
        [params.stepId]: params.choice,
      }),
    }),
    recordInput: assign({
      inputs: ({ context, event }, params: { name: string }) =>
        event.type === "input.submit" && event.value !== undefined
          ? { ...context.inputs, [params.name]: event.value }
          : context.inputs,
    }),
    recordOutcome: assign({
      checks: ({ context, event }, params: { stepId: string }) =>
        event.type === "check.resolve"
          ? { ...context.checks, [params.stepId]: event.result ?? { outcome: event.outcome } }
          : context.checks,
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
    choiceIs: ({ event }, params: { choice: string }) =>
      event.type === "choice.select" && event.choice === params.choice,
    validInput: ({ event }, params: { pattern: string }) =>
      event.type === "input.submit" && (event.value === undefined || inputPattern(params.pattern).test(event.value)),
    outcomeIn: ({ event }, params: { codes: readonly string[] }) =>
      event.type === "check.resolve" && params.codes.includes(event.outcome),
    outcomeOtherThan: ({ event }, params: { listed: readonly string[]; known?: readonly string[] }) =>
      event.type === "check.resolve" &&
      !params.listed.includes(event.outcome) &&
      (params.known === undefined || params.known.includes(event.outcome)),
  },
});

/** State configs are built as data naming the actions and guards above. */
type StateConfig = Record<string, unknown>;

export interface CompileOptions {
  /** When given, `otherwise` only accepts outcome codes the check can produce. */
  checks?: CheckCatalog;
}

export function compileFlow(flow: Flow, options: CompileOptions = {}) {
  const states: Record<string, StateConfig> = {};
  for (const step of flow.steps) states[step.id] = stepState(step, options);
  return flowSetup.createMachine({
    id: flow.id,
    initial: startStepId(flow),
    context: { flowId: flow.id, inputs: {}, answers: {}, checks: {} },
    states,
  } as never);
}

export type FlowMachine = ReturnType<typeof compileFlow>;
export type FlowSnapshot = SnapshotFrom<FlowMachine>;
export type FlowActor = ActorRefFrom<FlowMachine>;

function stepState(step: Step, options: CompileOptions): StateConfig {
  const entry = [{ type: "stepEntered", params: { stepId: step.id, kind: step.kind } }];
  switch (step.kind) {
    case "instruction":
      return { entry, on: { "step.next": step.next } };
    case "question":
      return {
        entry,
        on: {
          "choice.select": step.choices.map((c) => ({
            guard: { type: "choiceIs", params: { choice: c.id } },
            target: c.next,
            actions: { type: "recordAnswer", params: { stepId: step.id, choice: c.id } },
          })),
        },
      };
    case "input":
      return {
        entry,
        on: {
          "input.submit": {
            guard: { type: "validInput", params: { pattern: step.pattern } },
            target: step.next,
            actions: { type: "recordInput", params: { name: step.name } },
          },
        },
      };
    case "check":
      return checkState(step, entry, options);
    case "outcome":
      return { entry, type: "final" };
  }
}

function checkState(step: StepOf<"check">, entry: unknown[], options: CompileOptions): StateConfig {
  const record = { type: "recordOutcome", params: { stepId: step.id } };
  const resolve: StateConfig[] = Object.entries(step.outcomes).map(([code, target]) => ({
    guard: { type: "outcomeIn", params: { codes: [code] } },
    target,
    actions: record,
  }));
  if (step.otherwise) {
    const known = options.checks?.[step.check]?.outcomes;
    resolve.push({
      guard: { type: "outcomeOtherThan", params: { listed: Object.keys(step.outcomes), known } },
      target: step.otherwise,
      actions: record,
    });
  }
  const params = step.params ?? {};
  const checkInput = ({ context }: { context: FlowContext }): CheckRequest => ({
    check: step.check,
    stepId: step.id,
    params: Object.fromEntries(Object.entries(params).map(([param, input]) => [param, context.inputs[input]])),
  });
  return {
    entry,
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
      done: { on: { "check.retry": "running" } },
      failed: { on: { "check.retry": "running" } },
    },
    on: { "check.resolve": resolve, "check.manual": step.manual.next },
  };
}
