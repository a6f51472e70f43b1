import type { CheckResult } from "../../checks/types.ts";
import { checkMessages } from "../messages/check.ts";

/** Outcome, explanation, advice and the evidence behind them; bodies are shown as text, never rendered. */
export function CheckResultView({ result }: { result: CheckResult }) {
  return (
    <section className={`check-result ${result.passed ? "passed" : "problem"}`} aria-label={result.title}>
      <p className="check-verdict">
        <span className="badge">{result.passed ? checkMessages.check.passed : checkMessages.check.problem}</span>{" "}
        <strong>{result.title}</strong> <code className="outcome-code">{result.outcome}</code>
      </p>
      <p>{result.explanation}</p>
      {result.advice && <p className="advice">{result.advice}</p>}
      {result.evidence.length > 0 && (
        <details className="evidence">
          <summary>{checkMessages.check.evidence}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{checkMessages.check.request}</th>
                <th scope="col">{checkMessages.check.status}</th>
                <th scope="col">{checkMessages.check.elapsed}</th>
                <th scope="col">{checkMessages.check.detail}</th>
              </tr>
            </thead>
            <tbody>
              {result.evidence.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: evidence is a fixed list, in request order
                <tr key={i}>
                  <td>
                    <code>
                      {e.method} {e.path}
                    </code>
                    <br />
                    <small>Authorization: {e.authorization}</small>
                  </td>
                  <td>{e.status ?? "—"}</td>
                  <td>{checkMessages.check.elapsedMs(e.elapsedMs)}</td>
                  <td>{[e.scimType, e.detail, e.bodySummary, e.note].filter(Boolean).join(" · ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
