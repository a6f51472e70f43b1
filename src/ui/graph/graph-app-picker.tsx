import { type FormEvent, useId, useRef, useState } from "react";
import { findServicePrincipals } from "../../checks/graph-reads.ts";
import { useConnection } from "../connection/connection-context.tsx";
import { graphPanelMessages as t } from "../messages/graph-panel.ts";
import { useRefocus } from "../refocus.ts";
import { type GraphApp, graphRequest, pickGraphApp, useGraphSession } from "./graph-session.ts";

type Search =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "found"; apps: GraphApp[] }
  | { kind: "failed"; message: string };

/** Finds the SCIM app among the tenant's enterprise applications (service principals) by name or object ID. */
export function GraphAppPicker({ mode }: { mode: "demo" | "endpoint" }) {
  const { settings, demo } = useConnection();
  const graph = useGraphSession();
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState<Search>({ kind: "idle" });
  const running = useRef<AbortController | undefined>(undefined);
  const picked = graph.app[mode];
  // Picking or choosing again replaces the button pressed: focus goes to what replaces it.
  const ref = useRefocus<HTMLDivElement>(picked?.id);

  const find = async (event: FormEvent) => {
    event.preventDefault();
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setSearch({ kind: "busy" });
    try {
      const { target, fetch } = await graphRequest(settings, demo);
      const read = await findServicePrincipals(target, query, { fetch, signal: controller.signal });
      if (controller.signal.aborted) return;
      setSearch(
        read.ok
          ? { kind: "found", apps: read.value }
          : { kind: "failed", message: t.appSearchFailed(read.title, read.explanation) },
      );
    } catch (error) {
      if (!controller.signal.aborted)
        setSearch({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div ref={ref}>
      {picked ? (
        <div className="actions graph-app">
          <p role="status">
            {t.appPicked(picked.displayName)} <small>({picked.id})</small>
          </p>
          <button type="button" data-refocus onClick={() => pickGraphApp(mode, undefined)}>
            {t.appChange}
          </button>
        </div>
      ) : (
        <AppSearch
          query={query}
          setQuery={setQuery}
          search={search}
          find={find}
          pick={(app) => pickGraphApp(mode, app)}
        />
      )}
    </div>
  );
}

function AppSearch({
  query,
  setQuery,
  search,
  find,
  pick,
}: {
  query: string;
  setQuery: (query: string) => void;
  search: Search;
  find: (event: FormEvent) => void;
  pick: (app: GraphApp) => void;
}) {
  const id = useId();
  return (
    <form onSubmit={find} className="graph-app-search">
      <fieldset>
        <legend>{t.appLegend}</legend>
        <label htmlFor={`${id}-query`}>{t.appSearchLabel}</label>
        <input
          id={`${id}-query`}
          data-refocus
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={query}
          aria-describedby={`${id}-query-hint`}
          onChange={(e) => setQuery(e.target.value)}
        />
        <p id={`${id}-query-hint`} className="hint">
          {t.appSearchHint}
        </p>
        <div className="actions">
          <button type="submit" disabled={search.kind === "busy"} aria-busy={search.kind === "busy"}>
            {search.kind === "busy" ? t.appSearching : t.appSearch}
          </button>
        </div>
        <div role="status">
          {search.kind === "found" && <p>{search.apps.length === 0 ? t.appNone : t.appFound(search.apps.length)}</p>}
          {search.kind === "failed" && <p className="field-error">{search.message}</p>}
        </div>
        {search.kind === "found" && search.apps.length > 0 && (
          <ul className="graph-apps">
            {search.apps.map((app) => (
              <li key={app.id}>
                <button type="button" onClick={() => pick(app)}>
                  {app.displayName}
                </button>{" "}
                <small>{app.id}</small>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </form>
  );
}
