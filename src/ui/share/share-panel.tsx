import { type RefObject, useState } from "react";
import type { BuiltFlow } from "../../engine/built-flow.ts";
import { personalInputSteps } from "../../engine/graph.ts";
import type { Decision } from "../../engine/session.ts";
import { useConnection } from "../connection/connection-context.tsx";
import { messages } from "../messages/messages.ts";

declare const __APP_VERSION__: string;

/** Share link, Copy summary and Download summary: all three from the same decision list. */
export function SharePanel(props: {
  flow: BuiltFlow;
  decisions: readonly Decision[];
  /** When each decision was made, read when a summary is made. */
  times: RefObject<(number | undefined)[]>;
  currentStep: string;
  allowLink: boolean;
}) {
  const { flow, decisions } = props;
  const { secrets } = useConnection();
  const [includeAnswers, setIncludeAnswers] = useState(false);
  const [status, setStatus] = useState("");
  const [fallback, setFallback] = useState<string | undefined>();
  const hasPersonal = personalInputSteps(flow).size > 0;

  // The summary code loads on the first click: most walks never copy one.
  const transcript = async () =>
    (await import("./transcript.ts")).buildTranscript({
      flow,
      decisions,
      currentStep: props.currentStep,
      includeAnswers,
      date: new Date(),
      appVersion: __APP_VERSION__,
      secrets: secrets(),
      times: props.times.current,
    });

  const copy = async (text: string | Promise<string>, done: string) => {
    const { redactSecrets } = await import("../../checks/redact.ts");
    const clean = redactSecrets(await text, secrets());
    try {
      await navigator.clipboard.writeText(clean);
      setFallback(undefined);
      setStatus(done);
    } catch {
      // No clipboard (permissions, old browser): show the text to copy by hand.
      setFallback(clean);
      setStatus(messages.share.copyFailed);
    }
  };

  const download = async () => {
    const blob = new Blob([await transcript()], { type: "text/markdown" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `scim-troubleshooter-${flow.id}.md`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="share" aria-label={messages.share.region}>
      {hasPersonal && (
        <label className="check-label">
          <input type="checkbox" checked={includeAnswers} onChange={(e) => setIncludeAnswers(e.target.checked)} />
          {messages.share.includeAnswers}
        </label>
      )}
      <div className="actions">
        {props.allowLink && (
          <button
            type="button"
            onClick={() =>
              // The link's code loads on the first click, like the summary's.
              copy(
                import("./share-link.ts").then((link) =>
                  link.shareUrl(window.location.origin, flow, decisions, includeAnswers),
                ),
                messages.share.copied,
              )
            }
          >
            {messages.share.shareLink}
          </button>
        )}
        <button type="button" onClick={() => copy(transcript(), messages.share.summaryCopied)}>
          {messages.share.copySummary}
        </button>
        <button type="button" onClick={download}>
          {messages.share.downloadSummary}
        </button>
      </div>
      <p role="status" className="share-status">
        {status}
      </p>
      {fallback !== undefined && (
        <textarea
          className="copy-fallback"
          readOnly
          value={fallback}
          aria-label={messages.share.copyFallback}
          rows={4}
        />
      )}
    </section>
  );
}
