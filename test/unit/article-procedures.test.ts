import { flows } from "virtual:flows";
import type { BuiltFlow } from "../../src/engine/built-flow.ts";
import { plainText } from "../../src/engine/rich-text-tree.ts";
import type { Step, WhereId } from "../../src/engine/schema.ts";

/**
 * The support article's numbered procedures, kept as short labels and actions
 * only (the project ships no copy of the article). Each flow's main path must
 * visit them in the article's order, and carry the article's warnings on the
 * steps they belong to.
 */

const SCENARIOS = ["test-connection", "deletion", "error-500", "user-scope", "regenerate-key"] as const;
type FlowId = (typeof SCENARIOS)[number];

/** Question step → the choice taken; check step → the outcome code followed, or "manual" (the default). */
type MainPath = Record<string, string>;

interface Procedure {
  name: string;
  /** Labels and actions, in the article's order. */
  steps: string[];
}

interface Spec {
  mainPath: MainPath;
  /** The result the main path ends in. */
  ends: "resolved" | "escalate" | "handover";
  /** The flow's procedures, in the article's order. */
  procedures: Procedure[];
}

const SPECS: Record<FlowId, Spec> = {
  "test-connection": {
    mainPath: { tested: "failed", url: "manual", "key-known": "have-key", retried: "passed" },
    ends: "resolved",
    procedures: [
      {
        name: "what Test connection does",
        steps: ["Tenant URL", "Secret token", "notification", "Test connection"],
      },
      {
        name: "check the key, check that SCIM is enabled, then try again",
        steps: [
          "key is valid",
          "Secret token",
          "SCIM is enabled",
          "Users & groups",
          "User provisioning",
          "Enable sync using SCIM",
          "Done",
          "Test connection",
          "Save",
        ],
      },
    ],
  },
  deletion: {
    mainPath: {
      kind: "user",
      "user-state": "manual",
      "how-deleted": "hard",
      "hard-gone": "still-there",
      "still-there": "cycle-ran",
      "workaround-result": "gone",
    },
    ends: "resolved",
    procedures: [
      {
        name: "about deleted users and groups",
        steps: [
          "Hard delete",
          "permanently deleted in the workspace",
          "Soft delete",
          "Deleted users",
          "Groups",
          "deleted by hand in the workspace",
          "permanently deleted in Entra",
          "managing users and groups from Entra",
          "stop the sync",
          "User provisioning",
        ],
      },
      {
        name: "user not deleted: workaround steps 1-6",
        steps: [
          // 1
          "Provisioning",
          "Stop provisioning",
          // 2
          "Settings",
          "Users & groups",
          "User provisioning",
          // 3
          "Uncheck",
          "Enable sync using SCIM",
          "Done",
          "top left",
          // 4
          "User management",
          "delete the user",
          // 5
          "User provisioning",
          "Enable sync using SCIM",
          "Done",
          // 6
          "Provisioning",
          "Start provisioning",
        ],
      },
    ],
  },
  "error-500": {
    mainPath: { collision: "upn-mismatch", result: "fixed" },
    ends: "resolved",
    procedures: [
      { name: "the cause", steps: ["Error 500", "first activate SCIM", "UPN", "different", "delete the user"] },
      {
        name: "steps 1-13",
        steps: [
          // 1
          "SCIM enterprise application",
          "Stop provisioning",
          // 2
          "Settings",
          "Users & groups",
          "User provisioning",
          // 3
          "Enable sync using SCIM",
          "Done",
          // 4
          "User management",
          // 5
          "Select the user",
          "Delete",
          // 6
          "Deleted users",
          // 7
          "Select the user",
          "permanently",
          // 8
          "User provisioning",
          // 9
          "Enable sync using SCIM",
          "Done",
          // 10
          "Start provisioning",
          // 11
          "Provision on demand",
          // 12
          "user's name",
          "Provision",
          // 13
          "added to the workspace again",
          "correct information",
        ],
      },
    ],
  },
  "user-scope": {
    mainPath: { situation: "scope-error", "first-time": "used-before", result: "limited" },
    ends: "resolved",
    procedures: [
      {
        name: "step 1: stop SCIM",
        steps: ["SCIM enterprise application", "Provisioning", "Stop provisioning"],
      },
      {
        name: "step 2: switch to Azure AD sync",
        steps: ["Users & groups", "User provisioning", "Azure Active Directory (AD) sync", "Done", "Copy the API key"],
      },
      {
        name: "step 3: configure the synctool",
        steps: [
          // 3.1, 3.2
          "Sync API authentication token",
          "Save",
          // 3.3
          "Clear the synctool's cache",
          // 3.4, 3.5
          "unchecking these filtering options",
          "Start the synctool's Windows service",
          "full sync",
          "complete",
          // 3.6, 3.7, 3.8
          "enable group and/or domain filtering",
          "Start the sync",
          "selected groups and/or domains",
          "stop the synctool's Windows service",
        ],
      },
      {
        name: "step 4: switch back to SCIM",
        steps: ["Automated user provisioning (SCIM)", "Done", "Copy the API key"],
      },
      {
        name: "step 5: start SCIM with the limited scope",
        steps: [
          "Provisioning",
          "Edit provisioning",
          "Admin credentials",
          "Secret token",
          "step 4",
          "'all' to 'assigned'",
          "Save",
          "Users and groups",
          "same users and groups",
          "Start provisioning",
          "limited the scope",
        ],
      },
    ],
  },
  "regenerate-key": {
    // Issue 14: after Save, Entra's job runs and its recent logs show no failures.
    mainPath: { rotation: "pass", tested: "passed", "provisioning-status": "active", "recent-logs": "no-failures" },
    ends: "resolved",
    procedures: [
      {
        name: "steps 1-13",
        steps: [
          // 1, 2, 3
          "Settings",
          "Users & groups",
          "User provisioning",
          // 4
          "Regenerate",
          // 5
          "Confirm",
          "Regenerate",
          // 6
          "Copy the newly generated API key",
          "note it down",
          // 7
          "SCIM enterprise application",
          // 8
          "Provisioning",
          // 9
          "Edit provisioning",
          // 10
          "Admin credentials",
          // 11
          "Secret token",
          // 12
          "Test connection",
          // 13
          "Save",
        ],
      },
    ],
  },
};

