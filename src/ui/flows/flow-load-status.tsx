import { type ReactNode, useEffect } from "react";
import { ErrorBoundary, type FallbackProps } from "react-error-boundary";
import { Outlet, useParams } from "react-router";
import { messages } from "../messages/messages.ts";
import { forgetFailedLoads } from "../tracked-promise.ts";
import { FlowLoadError } from "./flow-load-error.ts";

/**
 * Around a page that reads a flow with `useFlow`: a chunk that could not be
 * fetched (the flow, its saved walk's or its link's reader) shows "could not be
 * loaded" with Try again, which fetches anew.
 * Any other error goes on to the app's boundary. A layout route around the
 * flow pages (its children by default): moving to another flow (a hand-over)
 * recovers too.
 */
export function FlowLoadBoundary({ children = <Outlet /> }: { children?: ReactNode }) {
  const { flowId } = useParams();
  return (
    <ErrorBoundary FallbackComponent={FlowLoadStatus} resetKeys={[flowId]}>
      {children}
    </ErrorBoundary>
  );
}

/** What a page shows when a chunk of its guide could not be fetched. */
export function FlowLoadStatus({ error, resetErrorBoundary }: FallbackProps) {
  // Shown now: forget the failure, so that Try again (or a later visit) fetches anew.
  useEffect(() => forgetFailedLoads(), []);
  if (!(error instanceof FlowLoadError)) throw error;
  return (
    <section aria-labelledby="load-failed">
      <h1 id="load-failed">{messages.loadFailed.heading}</h1>
      <p>{messages.loadFailed.body}</p>
      <button type="button" className="primary" onClick={() => resetErrorBoundary()}>
        {messages.loadFailed.retry}
      </button>
    </section>
  );
}
