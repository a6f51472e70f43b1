import { messages } from "../messages";
import type { FlowState } from "./flow-loader";

/** What a page shows while its flow loads, or when it could not be fetched. */
export function FlowLoadStatus({ state }: { state: FlowState }) {
  if (state.loading) return <p className="hint">{messages.loading}</p>;
  return (
    <section aria-labelledby="load-failed">
      <h1 id="load-failed">{messages.loadFailed.heading}</h1>
      <p>{messages.loadFailed.body}</p>
      <button type="button" className="primary" onClick={() => window.location.reload()}>
        {messages.loadFailed.retry}
      </button>
    </section>
  );
}