/** The article's warnings, each on the step it belongs to. */
const WARNINGS: { flow: FlowId; step: string; warning: RegExp }[] = [
  { flow: "deletion", step: "stop-provisioning", warning: /only for a user that SCIM did not delete/i },
  { flow: "deletion", step: "stop-provisioning", warning: /do not use these steps by default/i },
  { flow: "user-scope", step: "switch-to-synctool", warning: /shown only once/i },
  { flow: "user-scope", step: "clear-cache", warning: /clear its cache/i },
  { flow: "user-scope", step: "full-sync", warning: /filtering must be off for this first full sync/i },
  { flow: "user-scope", step: "switch-to-scim", warning: /shown only once/i },
  { flow: "user-scope", step: "assign", warning: /same users and groups in Entra as in the synctool/i },
  { flow: "regenerate-key", step: "regenerate", warning: /shown only once/i },
];

/** Where the article says an action happens. */
const PLACES: { flow: FlowId; action: string; where: WhereId }[] = [
  { flow: "deletion", action: "Stop provisioning", where: "entra" },
  { flow: "deletion", action: "Enable sync using SCIM", where: "workspace" },
  { flow: "deletion", action: "Start provisioning", where: "entra" },
  { flow: "error-500", action: "Deleted users", where: "workspace" },
  { flow: "error-500", action: "Provision on demand", where: "entra" },
  { flow: "user-scope", action: "Azure Active Directory (AD) sync", where: "workspace" },
  { flow: "user-scope", action: "Sync API authentication token", where: "synctool" },
  { flow: "user-scope", action: "Windows service", where: "synctool" },
  { flow: "user-scope", action: "Edit provisioning", where: "entra" },
  { flow: "regenerate-key", action: "Regenerate", where: "workspace" },
  { flow: "regenerate-key", action: "Secret token", where: "entra" },
];

function flowById(id: string): BuiltFlow {
  const flow = flows.find((f) => f.id === id);
  if (!flow) throw new Error(`flow "${id}" is missing from flows/`);
  return flow;
}

function markdownText(flow: BuiltFlow, source: string): string {
  const tree = flow.richText[source];
  return tree ? plainText(tree) : source;
}

/** Title, body, sub-steps and warnings of a step, as plain text. */
function stepText(flow: BuiltFlow, step: Step): string {
  const parts = [
    step.title,
    ...(step.body ? [step.body] : []),
    ...(step.kind === "instruction" ? (step.substeps ?? []) : []),
    ...(step.warnings ?? []),
  ];
  return parts.map((part, i) => (i === 0 ? part : markdownText(flow, part))).join("\n");
}

