import type { ReactNode } from "react";
import { ErrorBoundary, type FallbackProps } from "react-error-boundary";
import { useLocation } from "react-router";
import { messages } from "../ui/messages/messages.ts";

/**
 * Whatever broke, the admin sees a way on, never a stack trace. Navigating
 * elsewhere (a new pathname) renders the app again.
 */
export function AppErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary FallbackComponent={AppError} onError={logMessageOnly} resetKeys={[pathname]}>
      {children}
    </ErrorBoundary>
  );
}

/** For whoever opens the console: the message only, never the error object (it may quote a request). */
function logMessageOnly(error: unknown) {
  console.error("SCIM Troubleshooter: unexpected error:", error instanceof Error ? error.message : "unknown");
}

function AppError(_: FallbackProps) {
  return (
    <main id="main" className="route-error">
      <h1>{messages.error.heading}</h1>
      <p>{messages.error.body}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {messages.error.reload}
        </button>
        <a className="button" href="/">
          {messages.notFound.home}
        </a>
      </div>
    </main>
  );
}
