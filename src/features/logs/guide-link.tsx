import { type MouseEvent, useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { BuiltFlow } from "../../engine/built-flow.ts";
import { decisionsTo } from "../../engine/path-to-step.ts";
import type { ExplainedEntry } from "../../engine/provisioning-errors.ts";
import type { Decision } from "../../engine/session.ts";
import { loadFlow } from "../../ui/flows/flow-loader.ts";
import { logsMessages as t } from "../../ui/messages/logs.ts";
import { saveWalk } from "../../ui/share/saved-walk.ts";
import { encodeShare, SHARE_PARAM } from "../../ui/share/share-link.ts";
import type { AffectedUser } from "./log-report.ts";
// This page needs some of the walk's modules (engine, share link, saved walk); importing the
// rest keeps them one chunk shared with the wizard, instead of a second chunk every wizard step
// would load (docs/decisions.md, "The review page and the walk's chunk").
import "../../ui/walk/walk-view.tsx";

/**
 * The decisions that open `guide` at its step, with the inputs named in
 * `fill` holding the user's UPN or e-mail address (the other one when the log
 * gave only one). Undefined when the step cannot be reached.
 */
export function guideDecisions(
  flow: BuiltFlow,
  entry: ExplainedEntry,
  user: AffectedUser | undefined,
): Decision[] | undefined {
  if (!entry.guide) return undefined;
  const decisions = decisionsTo(flow, entry.guide.step);
  return decisions?.map((d) => {
    const step = flow.steps.find((s) => s.id === d.step);
    const fill = step?.kind === "input" ? entry.fill?.[step.name] : undefined;
    const value = fill === "mail" ? (user?.mail ?? user?.upn) : fill === "upn" ? (user?.upn ?? user?.mail) : undefined;
    return d.kind === "input" && value ? { ...d, value } : d;
  });
}

/**
 * Opens the guide at the step that fixes an entry. Followed in this tab, the
 * walk is handed over in this tab's saved walk (sessionStorage, as a reload
 * keeps it), so the UPN is filled in while the address bar carries none; the
 * link itself (a new tab, a copy) carries the answers only when allowed.
 */
export function GuideLink({
  entry,
  user,
  includeAnswers,
}: {
  entry: ExplainedEntry;
  user?: AffectedUser;
  includeAnswers: boolean;
}) {
  const [flow, setFlow] = useState<BuiltFlow | undefined>();
  const navigate = useNavigate();
  const flowId = entry.guide?.flow;
  useEffect(() => {
    let live = true;
    loadFlow(flowId).then(
      (f) => live && setFlow(f),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [flowId]);
  if (!flow) return null;
  const decisions = guideDecisions(flow, entry, user);
  if (!decisions) return null;
  const withAnswers = `/flows/${flow.id}?${SHARE_PARAM}=${encodeShare(flow, decisions, true)}`;
  const withoutAnswers = `/flows/${flow.id}?${SHARE_PARAM}=${encodeShare(flow, decisions, false)}`;
  const follow = (event: MouseEvent) => {
    if (includeAnswers || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    saveWalk(flow, decisions);
    navigate(`/flows/${flow.id}`);
  };
  const who = user?.upn ?? user?.mail ?? user?.displayName;
  return (
    <Link className="button" to={includeAnswers ? withAnswers : withoutAnswers} onClick={follow}>
      {who ? t.openGuideFor(flow.title, who) : t.openGuide(flow.title)}
    </Link>
  );
}
