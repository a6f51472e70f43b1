import { z } from "zod";

/**
 * Flow format v1: what a file in flows/ may hold. The schema only checks shape;
 * graph rules (targets, reachability, cycles, check outcomes) live in lint.ts.
 * Files in older formats are migrated to this one before it reads them
 * (migrate.ts); this schema, and the JSON Schema made from it, describe the
 * current format only.
 */

/** The current format. A new one bumps this and adds the migration from the last to FLOW_MIGRATIONS. */
export const FLOW_FORMAT_VERSION = 1;

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case: lower-case letters, digits and dashes");

/** Markdown text. Raw HTML and unsafe links are rejected by the linter, not here. */
const markdown = z.string().min(1, "must not be empty");

export const WHERE = ["entra", "workspace", "synctool"] as const;
export const Where = z.enum(WHERE);

const stepBase = {
  id,
  title: z.string().min(1, "must not be empty"),
  body: markdown.optional(),
  /** Warnings the article attaches to this step; they must stand out. */
  warnings: z.array(markdown).optional(),
};

const InstructionStep = z
  .object({
    ...stepBase,
    kind: z.literal("instruction"),
    where: Where,
    /** Numbered sub-steps, each ticked off by the admin. */
    substeps: z.array(markdown).optional(),
    /** Required in practice: the linter reports a step with no way on as a dead end. */
    next: id.optional(),
  })
  .strict();

const Choice = z
  .object({
    id,
    label: z.string().min(1, "must not be empty"),
    next: id,
  })
  .strict();

const QuestionStep = z
  .object({
    ...stepBase,
    kind: z.literal("question"),
    where: Where.optional(),
    choices: z.array(Choice),
  })
  .strict();

const InputStep = z
  .object({
    ...stepBase,
    kind: z.literal("input"),
    /** The name later check steps use to read this value. */
    name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, "must be a camelCase name"),
    label: z.string().min(1, "must not be empty"),
    /** A JavaScript regular expression the whole value must match. */
    pattern: z.string().min(1),
    /** Told to the admin when the value does not match. */
    patternHint: z.string().min(1),
    /** A value that matches; the model-based tests type it. */
    example: z.string().min(1),
    /** Personal data (UPN, e-mail) is false: left out of links unless the admin agrees. */
    shareable: z.boolean(),
    next: id.optional(),
  })
  .strict();

const CheckStep = z
  .object({
    ...stepBase,
    kind: z.literal("check"),
    where: Where.optional(),
    check: id,
    /** Check parameter name → input name whose value it takes. */
    params: z.record(z.string(), z.string()).optional(),
    /** Outcome code → step. */
    outcomes: z.record(z.string(), id),
    /** Where codes not listed in `outcomes` lead. */
    otherwise: id.optional(),
    /** The way on when the check cannot or should not run. */
    manual: z.object({ label: z.string().min(1), next: id }).strict(),
  })
  .strict();

export const OUTCOME_RESULTS = ["resolved", "escalate", "handover"] as const;

const OutcomeStep = z
  .object({
    ...stepBase,
    kind: z.literal("outcome"),
    result: z.enum(OUTCOME_RESULTS),
    /** The flow to continue with, for a hand-over. */
    flow: id.optional(),
  })
  .strict()
  .refine((s) => (s.result === "handover") === (s.flow !== undefined), {
    message: "a handover outcome names a flow, and only a handover does",
    path: ["flow"],
  });

export const Step = z.discriminatedUnion("kind", [InstructionStep, QuestionStep, InputStep, CheckStep, OutcomeStep]);

export const FlowSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(FLOW_FORMAT_VERSION),
    id,
    title: z.string().min(1),
    summary: z.string().min(1),
    /** Words and error texts an admin would search for. */
    symptoms: z.array(z.string().min(1)).min(1),
    tags: z.array(z.string().min(1)).default([]),
    /** The first step; the first listed step when absent. */
    start: id.optional(),
    steps: z.array(Step).min(1, "a flow needs at least one step"),
  })
  .strict();

export type Flow = z.infer<typeof FlowSchema>;
export type Step = z.infer<typeof Step>;
export type StepKind = Step["kind"];
export type StepOf<K extends StepKind> = Extract<Step, { kind: K }>;
export type WhereId = z.infer<typeof Where>;
