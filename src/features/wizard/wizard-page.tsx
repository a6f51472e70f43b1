import { useCallback, useEffect, useMemo, useState } from "react";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router";
import { useFlow } from "../../ui/flows/flow-loader.ts";
import { machineFor } from "../../ui/flows/flow-machines.ts";
import { useHydrated } from "../../ui/hydration.ts";
import { messages } from "../../ui/messages/messages.ts";
import { loadWalk, saveWalk } from "../../ui/share/saved-walk.ts";
import { BadLinkView, openShareLink } from "../../ui/share/share-link-open.ts";
import { NEXT_STEP_FRAGMENT, SHARE_PARAM } from "../../ui/share/walk-keys.ts";
import { readTracked } from "../../ui/tracked-promise.ts";
import { earlyDecision } from "../../ui/walk/early-next-step.tsx";
import { useRevealWalk } from "../../ui/walk/walk-gate.ts";
import { WalkView } from "../../ui/walk/walk-view.tsx";

/**
 * /flows/:flowId — opens a shared walk (?s=…), else the walk saved in this tab, else the start.
 * The prerendered page is the start, for any address: the link and the saved walk are read
 * once it has hydrated, and till then the early gate keeps the start out of sight when
 * one of them is there (src/app/walk-gate.ts).
 */
export function WizardPage() {
  const { flowId } = useParams();
  const flow = useFlow(flowId);
  const hydrated = useHydrated();
  const [search, setSearch] = useSearchParams();
  const shared = hydrated ? search.get(SHARE_PARAM) : null;
  // The walk saved in this tab: settled at once when there is none; else the page waits (Suspense) for its schema.
  const saving = useMemo(
    () => (hydrated && flow && shared === null ? loadWalk(flow, machineFor(flow)) : undefined),
    [hydrated, flow, shared],
  );
  const saved = saving ? readTracked(saving) : undefined;
  const [attempt, setAttempt] = useState(0);
  // Mounted by hydration: the walk shown first is the prerendered start, whatever was saved.
  const [hydratedStart] = useState(!hydrated);
  // A link opened while this guide is showing (in-app navigation) is a new walk too.
  const [openedLink, setOpenedLink] = useState(shared);
  if (shared !== null && shared !== openedLink) setOpenedLink(shared);
  // The first way on, taken before the page had hydrated (the address went to #next-step; see
  // early-next-step.tsx): the walk hydrated at the start takes it now. Kept once read, since the
  // fragment leaves the address.
  const location = useLocation();
  const [tookWayOn, setTookWayOn] = useState<{ flowId: string; at: number } | null>();
  const fragment = hydrated && location.hash === `#${NEXT_STEP_FRAGMENT}`;
  if (fragment && hydratedStart && flow && tookWayOn === undefined) setTookWayOn({ flowId: flow.id, at: Date.now() });
  // Once the walk has moved to another guide, coming back is a visit like any other.
  if (tookWayOn && flow && tookWayOn.flowId !== flow.id) setTookWayOn(null);
  const early =
    flow && tookWayOn?.flowId === flow.id && hydratedStart && openedLink === null && !saved?.length
      ? earlyDecision(flow)
      : undefined;

  // A shared link: its reader loads with the first link this tab opens (Suspense meanwhile).
  const reading = useMemo(
    () => (flow && shared !== null ? openShareLink(flow, machineFor(flow), shared) : undefined),
    [flow, shared],
  );
  const read = reading ? readTracked(reading) : undefined;
  const opened = useMemo(() => {
    if (!flow) return undefined;
    return read ?? { ok: true as const, decisions: early ? [early] : (saved ?? []) };
  }, [flow, read, saved, early]);

  const dropShareParam = useCallback(() => {
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete(SHARE_PARAM);
        return next;
      },
      { replace: true },
    );
  }, [setSearch]);

  // Once opened, the walk lives in this tab's storage: a reload must not rewind it to the link.
  useEffect(() => {
    if (opened?.ok && shared !== null) dropShareParam();
  }, [opened, shared, dropShareParam]);
  // Read, the fragment goes too: the walk lives on in this tab's storage, as after a link.
  const navigate = useNavigate();
  useEffect(() => {
    if (fragment) navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  }, [fragment, navigate, location.pathname, location.search]);
  useRevealWalk(hydrated);

  if (!flow || !opened) return <UnknownFlow id={flowId ?? ""} />;
  if (!opened.ok) {
    const openAtStart = () => {
      saveWalk(flow, []);
      dropShareParam();
      setAttempt((n) => n + 1);
    };
    return <BadLinkView problem={opened.problem} flowId={flow.id} onOpenFlow={openAtStart} />;
  }
  return (
    <WalkView
      // The walk saved in this tab, read once hydrated, replaces the prerendered start, as does the first way
      // on taken before hydration; nothing of the kind (the common case) keeps the hydrated walk, and a link
      // opened since is its own walk.
      key={`${flow.id}:${attempt}:${openedLink ?? ""}:${hydratedStart && openedLink === null && saved?.length ? "saved" : early ? "next" : ""}`}
      flow={flow}
      initialDecisions={opened.decisions}
      flowHref={(id) => `/flows/${id}`}
      earlyWayOn
      focusStart={early !== undefined}
      initialTimes={early ? [tookWayOn?.at] : undefined}
    />
  );
}

function UnknownFlow({ id }: { id: string }) {
  return (
    <section aria-labelledby="unknown-flow">
      <h1 id="unknown-flow">{messages.notFound.heading}</h1>
      <p>{messages.wizard.unknownFlow(id)}</p>
      <Link className="button primary" to="/">
        {messages.notFound.home}
      </Link>
    </section>
  );
}
