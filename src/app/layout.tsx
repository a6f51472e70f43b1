import { Suspense } from "react";
import { Link, Outlet } from "react-router";
import { messages } from "../ui/messages/messages.ts";

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
        <Suspense fallback={<p className="hint">{messages.loading}</p>}>
          <Outlet />
        </Suspense>
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
