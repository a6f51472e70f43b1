import type { ReactNode } from "react";
import { ErrorBoundary, type FallbackProps } from "react-error-boundary";
import { Outlet, useParams } from "react-router";
import { messages } from "../messages/messages.ts";
import { FlowLoadError, forgetFailedFlows } from "./flow-loader.ts";

/**
 * Around a page that reads a flow with `useFlow`: a chunk that could not be
 * fetched shows "could not be loaded" with Try again, which fetches anew.
 * Any other error goes on to the app's boundary. A layout route around the
 * flow pages (its children by default): moving to another flow (a hand-over)
 * recovers too.
 */
export function FlowLoadBoundary({ children = <Outlet /> }: { children?: ReactNode }) {
  const { flowId } = useParams();
  return (
    <ErrorBoundary FallbackComponent={FlowLoadStatus} onReset={forgetFailedFlows} resetKeys={[flowId]}>
      {children}
    </ErrorBoundary>
  );
}

/** What a page shows when its flow could not be fetched. */
export function FlowLoadStatus({ error, resetErrorBoundary }: FallbackProps) {
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
