import { Link, Outlet, useRouteError } from "react-router";
import { messages } from "./messages";

export function Layout() {
  return (
    <>
      <a className="skip-link" href="#main">
        {messages.skipToContent}
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          {messages.appName}
        </Link>
        <span className="tagline">{messages.tagline}</span>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

export function NotFound() {
  return (
    <section>
      <h1>{messages.notFound.heading}</h1>
      <p>{messages.notFound.body}</p>
      <Link className="button primary" to="/">
        {messages.notFound.home}
      </Link>
    </section>
  );
}

/** Whatever broke, the admin sees a way on, never a stack trace. */
export function RouteError() {
  const error = useRouteError();
  // Kept for whoever opens the console; the page itself says nothing technical.
  console.error("SCIM Troubleshooter: unexpected error", error instanceof Error ? error.message : "unknown");
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
