import { useEffect, useId, useState } from "react";
import { Link } from "react-router";
import { CARD_SYMPTOMS } from "../../engine/built-flow.ts";
import { flowSummaries } from "../../ui/flows/flow-loader.ts";
import { catalogueMessages } from "../../ui/messages/catalogue.ts";

const TRIAGE = "triage";
const scenarios = flowSummaries.filter((f) => f.id !== TRIAGE);
const everyScenario = scenarios.map((f) => f.id);

type Search = (query: string) => string[];
let searchIndex: Promise<Search> | undefined;

/**
 * The ids matching `query`, best first; every scenario while the box is empty.
 * The index (and its library) loads with the first keystroke, not with the page.
 */
function useFlowSearch(query: string): { ids: string[]; pending: boolean } {
  const [result, setResult] = useState({ query: "", ids: everyScenario });
  useEffect(() => {
    if (!query.trim()) return setResult({ query, ids: everyScenario });
    let current = true;
    searchIndex ??= import("./flow-search.ts")
      .then((m) => m.createFlowSearch(m.allFlows.filter((f) => f.id !== TRIAGE)))
      .catch((error) => {
        searchIndex = undefined; // fetch it again on the next keystroke
        throw error;
      });
    searchIndex.then(
      (search) => current && setResult({ query, ids: search(query) }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [query]);
  if (!query.trim()) return { ids: everyScenario, pending: false };
  return { ids: result.ids, pending: result.query !== query };
}

/** `/`: every scenario, a search box, and the triage entry for admins who are not sure. */
export function CataloguePage({
  flowHref = (id: string) => `/flows/${id}`,
  forSupport = true,
}: {
  flowHref?: (id: string) => string;
  /** The link to the support review page; an embed, for admins only, leaves it out. */
  forSupport?: boolean;
}) {
  const [query, setQuery] = useState("");
  const { ids, pending } = useFlowSearch(query);
  const searchId = useId();
  const shown = ids.flatMap((id) => flowSummaries.find((f) => f.id === id) ?? []);
  const triage = flowSummaries.find((f) => f.id === TRIAGE);

  return (
    <div className="catalogue">
      <h1>{catalogueMessages.heading}</h1>
      <p className="lead">{catalogueMessages.intro}</p>
      {triage && (
        <Link className="start-here" to={flowHref(TRIAGE)}>
          <strong>{catalogueMessages.startHere}</strong>
          <span>{catalogueMessages.startHereHint}</span>
        </Link>
      )}
      {forSupport && (
        // Outside an embed only: the reader is a page of the site, not an embeddable guide.
        <p className="logs-entry">
          <Link to="/logs">{catalogueMessages.logsLink}</Link>{" "}
          <span className="hint">{catalogueMessages.logsHint}</span>
        </p>
      )}
      <search className="flow-search">
        <label htmlFor={searchId}>{catalogueMessages.searchLabel}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={catalogueMessages.searchPlaceholder}
          autoComplete="off"
        />
      </search>
      <p role="status" className="result-count">
        {query.trim() && !pending
          ? shown.length > 0
            ? catalogueMessages.results(shown.length)
            : catalogueMessages.noResults
          : ""}
      </p>
      <ul className="flow-cards">
        {shown.map((flow) => (
          <li key={flow.id} className="flow-card">
            <h2>
              <Link to={flowHref(flow.id)}>{flow.title}</Link>
            </h2>
            <p>{flow.summary}</p>
            <p className="symptoms">
              <span className="visually-hidden">{catalogueMessages.symptoms}: </span>
              {flow.symptoms.slice(0, CARD_SYMPTOMS).map((s) => (
                <span key={s} className="symptom">
                  {s}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
      {forSupport && (
        <p className="hint">
          {catalogueMessages.forSupport} <Link to="/review">{catalogueMessages.reviewLink}</Link>
        </p>
      )}
    </div>
  );
}