/** Walks from the start step, taking the declared choice at each question and outcome at each check. */
function walkMainPath(flow: BuiltFlow, path: MainPath): { visited: Step[]; end: Extract<Step, { kind: "outcome" }> } {
  const steps = new Map(flow.steps.map((s) => [s.id, s]));
  const visited: Step[] = [];
  let id = flow.start ?? flow.steps[0].id;
  for (;;) {
    const step = steps.get(id);
    if (!step) throw new Error(`${flow.id}: the main path reaches unknown step "${id}"`);
    if (visited.includes(step)) throw new Error(`${flow.id}: the main path loops back to "${id}"`);
    visited.push(step);
    switch (step.kind) {
      case "instruction":
      case "input":
        if (!step.next) throw new Error(`${flow.id}: step "${id}" has no next step`);
        id = step.next;
        break;
      case "question": {
        const choiceId = path[step.id];
        const choice = step.choices.find((c) => c.id === choiceId);
        if (!choice) throw new Error(`${flow.id}: no main-path choice declared for question "${step.id}"`);
        id = choice.next;
        break;
      }
      case "check": {
        const code = path[step.id] ?? "manual";
        const target = code === "manual" ? step.manual.next : step.outcomes[code];
        if (!target) throw new Error(`${flow.id}: check "${step.id}" has no branch for "${code}"`);
        id = target;
        break;
      }
      case "outcome":
        return { visited, end: step };
    }
  }
}

/** Index just past each expected string, found in order; throws naming the first one missing. */
function findInOrder(text: string, expected: string[], from = 0): number {
  const haystack = text.toLowerCase();
  let at = from;
  let previous = "(the start)";
  for (const needle of expected) {
    const found = haystack.indexOf(needle.toLowerCase(), at);
    if (found < 0) throw new Error(`"${needle}" is not on the main path after "${previous}"`);
    at = found + needle.length;
    previous = needle;
  }
  return at;
}

