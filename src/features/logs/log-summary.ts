import { logsMessages as t } from "../../ui/messages/logs.ts";
import type { AffectedUser, EntryGroup, LogReport } from "./log-report.ts";

/**
 * The findings as Markdown for support, like a walk's Copy summary: totals and
 * each group with its codes and counts. Names, UPNs and e-mail addresses only
 * when the admin included them; reasons are Entra's text and may quote an
 * address, so an address-shaped string in them is left out too.
 */
export function logSummary(report: LogReport, includeAnswers: boolean): string {
  const scrub = (text: string) =>
    includeAnswers ? text : text.replace(/[^\s@"'<>(),;]+@[^\s@"'<>(),;]+/g, "[address]");
  const who = (u: AffectedUser) => [u.displayName, u.upn ?? u.mail].filter(Boolean).join(" ");
  const lines = [`# ${t.summaryTitle}`, ""];
  if (report.range) lines.push(t.range(report.range.from, report.range.to), "");
  lines.push(`## ${t.totalsHeading}`, "");
  for (const [status, n] of Object.entries(report.byStatus)) if (n > 0) lines.push(`- ${status}: ${n}`);
  for (const [action, n] of Object.entries(report.byAction)) lines.push(`- ${action}: ${n}`);
  const group = (title: string, g: EntryGroup<unknown>) => {
    lines.push("", `### ${title} (${t.entries(g.count)})`, "");
    if (g.raw.length > 0) lines.push(`- ${t.codesSeen}: ${g.raw.join(", ")}`);
    for (const reason of g.reasons) lines.push(`- ${t.reasonsSeen}: ${scrub(reason)}`);
    if (includeAnswers && g.users.length > 0) {
      lines.push(
        `- ${t.usersHeading}: ${g.users.map(who).join("; ")}${g.moreUsers ? `, ${t.moreUsers(g.moreUsers)}` : ""}`,
      );
    }
  };
  lines.push("", `## ${t.failuresHeading}`);
  if (report.failures.length === 0 && report.unknownFailures.length === 0) lines.push("", t.noFailures);
  for (const g of report.failures) group(g.known?.title ?? "", g);
  for (const g of report.unknownFailures) group(`${t.unknownHeading}: ${g.raw[0] ?? t.noCode}`, g);
  if (report.skips.length > 0) lines.push("", `## ${t.skipsHeading}`);
  for (const g of report.skips) group(g.known?.title ?? t.unknownSkip(g.raw[0] ?? ""), g);
  if (!includeAnswers) lines.push("", t.summaryPersonalLeftOut);
  return `${lines.join("\n")}\n`;
}
