import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createActor, fromPromise } from "xstate";
import { CHECK_CATALOG } from "../../src/checks/catalog.ts";
import { type CheckResultLike, compileFlow, type FlowActor, type FlowMachine } from "../../src/engine/compile.ts";
import { MAX_INPUT_LENGTH } from "../../src/engine/input-pattern.ts";
import { parseFlowSource } from "../../src/engine/parse.ts";
import { decisionsTo } from "../../src/engine/path-to-step.ts";
import type { Flow } from "../../src/engine/schema.ts";
import { checkPhase, currentStepId, type Decision, peekStep, replay } from "../../src/engine/session.ts";

const file = join(import.meta.dirname, "../fixtures/flows/every-kind.yaml");
const flow = parseFlowSource(file, readFileSync(file, "utf8")).flow as Flow;
const machine = compileFlow(flow, { checks: CHECK_CATALOG });

const toMismatch: Decision[] = [
  { step: "intro", kind: "next" },
  { step: "which", kind: "choice", choice: "error" },
  { step: "email", kind: "input", value: "jane@contoso.com" },
  { step: "lookup", kind: "check", outcome: "upn-mismatch" },
];

describe("replay", () => {
  test("rebuilds step and context from the decisions", () => {
    const result = replay(machine, toMismatch.slice(0, 3));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(currentStepId(result.snapshot)).toBe("lookup");
    expect(result.snapshot.context).toMatchObject({
      inputs: { mail: "jane@contoso.com" },
      decisions: toMismatch.slice(0, 3),
    });
  });

  test("an empty list is the start", () => {
    const result = replay(machine, []);
    expect(result.ok && currentStepId(result.snapshot)).toBe("intro");
  });

  test("reaches the outcome and records the check outcome", () => {
    const result = replay(machine, toMismatch);
    expect(result.ok && result.snapshot.status).toBe("done");
    expect(result.ok && result.snapshot.context.checks.lookup).toEqual({ outcome: "upn-mismatch" });
  });

  const rejected: [string, Decision[], string][] = [
    ["an unknown step", [{ step: "warp", kind: "next" }], 'made at step "warp", but the walk is at "intro"'],
    ["a wrong choice", [toMismatch[0], { step: "which", kind: "choice", choice: "maybe" }], 'the choice "maybe"'],
    [
      "an input that fails its pattern",
      [...toMismatch.slice(0, 2), { step: "email", kind: "input", value: "nope" }],
      "that value",
    ],
    [
      // Issue 12 point 3: a link's value is cut off before any pattern runs on it.
      "an input longer than any answer",
      [
        ...toMismatch.slice(0, 2),
        { step: "email", kind: "input", value: `${"j".repeat(MAX_INPUT_LENGTH)}@contoso.com` },
      ],
      "that value",
    ],
    [
      "an outcome the check never gives",
      [...toMismatch.slice(0, 3), { step: "lookup", kind: "check", outcome: "maybe" }],
      'outcome "maybe"',
    ],
    [
      "a decision of the wrong kind",
      [{ step: "intro", kind: "choice", choice: "error" }],
      'does not accept the choice "error"',
    ],
    ["decisions after the end", [...toMismatch, { step: "escalate", kind: "next" }], "already ended"],
  ];
  test.each(rejected)("rejects %s with a reason, applying nothing", (_name, decisions, reason) => {
    const result = replay(machine, decisions);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
    expect(result).not.toHaveProperty("snapshot");
  });

  test("a personal input left out of a shared list still replays", () => {
    const decisions: Decision[] = [...toMismatch.slice(0, 2), { step: "email", kind: "input" }];
    const result = replay(machine, decisions);
    expect(result.ok && currentStepId(result.snapshot)).toBe("lookup");
    expect(result.ok && result.snapshot.context.inputs).toEqual({});
  });
});

