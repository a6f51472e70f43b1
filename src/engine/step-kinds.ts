import type { CheckCatalog } from "./check-catalog.ts";
import { matchesInputPattern } from "./input-pattern.ts";
import type { Step, StepKind, StepOf } from "./schema.ts";

/**
 * The one table of step kinds. Each kind says, once, its ways on (target,
 * label, the decision a way records and the event that makes it) and the
 * shape a share link depends on. Graph, lint, compiler, replay, share link,
 * summary, article and the model tests all derive from it: a new step kind is
 * an entry here, its schema in schema.ts and its view among the wizard's step views.
 */

/** What the walk records when the admin moves on; a walk is the list of these. */
export type Decision =
  | { step: string; kind: "next" }
  | { step: string; kind: "choice"; choice: string }
  /** `value` is absent when it was personal and left out of a shared link. */
  | { step: string; kind: "input"; value?: string }
  | { step: string; kind: "check"; outcome: string; result?: CheckResultLike }
  | { step: string; kind: "manual" };

export type DecisionKind = Decision["kind"];
export type DecisionOf<K extends DecisionKind> = Extract<Decision, { kind: K }>;

/** What a check actor resolves to; the engine only reads `outcome`, the UI the rest. */
export interface CheckResultLike {
  outcome: string;
}

/** The events that make a decision, one per decision kind. */
export type WayEvent =
  | { type: "step.next" }
  | { type: "choice.select"; choice: string }
  | { type: "input.submit"; value?: string }
  | { type: "check.resolve"; outcome: string; result?: CheckResultLike }
  | { type: "check.manual" };

/** A way on from a step. */
export interface WayOn {
  /** Names the way in lint messages: `next`, `choice "yes"`, `outcome "pass"`, `otherwise`, `manual`. */
  via: string;
  /** What the admin reads: the choice's label, the outcome code, the manual way's label. */
  label: string;
  target: string;
  kind: DecisionKind;
  /** What tells this way from its siblings of the same kind: the choice id or the outcome code. */
  value?: string;
  /** A check's way for every outcome code no sibling lists (and the check can give, when known). */
  otherwise?: { listed: readonly string[]; known?: readonly string[] };
  /** An input's way: the value must match this pattern (a value left out of a link is let through). */
  pattern?: string;
}

/**
 * A decision kind: the event that makes it, and the one-letter code and value
 * it travels as in a share link (`[step, code, value?]`, see share-link.ts).
 */
interface DecisionSpec<K extends DecisionKind> {
  code: string;
  on: WayEvent["type"];
  event(decision: DecisionOf<K>): WayEvent;
  /** The decision an event (or, for `check.continue`, the stored result) makes at `step`. */
  fromEvent(step: string, event: WayEvent): DecisionOf<K> | undefined;
  value(decision: DecisionOf<K>): string | undefined;
  /** Undefined when a link's value does not fit the kind (a choice with no id, a `next` with one). */
  fromValue(step: string, value: string | undefined): DecisionOf<K> | undefined;
}

interface StepKindSpec<K extends StepKind> {
  ways(step: StepOf<K>, checks?: CheckCatalog): WayOn[];
  /** What a decision list depends on, for the share link's fingerprint: never wording. */
  shape(step: StepOf<K>): unknown[];
  decisions: { [D in DecisionKind]?: DecisionSpec<D> };
}

const valueless = <K extends "next" | "manual">(kind: K, code: string, type: "step.next" | "check.manual") =>
  ({
    code,
    on: type,
    event: () => ({ type }),
    fromEvent: (step, event) => (event.type === type ? ({ step, kind } as DecisionOf<K>) : undefined),
    value: () => undefined,
    fromValue: (step, value) => (value === undefined ? ({ step, kind } as DecisionOf<K>) : undefined),
  }) satisfies DecisionSpec<K>;

const next = (step: { next?: string }, kind: "next" | "input", pattern?: string): WayOn[] =>
  step.next ? [{ via: "next", label: "next", target: step.next, kind, ...(pattern ? { pattern } : {}) }] : [];

