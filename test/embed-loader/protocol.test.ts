import { type EmbedMessage, parseEmbedMessage } from "../../src/embed-loader/protocol.ts";

const valid: EmbedMessage[] = [
  { scimTroubleshooter: 1, type: "resize", height: 640 },
  { scimTroubleshooter: 1, type: "step", flowId: "error-500", stepId: "entra-upn", stepKind: "input" },
  { scimTroubleshooter: 1, type: "outcome", flowId: "error-500", stepId: "fixed", outcome: "resolved" },
  { scimTroubleshooter: 1, type: "outcome", flowId: "triage", stepId: "to-deletion", outcome: "handover" },
  { scimTroubleshooter: 1, type: "outcome", flowId: "deletion", stepId: "escalate", outcome: "escalate" },
  { scimTroubleshooter: 1, type: "feedback", flowId: "error-500", stepId: "fixed", helpful: false },
];

describe("parseEmbedMessage", () => {
  test.each(valid)("accepts a valid $type message as a copy", (message) => {
    const parsed = parseEmbedMessage(message);
    expect(parsed).toEqual(message);
    expect(parsed).not.toBe(message);
  });

  const step = { scimTroubleshooter: 1, type: "step", flowId: "error-500", stepId: "about", stepKind: "instruction" };
  const bad: [string, unknown][] = [
    ["undefined", undefined],
    ["null", null],
    ["a string", "resize"],
    ["a number", 42],
    ["an array", [step]],
    ["no envelope", { type: "resize", height: 300 }],
    ["another protocol version", { ...step, scimTroubleshooter: 2 }],
    ["an envelope that is a string", { ...step, scimTroubleshooter: "1" }],
    ["an unknown type", { scimTroubleshooter: 1, type: "token", flowId: "error-500", stepId: "about" }],
    ["a type from Object.prototype", { scimTroubleshooter: 1, type: "constructor" }],
    ["a type from Object.prototype with its key", { scimTroubleshooter: 1, type: "__proto__" }],
    ["a missing field", { scimTroubleshooter: 1, type: "outcome", flowId: "error-500", stepId: "fixed" }],
    ["an extra field (a token riding along)", { ...step, token: "secret-token" }],
    ["an extra field (a UPN riding along)", { ...step, upn: "jane@contoso.com" }],
    ["a height that is a string", { scimTroubleshooter: 1, type: "resize", height: "640" }],
    ["a negative height", { scimTroubleshooter: 1, type: "resize", height: -1 }],
    ["an absurd height", { scimTroubleshooter: 1, type: "resize", height: 1e9 }],
    ["a NaN height", { scimTroubleshooter: 1, type: "resize", height: Number.NaN }],
    ["an infinite height", { scimTroubleshooter: 1, type: "resize", height: Number.POSITIVE_INFINITY }],
    ["an id that is a number", { ...step, stepId: 7 }],
    ["an id over 100 characters", { ...step, stepId: "a".repeat(101) }],
    ["an id that is an e-mail address", { ...step, stepId: "jane@contoso.com" }],
    ["an id with HTML", { ...step, flowId: "<img src=x onerror=alert(1)>" }],
    ["an empty id", { ...step, flowId: "" }],
    ["an unknown outcome", { scimTroubleshooter: 1, type: "outcome", flowId: "a", stepId: "b", outcome: "maybe" }],
    ["helpful that is a string", { scimTroubleshooter: 1, type: "feedback", flowId: "a", stepId: "b", helpful: "yes" }],
  ];
  test.each(bad)("rejects %s", (_, data) => {
    expect(parseEmbedMessage(data)).toBeUndefined();
  });

  test("accepts an id of exactly 100 characters", () => {
    expect(parseEmbedMessage({ ...step, stepId: "a".repeat(100) })).toBeDefined();
  });
});
