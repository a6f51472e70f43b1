import { Link, useParams } from "react-router";
import type { BuiltFlow } from "../../engine/built-flow";
import type { Step } from "../../engine/schema";
import { findSummary, useFlow } from "../../ui/flows/flow-loader";
import { messages } from "../../ui/messages";
import { RichText } from "../../ui/rich-text/rich-text";
import { Warnings } from "../../ui/walk/warnings";

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
          {messages.article.print}
        </button>
      </div>
      <h2>{messages.article.stepsHeading}</h2>
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
          {messages.article.asksFor} <strong>{step.label}</strong>. {step.patternHint}
        </p>
      )}
      <Ways flow={flow} step={step} />
    </>
  );
}

function Ways({ flow, step }: { flow: BuiltFlow; step: Step }) {
  const goTo = (id: string) => {
    const target = flow.steps.find((s) => s.id === id);
    return <a href={`#step-${id}`}>{target?.title ?? id}</a>;
  };
  switch (step.kind) {
    case "instruction":
    case "input":
      return step.next ? (
        <p className="then">
          {messages.article.thenGoTo} {goTo(step.next)}.
        </p>
      ) : null;
    case "question":
      return (
        <ul className="branches">
          {step.choices.map((c) => (
            <li key={c.id}>
              <strong>{c.label}</strong> → {goTo(c.next)}
            </li>
          ))}
        </ul>
      );
    case "check":
      return (
        <>
          <p>
            {messages.article.checkIntro}: <code>{step.check}</code>
          </p>
          <ul className="branches">
            {Object.entries(step.outcomes).map(([code, target]) => (
              <li key={code}>
                <code>{code}</code> → {goTo(target)}
              </li>
            ))}
            {step.otherwise && (
              <li>
                {messages.article.otherwise} → {goTo(step.otherwise)}
              </li>
            )}
            <li>
              {messages.article.manualWay} ({step.manual.label}) → {goTo(step.manual.next)}
            </li>
          </ul>
        </>
      );
    case "outcome": {
      const target = findSummary(step.flow);
      return (
        <p className={`result-badge result-${step.result}`}>
          {messages.article.outcome}: {messages.outcome[step.result]}
          {target && (
            <>
              {" — "}
              <Link to={`/flows/${target.id}/article`}>{target.title}</Link>
            </>
          )}
        </p>
      );
    }
  }
}
