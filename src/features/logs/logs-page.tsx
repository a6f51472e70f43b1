import {
  type ChangeEvent,
  type DragEvent,
  type FormEvent,
  lazy,
  Suspense,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { logsMessages as t } from "../../ui/messages/logs.ts";
import { messages } from "../../ui/messages/messages.ts";
import { CSV_COLUMNS } from "./csv-columns.ts";
import { MAX_LOG_BYTES } from "./log-entry.ts";
import { readLogOffThread } from "./log-reader.ts";

const MB = 1024 * 1024;

// The Graph panel brings the Graph client along: it loads only when the admin opens it.
const GraphLogSource = lazy(() =>
  import("../../ui/graph/graph-log-source.tsx").then((m) => ({ default: m.GraphLogSource })),
);

import { LogResults } from "./log-results.tsx";
import type { LogInput, LogReading } from "./read-log.ts";

type State =
  | { kind: "idle" }
  | { kind: "reading"; fraction: number }
  | { kind: "done"; reading: LogReading }
  | { kind: "failed" };

/**
 * `/logs`: the admin drops, picks or pastes a provisioning log from Entra and
 * reads what went wrong, grouped by error code, each group with the guide step
 * that fixes it. The file is read in this browser only, in a worker.
 */
export function LogsPage() {
  const fileId = useId();
  const pasteId = useId();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [includeAnswers, setIncludeAnswers] = useState(false);
  const [dragging, setDragging] = useState(false);
  const reading = useRef<AbortController | undefined>(undefined);
  const resultRef = useRef<HTMLDivElement>(null);
  const [graphOpen, setGraphOpen] = useState(false);
  useEffect(() => () => reading.current?.abort(), []);
  // A guide's Graph check links here with ?from=graph: open the Graph section (after hydration, as
  // the prerendered page has no query).
  useEffect(() => {
    if (new URLSearchParams(window.location.search).get("from") === "graph") setGraphOpen(true);
  }, []);

  const read = async (input: LogInput) => {
    reading.current?.abort();
    const controller = new AbortController();
    reading.current = controller;
    setState({ kind: "reading", fraction: 0 });
    try {
      const result = await readLogOffThread(
        input,
        (fraction) => !controller.signal.aborted && setState({ kind: "reading", fraction }),
        controller.signal,
      );
      if (controller.signal.aborted) return;
      setState({ kind: "done", reading: result });
    } catch {
      if (controller.signal.aborted) return;
      setState({ kind: "failed" });
    }
    // The findings (or why there are none) are read next.
    requestAnimationFrame(() => resultRef.current?.focus());
  };
  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    if (file) read(file);
  };
  const dropped = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) read(file);
  };
  const pasted = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    read(String(new FormData(event.currentTarget).get("log") ?? ""));
  };

  return (
    <section className="logs" aria-labelledby="logs-heading">
      <h1 id="logs-heading">{t.heading}</h1>
      <p className="lead">{t.intro}</p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file field is the way in */}
      <div
        className={dragging ? "logs-drop dragging" : "logs-drop"}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={dropped}
      >
        <label htmlFor={fileId}>{t.fileLabel}</label>
        <input id={fileId} type="file" accept=".json,.csv,application/json,text/csv" onChange={picked} />
        <p className="hint">{t.dropHint}</p>
      </div>
      <form onSubmit={pasted} className="logs-paste">
        <label htmlFor={pasteId}>{t.pasteLabel}</label>
        <textarea id={pasteId} name="log" rows={5} spellCheck={false} autoComplete="off" />
        <div className="actions">
          <button type="submit" disabled={state.kind === "reading"}>
            {t.pasteSubmit}
          </button>
        </div>
      </form>
      <details className="logs-graph" open={graphOpen} onToggle={(e) => setGraphOpen(e.currentTarget.open)}>
        <summary>{t.fromGraph}</summary>
        {graphOpen && (
          <Suspense fallback={<p className="hint">{messages.loading}</p>}>
            <GraphLogSource onRead={read} />
          </Suspense>
        )}
      </details>
      <p>
        <label>
          <input
            type="checkbox"
            checked={includeAnswers}
            onChange={(e) => setIncludeAnswers(e.currentTarget.checked)}
          />{" "}
          {t.includeAnswers}
        </label>
      </p>
      <p className="hint">{t.includeAnswersHint}</p>
      <p className="hint">{t.formsNote}</p>
      <div aria-live="polite">
        {state.kind === "reading" && (
          <p>
            <label>
              {t.reading} <progress aria-label={t.progressLabel} max={1} value={state.fraction} />
            </label>
          </p>
        )}
        {state.kind === "done" && state.reading.ok && <p>{t.readDone(state.reading.report.total)}</p>}
      </div>
      <div ref={resultRef} tabIndex={-1} className="logs-result">
        {state.kind === "failed" && (
          <p role="alert" className="bad-input">
            {t.problems.failed}
          </p>
        )}
        {state.kind === "done" && !state.reading.ok && (
          <p role="alert" className="bad-input">
            {problemText(state.reading)}
          </p>
        )}
        {state.kind === "done" && state.reading.ok && (
          <>
            <p className="hint">{t.fromShape(t.shapes[state.reading.shape], state.reading.skippedItems)}</p>
            {state.reading.nextLink && <p className="hint">{t.nextLinkIgnored}</p>}
            <LogResults report={state.reading.report} includeAnswers={includeAnswers} />
          </>
        )}
      </div>
    </section>
  );
}

function problemText(reading: Extract<LogReading, { ok: false }>): string {
  switch (reading.problem) {
    case "too-big":
      return t.problems["too-big"](Math.ceil(reading.bytes / MB), MAX_LOG_BYTES / MB);
    case "truncated-json":
      return t.problems["truncated-json"](reading.detail);
    case "csv-unknown-columns":
      return t.problems["csv-unknown-columns"](reading.found.join(", ") || "none", CSV_COLUMNS.status.join(", "));
    default:
      return t.problems[reading.problem];
  }
}
