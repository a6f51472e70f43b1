import { Link } from "react-router";
import { messages } from "../messages.ts";
import type { ShareLinkProblem } from "./share-link.ts";

const EXPLAIN: Record<ShareLinkProblem, string> = messages.share.badLinkReasons;

/** A share link that cannot be opened explains why and offers two ways on; never a stack trace. */
export function BadLink(props: { problem: ShareLinkProblem; flowId?: string; onOpenFlow?: () => void }) {
  return (
    <section className="bad-link" aria-labelledby="bad-link-heading">
      <h1 id="bad-link-heading">{messages.share.badLinkHeading}</h1>
      <p>{EXPLAIN[props.problem]}</p>
      <p className="hint">{messages.share.badLinkHint}</p>
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