describe("the article's procedures", () => {
  it("are all encoded as flows", () => {
    const ids = flows.map((f) => f.id);
    for (const id of [...SCENARIOS, "triage"]) expect(ids).toContain(id);
  });

  describe.each(SCENARIOS)("%s", (id) => {
    const spec = SPECS[id];

    it("has a main path that ends in the expected outcome", () => {
      const { end } = walkMainPath(flowById(id), spec.mainPath);
      expect(end.result).toBe(spec.ends);
    });

    it("visits every numbered step's labels and actions in the article's order", () => {
      const flow = flowById(id);
      const { visited } = walkMainPath(flow, spec.mainPath);
      const text = visited.map((step) => stepText(flow, step)).join("\n");
      let at = 0;
      for (const procedure of spec.procedures) {
        expect(() => {
          at = findInOrder(text, procedure.steps, at);
        }, procedure.name).not.toThrow();
      }
    });

    it("places each action in the system where the article does it", () => {
      const flow = flowById(id);
      const { visited } = walkMainPath(flow, spec.mainPath);
      for (const { action, where } of PLACES.filter((p) => p.flow === id)) {
        const step = visited.find(
          (s) => s.kind === "instruction" && (s.substeps ?? []).some((sub) => sub.includes(action)),
        );
        expect(step, action).toBeDefined();
        expect(step?.kind === "instruction" && step.where, action).toBe(where);
      }
    });
  });

  it("carries each warning of the article on the step it belongs to", () => {
    for (const { flow: id, step: stepId, warning } of WARNINGS) {
      const flow = flowById(id);
      const step = flow.steps.find((s) => s.id === stepId);
      expect(step, `${id}: ${stepId}`).toBeDefined();
      const warnings = (step?.warnings ?? []).map((w) => markdownText(flow, w));
      expect(
        warnings.some((w) => warning.test(w)),
        `${id}: ${stepId} warns ${warning}`,
      ).toBe(true);
      const { visited } = walkMainPath(flow, SPECS[id].mainPath);
      expect(visited, `${id}: ${stepId} is on the main path`).toContain(step);
    }
  });

  it("skips clearing the cache for a first-time synctool user, and points to the set-up", () => {
    const flow = flowById("user-scope");
    const { visited, end } = walkMainPath(flow, { ...SPECS["user-scope"].mainPath, "first-time": "first-time" });
    expect(visited.map((s) => s.id)).not.toContain("clear-cache");
    const text = visited.map((s) => s.body ?? "").join("\n");
    expect(text).toMatch(/\]\(https:\/\/[^)]*synctool[^)]*\)/);
    expect(end.result).toBe("resolved");
  });

  it("confirms the UPN mismatch before anything is deleted (error-500)", () => {
    const flow = flowById("error-500");
    const { visited } = walkMainPath(flow, SPECS["error-500"].mainPath);
    const check = visited.findIndex((s) => s.kind === "check" && s.check === "upn-collision");
    const firstDelete = visited.findIndex(
      (s) => s.kind === "instruction" && (s.substeps ?? []).some((sub) => /\bdelete\b/i.test(sub)),
    );
    expect(check).toBeGreaterThanOrEqual(0);
    expect(firstDelete).toBeGreaterThan(check);
    const collision = visited[check];
    if (collision.kind !== "check") throw new Error("unreachable");
    const inputs = new Map(flow.steps.flatMap((s) => (s.kind === "input" ? [[s.name, s] as const] : [])));
    for (const param of ["mail", "upn"]) {
      const input = inputs.get(collision.params?.[param] ?? "");
      expect(input, param).toBeDefined();
      expect(input?.shareable, param).toBe(false);
    }
  });

  it("branches the live checks the way the article advises", () => {
    const target = (flowId: FlowId, checkName: string, code: string) => {
      const flow = flowById(flowId);
      const check = flow.steps.find((s) => s.kind === "check" && s.check === checkName);
      if (check?.kind !== "check") throw new Error(`${flowId} has no "${checkName}" check`);
      const next = flow.steps.find((s) => s.id === check.outcomes[code]);
      if (!next) throw new Error(`${flowId}: "${checkName}" does not branch on "${code}"`);
      return { flow, next };
    };
    const handover = (flowId: FlowId, checkName: string, code: string) => {
      const { next } = target(flowId, checkName, code);
      return next.kind === "outcome" ? next.flow : undefined;
    };
    const mentions = (flowId: FlowId, checkName: string, code: string, label: string) => {
      const { flow, next } = target(flowId, checkName, code);
      return stepText(flow, next).includes(label);
    };
    expect(handover("test-connection", "test-connection", "unauthorized")).toBe("regenerate-key");
    expect(mentions("test-connection", "test-connection", "forbidden", "Enable sync using SCIM")).toBe(true);
    expect(mentions("test-connection", "test-connection", "not-found", "Tenant URL")).toBe(true);
    expect(mentions("error-500", "upn-collision", "upn-mismatch", "Stop provisioning")).toBe(true);
    expect(target("error-500", "upn-collision", "pass").next.kind).toBe("outcome");
    expect(mentions("deletion", "user-state", "inactive", "Deleted users")).toBe(true);
    expect(mentions("deletion", "group-leftover", "present", "delete it by hand in the workspace")).toBe(true);
    expect(target("regenerate-key", "key-rotation", "old-key-still-valid").next.id).not.toBe("save");
    expect(target("regenerate-key", "key-rotation", "new-key-rejected").next.id).not.toBe("save");
    // Issue 14: a job in quarantine for credentials means a new key (test-connection), or that Entra still has the rejected one.
    expect(handover("test-connection", "job-status", "quarantine-credentials")).toBe("regenerate-key");
    expect(mentions("regenerate-key", "job-status", "quarantine-credentials", "Restart provisioning")).toBe(true);
    expect(mentions("regenerate-key", "job-status", "quarantine-credentials", "Secret token")).toBe(true);
    expect(mentions("regenerate-key", "job-status", "quarantine-escrow", "provisioning log reader")).toBe(true);
    expect(mentions("regenerate-key", "job-status", "paused", "Start provisioning")).toBe(true);
    expect(target("regenerate-key", "provisioning-logs", "failures").next.kind).toBe("instruction");
  });

  it("lets triage hand over to every scenario", () => {
    const triage = flowById("triage");
    const outcomes = triage.steps.filter((s) => s.kind === "outcome");
    expect(outcomes.every((s) => s.result === "handover" || s.result === "escalate")).toBe(true);
    const targets = new Set(outcomes.flatMap((s) => (s.flow ? [s.flow] : [])));
    for (const id of SCENARIOS) expect(targets).toContain(id);
  });
});
