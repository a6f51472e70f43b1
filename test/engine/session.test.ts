import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fromPromise } from "xstate";
import { CHECK_CATALOG } from "../../src/checks/catalog";
import { type CheckResultLike, compileFlow } from "../../src/engine/compile";
import { parseFlowSource } from "../../src/engine/parse";
import { decisionsTo } from "../../src/engine/path-to-step";
import type { Flow } from "../../src/engine/schema";
import { checkPhase, currentStepId, type Decision, replay } from "../../src/engine/session";
import { Walk } from "../../src/engine/walk";

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
      answers: { which: "error" },
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

describe("Walk", () => {
  const withChecks = (run: (input: unknown) => Promise<CheckResultLike>, entered: string[] = []) =>
    machine.provide({
      actors: { runCheck: fromPromise(({ input }) => run(input)) },
      actions: { stepEntered: (_, params) => entered.push(params.stepId) },
    });

  test("records a decision for each move, and Back drops the last one", () => {
    const walk = new Walk(machine);
    walk.send({ type: "step.next" });
    walk.send({ type: "choice.select", choice: "error" });
    expect(walk.stepId).toBe("email");
    expect(walk.decisions).toEqual(toMismatch.slice(0, 2));
    walk.back();
    expect(walk.stepId).toBe("which");
    expect(walk.decisions).toEqual(toMismatch.slice(0, 1));
    walk.restart();
    expect(walk.stepId).toBe("intro");
    expect(walk.decisions).toEqual([]);
    walk.stop();
  });

  test("an invalid input moves nothing and records nothing", () => {
    const walk = new Walk(machine, toMismatch.slice(0, 2));
    expect(walk.send({ type: "input.submit", value: "not an address" })).toBe(false);
    expect(walk.decisions).toHaveLength(2);
  });

  test("runs the injected check with its parameters, then branches on the outcome", async () => {
    const requests: unknown[] = [];
    const entered: string[] = [];
    const walk = new Walk(
      withChecks(async (input) => {
        requests.push(input);
        return { outcome: "pass" };
      }, entered),
      toMismatch.slice(0, 3),
    );
    walk.send({ type: "check.run" });
    await vi.waitFor(() => expect(checkPhase(walk.getSnapshot()) === "done").toBe(true));
    expect(requests).toEqual([
      { check: "upn-collision", stepId: "lookup", params: { mail: "jane@contoso.com", upn: "jane@contoso.com" } },
    ]);
    expect(walk.decisions).toHaveLength(3); // running a check decides nothing
    walk.send({ type: "check.resolve", outcome: "pass" });
    expect(walk.stepId).toBe("solved");
    expect(entered).toContain("solved");
    walk.stop();
  });

  test("a check that throws ends in a failed state that keeps retry and the manual way open", async () => {
    const walk = new Walk(
      withChecks(async () => Promise.reject(new Error("network down"))),
      toMismatch.slice(0, 3),
    );
    walk.send({ type: "check.run" });
    await vi.waitFor(() => expect(checkPhase(walk.getSnapshot()) === "failed").toBe(true));
    expect(walk.getSnapshot().context.checkError).toBe("network down");
    expect(walk.getSnapshot().can({ type: "check.retry" })).toBe(true);
    walk.send({ type: "check.manual" });
    expect(walk.stepId).toBe("escalate");
    walk.stop();
  });

  test("without a provided check runner the machine runs nothing and says so", async () => {
    const walk = new Walk(machine, toMismatch.slice(0, 3));
    walk.send({ type: "check.run" });
    await vi.waitFor(() => expect(checkPhase(walk.getSnapshot()) === "failed").toBe(true));
    expect(walk.getSnapshot().context.checkError).toContain("no check runner");
    walk.stop();
  });

  test("refuses to start from a list that does not fit", () => {
    expect(() => new Walk(machine, [{ step: "nowhere", kind: "next" }])).toThrow(/walk is at "intro"/);
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
