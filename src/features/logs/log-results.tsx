import { useState } from "react";
import type { ExplainedEntry } from "../../engine/provisioning-errors.ts";
import { logsMessages as t } from "../../ui/messages/logs.ts";
import { GuideLink } from "./guide-link.tsx";
import type { AffectedUser, EntryGroup, LogReport, TimeRange } from "./log-report.ts";
import { logSummary } from "./log-summary.ts";

/** The findings of one log: totals, failures by code, unknown codes, skips by reason, the summary. */
export function LogResults({ report, includeAnswers }: { report: LogReport; includeAnswers: boolean }) {
  return (
    <>
      <h2 id="logs-totals">{t.totalsHeading}</h2>
      {report.range && <Range range={report.range} />}
      <div className="logs-totals">
        <CountTable
          caption={t.byStatusCaption}
          head={t.statusHead}
          rows={Object.entries(report.byStatus).map(([s, n]) => [t.status[s as keyof typeof t.status], n])}
        />
        <CountTable caption={t.byActionCaption} head={t.actionHead} rows={Object.entries(report.byAction)} />
      </div>
      <h2>{t.failuresHeading}</h2>
      {report.failures.length === 0 && report.unknownFailures.length === 0 && <p>{t.noFailures}</p>}
      {report.failures.map((g) => (
        <Group
          key={g.known?.id}
          title={g.known?.title ?? ""}
          group={g}
          known={g.known}
          includeAnswers={includeAnswers}
        />
      ))}
      {report.unknownFailures.length > 0 && (
        <>
          <h2>{t.unknownHeading}</h2>
          <p>{t.unknownIntro}</p>
          {report.unknownFailures.map((g) => (
            <Group key={g.raw[0] ?? ""} title={g.raw[0] ?? t.noCode} group={g} includeAnswers={includeAnswers} />
          ))}
        </>
      )}
      {report.skips.length > 0 && (
        <>
          <h2>{t.skipsHeading}</h2>
          {report.skips.map((g) => (
            <Group
              key={g.known?.id ?? `?${g.raw[0]}`}
              title={g.known?.title ?? t.unknownSkip(g.raw[0] ?? "")}
              group={g}
              known={g.known}
              includeAnswers={includeAnswers}
            />
          ))}
        </>
      )}
      <CopySummary report={report} includeAnswers={includeAnswers} />
    </>
  );
}

function Range({ range }: { range: TimeRange }) {
  return <p className="hint">{t.range(range.from, range.to)}</p>;
}

function CountTable({ caption, head, rows }: { caption: string; head: string; rows: [string, number][] }) {
  return (
    <table className="logs-count">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{t.countHead}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, n]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Group({
  title,
  group,
  known,
  includeAnswers,
}: {
  title: string;
  group: EntryGroup<unknown>;
  known?: ExplainedEntry;
  includeAnswers: boolean;
}) {
  const perUser = Boolean(known?.guide && known.fill);
  return (
    <section className="logs-group" aria-label={title}>
      <h3>
        {title} <span className="hint">({t.entries(group.count)})</span>
      </h3>
      {group.range && <Range range={group.range} />}
      {known && <p>{known.explanation}</p>}
      {group.raw.length > 0 && (
        <p>
          {t.codesSeen}:{" "}
          {group.raw.map((code) => (
            <code key={code}>{code} </code>
          ))}
        </p>
      )}
      {group.reasons.length > 0 && (
        <>
          <p>{t.reasonsSeen}:</p>
          <ul>
            {group.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
      {known?.recommendedAction && (
        <p>
          <strong>{t.ourAdvice}:</strong> {known.recommendedAction}
        </p>
      )}
      {group.recommendedActions.map((a) => (
        <p key={a}>
          <strong>{t.microsoftAdvice}:</strong> {a}
        </p>
      ))}
      <Users
        users={group.users}
        more={group.moreUsers}
        guideFor={perUser ? known : undefined}
        includeAnswers={includeAnswers}
      />
      {known?.guide && (!perUser || group.users.length === 0) && (
        <p>
          <GuideLink entry={known} includeAnswers={includeAnswers} />
        </p>
      )}
    </section>
  );
}

function Users({
  users,
  more,
  guideFor,
  includeAnswers,
}: {
  users: AffectedUser[];
  more: number;
  guideFor?: ExplainedEntry;
  includeAnswers: boolean;
}) {
  if (users.length === 0) return <p className="hint">{t.noUsers}</p>;
  return (
    <>
      <h4>{t.usersHeading}</h4>
      <ul className="logs-users">
        {users.map((u) => (
          <li key={u.upn ?? u.mail ?? u.displayName}>
            {u.displayName} {(u.upn ?? u.mail) && <span>({u.upn ?? u.mail})</span>}{" "}
            {guideFor && <GuideLink entry={guideFor} user={u} includeAnswers={includeAnswers} />}
          </li>
        ))}
        {more > 0 && <li>{t.moreUsers(more)}</li>}
      </ul>
    </>
  );
}

function CopySummary({ report, includeAnswers }: { report: LogReport; includeAnswers: boolean }) {
  const [status, setStatus] = useState("");
  const [fallback, setFallback] = useState<string | undefined>();
  const copy = async () => {
    const text = logSummary(report, includeAnswers);
    try {
      await navigator.clipboard.writeText(text);
      setFallback(undefined);
      setStatus(t.summaryCopied);
    } catch {
      setFallback(text);
      setStatus(t.copyFailed);
    }
  };
  return (
    <div className="actions">
      <button type="button" onClick={copy}>
        {t.copySummary}
      </button>
      <p role="status">{status}</p>
      {fallback && <textarea className="copy-fallback" readOnly value={fallback} rows={8} aria-label={t.copySummary} />}
    </div>
  );
}
