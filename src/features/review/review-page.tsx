import { type FormEvent, useId, useRef, useState } from "react";
import { Link } from "react-router";
import type { CheckResult } from "../../checks/types.ts";
import type { BuiltFlow } from "../../engine/built-flow.ts";
import { pathTaken } from "../../engine/flow-map.ts";
import { MapFigure } from "../../ui/flow-map/map-figure.tsx";
import { findSummary, loadFlow } from "../../ui/flows/flow-loader.ts";
import { machineFor } from "../../ui/flows/flow-machines.ts";
import { useHydrated } from "../../ui/hydration.ts";
import { badLinkMessages } from "../../ui/messages/bad-link.ts";
import { messages } from "../../ui/messages/messages.ts";
import { reviewMessages as t } from "../../ui/messages/review.ts";
import { RichText } from "../../ui/rich-text/rich-text.tsx";
import { type PastedProblem, readPasted } from "../../ui/share/pasted-walk.ts";
import { type ReviewedWalk, reviewWalk } from "../../ui/share/review-walk.ts";
import { encodeShare, SHARE_PARAM } from "../../ui/share/share-link.ts";
import { describeDecision, evidenceLines } from "../../ui/share/transcript.ts";
// This page needs the walk's modules (engine, machines, share link) and the wizard needs them all:
// needing the same set keeps them one chunk, instead of a second chunk every wizard step would load.
import "../../ui/walk/walk-view.tsx";

type Review =
  | { ok: true; flow: BuiltFlow; source: "link" | "summary"; walk: Extract<ReviewedWalk, { ok: true }> }
  | { ok: false; problem: PastedProblem | "unknown-flow" | "load-failed" };

const PROBLEMS: Record<string, string> = { ...badLinkMessages.reasons, ...t.problems };

/** `/review`: support pastes a share link or a summary and reads the walk, read-only, on the guide's map. */
export function ReviewPage() {
  const fieldId = useId();
  const [review, setReview] = useState<Review | undefined>();
  const [busy, setBusy] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  // Until the page runs, the form cannot be sent: a summary must never leave this browser in an address.
  const hydrated = useHydrated();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const pasted = readPasted(fieldRef.current?.value ?? "");
    setBusy(true);
    try {
      setReview(await judge(pasted));
    } catch {
      setReview({ ok: false, problem: "load-failed" });
    } finally {
      setBusy(false);
      // The result (or why there is none) is read next, from its heading or its alert.
      requestAnimationFrame(() => resultRef.current?.focus());
    }
  };

  return (
    <section className="review" aria-labelledby="review-heading">
      <h1 id="review-heading">{t.heading}</h1>
      <p className="lead">{t.intro}</p>
      <form onSubmit={submit} className="review-form" method="post" action="#">
        <label htmlFor={fieldId}>{t.field}</label>
        <textarea id={fieldId} ref={fieldRef} rows={6} spellCheck={false} autoComplete="off" />
        {!hydrated && <p className="hint">{t.needsScript}</p>}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !hydrated}>
            {busy ? t.reading : t.submit}
          </button>
        </div>
      </form>
      <div ref={resultRef} tabIndex={-1} className="review-result">
        {review && !review.ok && (
          <p role="alert" className="bad-input">
            {PROBLEMS[review.problem]}
          </p>
        )}
        {review?.ok && <ReviewedWalkView review={review} />}
      </div>
    </section>
  );
}

async function judge(pasted: ReturnType<typeof readPasted>): Promise<Review> {
  if (!pasted.ok) return { ok: false, problem: pasted.problem };
  const flow = findSummary(pasted.walk.flowId) ? await loadFlow(pasted.walk.flowId) : undefined;
  if (!flow) return { ok: false, problem: "unknown-flow" };
  const walk = reviewWalk(flow, machineFor(flow), pasted.walk);
  if (!walk.ok) return { ok: false, problem: walk.problem };
  return { ok: true, flow, source: pasted.walk.source, walk };
}

function ReviewedWalkView({ review }: { review: Extract<Review, { ok: true }> }) {
  const { flow, walk } = review;
  const titleOf = (id: string) => flow.steps.find((s) => s.id === id)?.title;
  const current = flow.steps.find((s) => s.id === walk.current);
  const continueHref = `/flows/${flow.id}?${SHARE_PARAM}=${encodeShare(flow, walk.decisions, true)}`;
  const partedAt = walk.changed?.at;
  return (
    <>
      <h2>{t.walkHeading(flow.title)}</h2>
      <p className="hint">{review.source === "link" ? t.fromLink : t.fromSummary}</p>
      {walk.changed && (
        <div className="warning" role="note">
          <p>{t.changed(walk.changed.kept, walk.changed.of)}</p>
          {partedAt && <p>{t.changedAt(titleOf(partedAt) ?? t.removedStep(partedAt))}</p>}
        </div>
      )}
      <MapFigure
        flowId={flow.id}
        flowTitle={flow.title}
        path={pathTaken(flow, walk.decisions, walk.current, flow.checks)}
        nodeHref={(id) => {
          const at = walk.decisions.findIndex((d) => d.step === id);
          return at < 0 ? undefined : `#review-decision-${at + 1}`;
        }}
      />
      <h3 id="review-decisions-heading">{t.decisionsHeading}</h3>
      {walk.decisions.length === 0 ? (
        <p>{t.noDecisions}</p>
      ) : (
        <ol className="review-decisions" aria-labelledby="review-decisions-heading">
          {walk.decisions.map((decision, i) => {
            const time = walk.times[i];
            const evidence =
              decision.kind === "check" && decision.result ? evidenceLines(decision.result as CheckResult) : [];
            return (
              // The n-th decision of a walk is its identity: the list never reorders.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={i} id={`review-decision-${i + 1}`}>
                <strong>{titleOf(decision.step) ?? decision.step}</strong>
                {" — "}
                {time === null ? (
                  <span className="hint">{t.timeUnknown}</span>
                ) : (
                  <time dateTime={new Date(time).toISOString()}>{new Date(time).toLocaleString()}</time>
                )}
                <p>{describeDecision(flow, decision, true)}</p>
                {evidence.length > 0 && (
                  <ul className="evidence">
                    {evidence.map((line, n) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: two requests can read alike (a retry)
                      <li key={n}>{line.replace(/^\s*- /, "")}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <h3>{t.nextHeading}</h3>
      {current && (
        <>
          <p>
            {current.kind === "outcome"
              ? t.endedAt(current.title, messages.outcome[current.result])
              : t.nowAt(current.title)}
          </p>
          {current.body && <RichText source={current.body} index={flow.richText} />}
        </>
      )}
      <p>
        <Link className="button primary" to={continueHref}>
          {t.continueHere}
        </Link>
      </p>
    </>
  );
}
