import { Link, useParams } from "react-router";
import type { BuiltFlow } from "../../engine/built-flow.ts";
import type { Step, StepOf } from "../../engine/schema.ts";
import { type WayOn, waysOn } from "../../engine/step-kinds.ts";
import { MapFigure } from "../../ui/flow-map/map-figure.tsx";
import { findSummary, useFlow } from "../../ui/flows/flow-loader.ts";
import { articleMessages } from "../../ui/messages/article.ts";
import { mapMessages } from "../../ui/messages/map.ts";
import { messages } from "../../ui/messages/messages.ts";
import { RichText } from "../../ui/rich-text/rich-text.tsx";
import { Warnings } from "../../ui/walk/warnings.tsx";

/** `/flows/:flowId/article`: the whole flow as one printable document, every branch included. */
export function ArticlePage() {
  const flow = useFlow(useParams().flowId);
  if (!flow) {
    return (
      <section>
        <h1>{messages.notFound.heading}</h1>
        <Link to="/">{messages.notFound.home}</Link>
      </section>
    );
  }
  return (
    <article className="article">
      <h1>{flow.title}</h1>
      <p className="lead">{flow.summary}</p>
      <div className="actions no-print">
        <Link className="button primary" to={`/flows/${flow.id}`}>
          {messages.nav.wizard}
        </Link>
        <button type="button" onClick={() => window.print()}>
          {articleMessages.print}
        </button>
      </div>
      <section className="article-map" aria-labelledby="article-map-heading">
        <h2 id="article-map-heading">{articleMessages.mapHeading}</h2>
        <p className="hint">{mapMessages.textAlternative}</p>
        <MapFigure flowId={flow.id} flowTitle={flow.title} nodeHref={(id) => `#step-${id}`} />
      </section>
      <h2>{articleMessages.stepsHeading}</h2>
      <ol className="article-steps">
        {flow.steps.map((step) => (
          <li key={step.id} id={`step-${step.id}`} className={`article-step article-${step.kind}`}>
            <ArticleStep flow={flow} step={step} />
          </li>
        ))}
      </ol>
    </article>
  );
}

function ArticleStep({ flow, step }: { flow: BuiltFlow; step: Step }) {
  const where = "where" in step && step.where ? messages.where[step.where] : undefined;
  return (
    <>
      <h3>
        {step.title}
        {where && <span className="where-inline"> ({where})</span>}
      </h3>
      {step.body && <RichText source={step.body} index={flow.richText} />}
      <Warnings warnings={step.warnings} index={flow.richText} />
      {step.kind === "instruction" && step.substeps && (
        <ol className="substeps">
          {step.substeps.map((substep) => (
            <li key={substep}>
              <RichText source={substep} index={flow.richText} inline />
            </li>
          ))}
        </ol>
      )}
      {step.kind === "input" && (
        <p>
          {articleMessages.asksFor} <strong>{step.label}</strong>. {step.patternHint}
        </p>
      )}
      <Ways flow={flow} step={step} />
    </>
  );
}

/** Every way on, from the step-kind table: where each choice, outcome code and manual way leads. */
function Ways({ flow, step }: { flow: BuiltFlow; step: Step }) {
  const goTo = (id: string) => {
    const target = flow.steps.find((s) => s.id === id);
    return <a href={`#step-${id}`}>{target?.title ?? id}</a>;
  };
  const ways = waysOn(step);
  if (step.kind === "outcome") return <OutcomeResult step={step} />;
  // A single plain way on reads as a sentence; branches read as a list.
  if (ways.length === 1 && ways[0].via === "next") {
    return (
      <p className="then">
        {articleMessages.thenGoTo} {goTo(ways[0].target)}.
      </p>
    );
  }
  if (ways.length === 0) return null;
  return (
    <>
      {step.kind === "check" && (
        <p>
          {articleMessages.checkIntro}: <code>{step.check}</code>
        </p>
      )}
      <ul className="branches">
        {ways.map((way) => (
          <li key={way.via}>
            <WayLabel way={way} /> → {goTo(way.target)}
          </li>
        ))}
      </ul>
    </>
  );
}

function WayLabel({ way }: { way: WayOn }) {
  if (way.otherwise) return <>{articleMessages.otherwise}</>;
  if (way.kind === "check") return <code>{way.label}</code>;
  if (way.kind === "manual") return <>{`${articleMessages.manualWay} (${way.label})`}</>;
  return <strong>{way.label}</strong>;
}

function OutcomeResult({ step }: { step: StepOf<"outcome"> }) {
  const target = findSummary(step.flow);
  return (
    <p className={`result-badge result-${step.result}`}>
      {articleMessages.outcome}: {messages.outcome[step.result]}
      {target && (
        <>
          {" — "}
          <Link to={`/flows/${target.id}/article`}>{target.title}</Link>
        </>
      )}
    </p>
  );
}
