import { Component, type ReactNode } from "react";
import { messages } from "../ui/messages";

/** Whatever broke, the admin sees a way on, never a stack trace. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown) {
    // For whoever opens the console; the page itself says nothing technical.
    console.error("SCIM Troubleshooter: unexpected error:", error instanceof Error ? error.message : "unknown");
  }

  render() {
    if (!this.state.failed) return this.props.children;
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
}
