import { Link } from "react-router";
import { messages } from "../../app/messages";
import type { ShareLinkProblem } from "./share-link";

const EXPLAIN: Record<ShareLinkProblem, string> = {
  "too-long": "The link is far longer than any link this app makes, so it was not read.",
  "not-base64": "The link was cut short or changed: part of it is not in the expected form.",
  "not-json": "The link was cut short or changed: its contents cannot be read.",
  "wrong-shape": "The link's contents are not a list of steps this app understands.",
  "unsupported-version": "The link was made by another version of this app.",
  "other-flow": "The link belongs to another guide than the one in its address.",
  outdated: "The guide has changed since this link was made, so its steps no longer match.",
  "does-not-fit": "The steps in the link do not fit this guide.",
};

/** A share link that cannot be opened explains why and offers two ways on; never a stack trace. */
export function BadLink(props: { problem: ShareLinkProblem; flowId?: string; onOpenFlow?: () => void }) {
  return (
    <section className="bad-link" aria-labelledby="bad-link-heading">
      <h1 id="bad-link-heading">{messages.share.badLinkHeading}</h1>
      <p>{EXPLAIN[props.problem]}</p>
      <p className="hint">Ask for a new link, or start the guide yourself: nothing you did before is lost.</p>
      <div className="actions">
        {props.onOpenFlow && (
          <button type="button" className="primary" onClick={props.onOpenFlow}>
            {messages.share.badLinkOpenFlow}
          </button>
        )}
        <Link className="button" to="/">
          {messages.share.badLinkStartOver}
        </Link>
      </div>
    </section>
  );
}
