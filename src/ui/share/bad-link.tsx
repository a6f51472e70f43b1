import { Link } from "react-router";
import { badLinkMessages } from "../messages/bad-link.ts";
import type { ShareLinkProblem } from "./share-format.ts";

const EXPLAIN: Record<ShareLinkProblem, string> = badLinkMessages.reasons;

/** A share link that cannot be opened explains why and offers two ways on; never a stack trace. */
export function BadLink(props: { problem: ShareLinkProblem; flowId?: string; onOpenFlow?: () => void }) {
  return (
    <section className="bad-link" aria-labelledby="bad-link-heading">
      <h1 id="bad-link-heading">{badLinkMessages.heading}</h1>
      <p>{EXPLAIN[props.problem]}</p>
      <p className="hint">{badLinkMessages.hint}</p>
      <div className="actions">
        {props.onOpenFlow && (
          <button type="button" className="primary" onClick={props.onOpenFlow}>
            {badLinkMessages.openFlow}
          </button>
        )}
        <Link className="button" to="/">
          {badLinkMessages.startOver}
        </Link>
      </div>
    </section>
  );
}
