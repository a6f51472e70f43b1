import { mapStrings, redactSecrets } from "../../checks/redact.ts";
import type { CheckResult, Evidence } from "../../checks/types.ts";
import type { BuiltFlow } from "../../engine/built-flow.ts";
import { personalInputSteps } from "../../engine/graph.ts";
import type { Decision } from "../../engine/session.ts";
import { wayOf } from "../../engine/step-kinds.ts";
import { messages } from "../messages/messages.ts";
import { summaryMessages } from "../messages/summary.ts";
import { recordBlock, walkRecord } from "./walk-record.ts";

/**
 * The Markdown summary an admin sends to support: flow, date, app version,
 * each step passed with what was chosen, typed (only when allowed) and
 * checked, with evidence. Secrets are scrubbed once more at the end, in case
 * one ever slipped into evidence.
 */
export interface TranscriptInput {
  flow: BuiltFlow;
  decisions: readonly Decision[];
  currentStep: string;
  includeAnswers: boolean;
  date: Date;
  appVersion: string;
  /** Strings that must never appear (the token); each is replaced by ••••. */
  secrets?: readonly string[];
  /** When each decision was made, where known (ms since 1970). */
  times?: readonly (number | undefined)[];
}

const t = summaryMessages;

export function buildTranscript(input: TranscriptInput): string {
  const { flow, decisions, includeAnswers } = input;
  const stepTitle = (id: string) => flow.steps.find((s) => s.id === id)?.title ?? id;
  const lines = [
    `# ${messages.appName}: ${flow.title}`,
    "",
    `- ${t.guide}: \`${flow.id}\``,
    `- ${t.date}: ${input.date.toISOString()}`,
    `- ${t.appVersion}: ${input.appVersion}`,
    "",
    `## ${t.steps}`,
    "",
  ];
  decisions.forEach((decision, index) => {
    const step = flow.steps.find((s) => s.id === decision.step);
    const where = step && "where" in step && step.where ? ` (${messages.where[step.where]})` : "";
    lines.push(
      `${index + 1}. **${stepTitle(decision.step)}**${where}: ${describeDecision(flow, decision, includeAnswers)}`,
    );
    if (decision.kind === "check" && decision.result) lines.push(...evidenceLines(decision.result as CheckResult));
  });
  const current = flow.steps.find((s) => s.id === input.currentStep);
  lines.push(
    "",
    `**${t.nowAt}:** ${current?.title ?? input.currentStep}${current?.kind === "outcome" ? ` (${current.result})` : ""}`,
    "",
  );
  lines.push(`_${t.recordHint}_`, "");
  // The walk record is scrubbed like the text, then sealed with its checksum: /review reads back what was sent.
  const record = walkRecord(flow, decisions, input.times ?? [], includeAnswers);
  // What a server said (check results) is scrubbed string by string, before JSON escapes it into
  // forms the text never has; ids, kinds and choices are the flow's own and stay as they are.
  const scrubbed = {
    ...record,
    d: record.d.map((d) =>
      d.kind === "check" && d.result ? { ...d, result: mapStrings(d.result, (x) => scrub(input, x)) } : d,
    ),
  };
  // Backticks as JSON escapes: nothing a server said can close the block or open another one.
  const recordJson = JSON.stringify(scrubbed).replace(/`/g, "\\u0060");
  return `${scrub(input, lines.join("\n"))}\n${recordBlock(recordJson)}\n`;
}

function scrub(input: TranscriptInput, text: string): string {
  const clean = redactSecrets(text, input.secrets ?? []);
  if (input.includeAnswers) return clean;
  // Evidence quotes what was looked up (an e-mail in a filter), and a server may name other
  // people (the workspace user holding an address): every address-shaped string goes too.
  return redactSecrets(clean, personalValues(input.flow, input.decisions), t.leftOut).replace(ADDRESS, t.leftOut);
}

/**
 * A UPN or e-mail address, plain or URL-encoded, in any case, also one that evidence cut to
 * length ("jane.doe@contoso.e…"): every word holding an @ goes.
 */
const ADDRESS = /[^\s`"'<>(),;:]*[^\s`"'<>(),;:@]+(?:@|%40)[^\s`"'<>(),;:]*/gi;

function personalValues(flow: BuiltFlow, decisions: readonly Decision[]): string[] {
  const personal = personalInputSteps(flow);
  return decisions.flatMap((d) => (d.kind === "input" && d.value && personal.has(d.step) ? [d.value] : []));
}

/** What a decision did, in the summary's words (also the review page's). */
export function describeDecision(flow: BuiltFlow, decision: Decision, includeAnswers: boolean): string {
  const step = flow.steps.find((s) => s.id === decision.step);
  // The way taken names itself (a choice's label, the manual way's label): the step-kind table says which.
  const way = step ? wayOf(step, decision) : undefined;
  switch (decision.kind) {
    case "next":
      return t.done;
    case "choice":
      return t.answered(way?.label ?? decision.choice);
    case "input": {
      const shareable = step?.kind === "input" && step.shareable;
      const label = step?.kind === "input" ? step.label : t.value;
      if (decision.value === undefined) return `${label}: ${t.notShared}`;
      return shareable || includeAnswers ? `${label}: \`${decision.value}\`` : `${label}: ${t.leftOut}`;
    }
    case "check": {
      const result = decision.result as Partial<CheckResult> | undefined;
      const check = step?.kind === "check" ? step.check : t.check;
      const title = result?.title ? ` — ${oneLine(result.title)}` : "";
      // Evidence never travels in a link: an outcome without a result was not run in this browser.
      const where = decision.result ? t.ranHere : t.notRunHere;
      return `${t.liveCheck} \`${check}\` → **${decision.outcome}**${title} (${where})`;
    }
    case "manual":
      return way ? `${t.answeredByHand} (${way.label})` : t.answeredByHand;
  }
}

/**
 * What a server said, as one line of plain text in the Markdown: its line breaks and backticks
 * could otherwise start headings, links or a fenced block of its own (a fake walk record).
 */
const oneLine = (text: string) => text.replace(/\s+/g, " ").replace(/`/g, "'");

export function evidenceLines(result: CheckResult): string[] {
  const lines = result.explanation ? [`   - ${oneLine(result.explanation)}`] : [];
  for (const e of result.evidence ?? []) lines.push(`   - ${evidenceLine(e)}`);
  return lines;
}

export function evidenceLine(e: Evidence): string {
  const status = e.status === undefined ? t.noAnswer : String(e.status);
  const request = `${e.method} ${oneLine(e.path)}`;
  const parts = [`\`${request}\` (Authorization: ${e.authorization}) → ${status} ${t.elapsed(e.elapsedMs)}`];
  if (e.scimType) parts.push(`scimType ${oneLine(e.scimType)}`);
  if (e.detail) parts.push(t.detail(oneLine(e.detail)));
  if (e.bodySummary) parts.push(t.body(oneLine(e.bodySummary)));
  if (e.note) parts.push(oneLine(e.note));
  return parts.join("; ");
}