export const STEP_KINDS: { [K in StepKind]: StepKindSpec<K> } = {
  instruction: {
    ways: (step) => next(step, "next"),
    shape: (s) => [s.id, s.kind, s.next],
    decisions: { next: valueless("next", "n", "step.next") },
  },
  question: {
    ways: (step) =>
      step.choices.map((c) => ({
        via: `choice "${c.id}"`,
        label: c.label,
        target: c.next,
        kind: "choice",
        value: c.id,
      })),
    shape: (s) => [s.id, s.kind, s.choices.map((c) => [c.id, c.next])],
    decisions: {
      choice: {
        code: "c",
        on: "choice.select",
        event: (d) => ({ type: "choice.select", choice: d.choice }),
        fromEvent: (step, e) => (e.type === "choice.select" ? { step, kind: "choice", choice: e.choice } : undefined),
        value: (d) => d.choice,
        fromValue: (step, value) => (value === undefined ? undefined : { step, kind: "choice", choice: value }),
      },
    },
  },
  input: {
    ways: (step) => next(step, "input", step.pattern),
    shape: (s) => [s.id, s.kind, s.name, s.pattern, s.next],
    decisions: {
      input: {
        code: "i",
        on: "input.submit",
        event: (d) => ({ type: "input.submit", value: d.value }),
        fromEvent: (step, e) => (e.type === "input.submit" ? withValue(step, e.value) : undefined),
        value: (d) => d.value,
        fromValue: withValue,
      },
    },
  },
  check: {
    ways: (step, checks) => [
      ...Object.entries(step.outcomes).map(
        ([code, target]): WayOn => ({ via: `outcome "${code}"`, label: code, target, kind: "check", value: code }),
      ),
      ...(step.otherwise
        ? [
            {
              via: "otherwise",
              label: "otherwise",
              target: step.otherwise,
              kind: "check" as const,
              otherwise: { listed: Object.keys(step.outcomes), known: checks?.[step.check]?.outcomes },
            },
          ]
        : []),
      { via: "manual", label: step.manual.label, target: step.manual.next, kind: "manual" },
    ],
    shape: (s) => [s.id, s.kind, s.check, s.outcomes, s.otherwise, s.manual.next],
    decisions: {
      check: {
        code: "k",
        on: "check.resolve",
        event: (d) => ({ type: "check.resolve", outcome: d.outcome, result: d.result }),
        fromEvent: (step, e) =>
          e.type === "check.resolve" ? { step, kind: "check", outcome: e.outcome, result: e.result } : undefined,
        value: (d) => d.outcome,
        fromValue: (step, value) => (value === undefined ? undefined : { step, kind: "check", outcome: value }),
      },
      manual: valueless("manual", "m", "check.manual"),
    },
  },
  outcome: {
    ways: () => [],
    shape: (s) => [s.id, s.kind, s.result, s.flow],
    decisions: {},
  },
};

function withValue(step: string, value: string | undefined): DecisionOf<"input"> {
  return value === undefined ? { step, kind: "input" } : { step, kind: "input", value };
}

/** Every decision kind, from the step kind that makes it. */
export const DECISION_KINDS = Object.assign({}, ...Object.values(STEP_KINDS).map((spec) => spec.decisions)) as {
  [D in DecisionKind]: DecisionSpec<D>;
};

export function waysOn(step: Step, checks?: CheckCatalog): WayOn[] {
  return (STEP_KINDS[step.kind] as StepKindSpec<StepKind>).ways(step as never, checks);
}

export function stepShape(step: Step): unknown[] {
  return (STEP_KINDS[step.kind] as StepKindSpec<StepKind>).shape(step as never);
}

export function decisionEvent(decision: Decision): WayEvent {
  return decisionSpec(decision.kind).event(decision);
}

export function decisionSpec(kind: DecisionKind): DecisionSpec<DecisionKind> {
  return DECISION_KINDS[kind] as DecisionSpec<DecisionKind>;
}

/** Whether `decision` takes `way`: the one judge the machine's guards, replay and the summary share. */
export function takesWay(way: WayOn, decision: Decision): boolean {
  if (way.kind !== decision.kind) return false;
  const value = decisionSpec(decision.kind).value(decision);
  if (way.pattern !== undefined) return value === undefined || matchesInputPattern(way.pattern, value);
  if (way.otherwise) {
    const { listed, known } = way.otherwise;
    return value !== undefined && !listed.includes(value) && (known === undefined || known.includes(value));
  }
  return way.value === undefined || way.value === value;
}

/** The way a decision took, for the summary's wording. */
export function wayOf(step: Step, decision: Decision, checks?: CheckCatalog): WayOn | undefined {
  return waysOn(step, checks).find((way) => takesWay(way, decision));
}