describe("the machine", () => {
  const withChecks = (run: (input: unknown) => Promise<CheckResultLike>) =>
    machine.provide({ actors: { runCheck: fromPromise(({ input }) => run(input)) } });
  const started = (logic: FlowMachine, decisions: Decision[] = []) => {
    const replayed = replay(logic, decisions);
    if (!replayed.ok) throw new Error(replayed.reason);
    return createActor(logic, { snapshot: logic.getPersistedSnapshot(replayed.snapshot) as never }).start();
  };
  const stepOf = (actor: FlowActor) => currentStepId(actor.getSnapshot());

  test("records a decision in its context for each move, made by the transition that moves", () => {
    const actor = started(machine);
    actor.send({ type: "step.next" });
    actor.send({ type: "choice.select", choice: "error" });
    expect(stepOf(actor)).toBe("email");
    expect(actor.getSnapshot().context.decisions).toEqual(toMismatch.slice(0, 2));
    actor.stop();
  });

  test("an invalid input moves nothing and records nothing", () => {
    const actor = started(machine, toMismatch.slice(0, 2));
    expect(actor.getSnapshot().can({ type: "input.submit", value: "not an address" })).toBe(false);
    actor.send({ type: "input.submit", value: "not an address" });
    expect(actor.getSnapshot().context.decisions).toHaveLength(2);
    actor.stop();
  });

  test("runs the injected check with its parameters, then routes the result itself", async () => {
    const requests: unknown[] = [];
    const actor = started(
      withChecks(async (input) => {
        requests.push(input);
        return { outcome: "pass" };
      }),
      toMismatch.slice(0, 3),
    );
    expect(actor.getSnapshot().can({ type: "check.continue" })).toBe(false);
    actor.send({ type: "check.run" });
    expect(actor.getSnapshot().hasTag("checking")).toBe(true);
    await vi.waitFor(() => expect(checkPhase(actor.getSnapshot())).toBe("done"));
    expect(requests).toEqual([
      { check: "upn-collision", stepId: "lookup", params: { mail: "jane@contoso.com", upn: "jane@contoso.com" } },
    ]);
    expect(actor.getSnapshot().context.decisions).toHaveLength(3); // running a check decides nothing
    expect(peekStep(machine, actor.getSnapshot(), { type: "check.continue" })).toBe("solved");
    actor.send({ type: "check.continue" });
    expect(stepOf(actor)).toBe("solved");
    expect(actor.getSnapshot().context.decisions.at(-1)).toEqual({
      step: "lookup",
      kind: "check",
      outcome: "pass",
      result: { outcome: "pass" },
    });
    actor.stop();
  });

  test("a check that throws ends in a failed state that keeps retry and the manual way open", async () => {
    const actor = started(
      withChecks(async () => Promise.reject(new Error("network down"))),
      toMismatch.slice(0, 3),
    );
    actor.send({ type: "check.run" });
    await vi.waitFor(() => expect(checkPhase(actor.getSnapshot())).toBe("failed"));
    expect(actor.getSnapshot().context.checkError).toBe("network down");
    expect(actor.getSnapshot().can({ type: "check.retry" })).toBe(true);
    expect(actor.getSnapshot().can({ type: "check.continue" })).toBe(false);
    actor.send({ type: "check.manual" });
    expect(stepOf(actor)).toBe("escalate");
    actor.stop();
  });

  test("without a provided check runner the machine runs nothing and says so", async () => {
    const actor = started(machine, toMismatch.slice(0, 3));
    actor.send({ type: "check.run" });
    await vi.waitFor(() => expect(checkPhase(actor.getSnapshot())).toBe("failed"));
    expect(actor.getSnapshot().context.checkError).toContain("no check runner");
    actor.stop();
  });
});

describe("decisionsTo", () => {
  test("finds the fewest decisions to a step, and they replay there", () => {
    const decisions = decisionsTo(flow, "lookup");
    expect(decisions).toEqual([
      { step: "intro", kind: "next" },
      { step: "which", kind: "choice", choice: "error" },
      { step: "email", kind: "input" },
    ]);
    const replayed = replay(machine, decisions ?? []);
    expect(replayed.ok && currentStepId(replayed.snapshot)).toBe("lookup");
  });

  test("the start step needs no decision; an unknown step has no path", () => {
    expect(decisionsTo(flow, "intro")).toEqual([]);
    expect(decisionsTo(flow, "nowhere")).toBeUndefined();
  });
});
