import { lazy, type RefObject, Suspense, useEffect, useId, useRef, useState } from "react";
import { ErrorBoundary } from "react-error-boundary";
import { Link, useLocation } from "react-router";
import type { BuiltFlow } from "../../engine/built-flow.ts";
import { currentStepId, type Decision, replay } from "../../engine/session.ts";
import { useConnection } from "../connection/connection-context.tsx";
import { machineFor } from "../flows/flow-machines.ts";
import { useHydrated } from "../hydration.ts";
import { messages } from "../messages/messages.ts";
import { saveWalk } from "../share/saved-walk.ts";
import { SharePanel } from "../share/share-panel.tsx";
import { BackDraftProvider } from "./back-draft.tsx";
import { EARLY_HREF, EarlyNextStep, earlyNextStep } from "./early-next-step.tsx";
import { StepPanel } from "./step-panel.tsx";
import { useWalk, useWalkActor, WalkActorProvider } from "./walk-actor.tsx";
import { useWizardEvents } from "./wizard-events.tsx";

export interface WalkViewProps {
  flow: BuiltFlow;
  initialDecisions: readonly Decision[];
  /** Where hand-over links lead: /flows/:id in the app, /embed/:id in an embed. */
  flowHref: (flowId: string) => string;
  /** Embeds keep progress to themselves: no storage, no share link. */
  persist?: boolean;
  /** The page as served offers the step after the first before it has hydrated (early-next-step.tsx). */
  earlyWayOn?: boolean;
  /** Focus the first step shown (the walk opened at a step the admin just moved to). */
  focusStart?: boolean;
  /** When the initial decisions were made, where known (else "not known" in a summary). */
  initialTimes?: readonly (number | undefined)[];
}

// The map and its coordinates load when the admin first opens it: a walk without it pays nothing.
const WalkMap = lazy(() => import("../flow-map/walk-map.tsx").then((m) => ({ default: m.WalkMap })));

/** Replays a list the caller has checked; a list that does not fit is a bug, for the error boundary. */
function replayed(flow: BuiltFlow, decisions: readonly Decision[]) {
  const result = replay(machineFor(flow), decisions);
  if (!result.ok) throw new Error(result.reason);
  return result.snapshot;
}

/**
 * A walk through one flow. Back and Start over replay a shorter list of
 * decisions into a new actor (a new provider, by key), so no step can hold
 * stale state.
 */
export function WalkView({ flow, initialDecisions, flowHref, persist = true, ...props }: WalkViewProps) {
  const connection = useConnection();
  const [start, setStart] = useState(() => ({
    snapshot: replayed(flow, initialDecisions),
    generation: 0,
    dropped: undefined as Decision | undefined,
  }));
  const restartWith = (decisions: readonly Decision[], dropped?: Decision) =>
    setStart((s) => ({ snapshot: replayed(flow, decisions), generation: s.generation + 1, dropped }));
  // Outside the keyed provider: the map stays open across Back and Start over.
  const [mapOpen, setMapOpen] = useState(false);
  // When each decision was made, for the summary: unknown for those a link or this tab's storage replayed.
  const times = useRef<(number | undefined)[]>(initialDecisions.map((_, i) => props.initialTimes?.[i]));
  // On the page the browser opened, focus starts at the top; after an in-app move
  // (a catalogue card, a hand-over, Back) it goes to the step, as after every step change.
  const arrivedInApp = useLocation().key !== "default";
  return (
    <WalkActorProvider
      key={start.generation}
      machine={machineFor(flow)}
      snapshot={start.snapshot}
      runner={connection.run}
    >
      <BackDraftProvider value={start.dropped}>
        <WalkSteps
          flow={flow}
          flowHref={flowHref}
          persist={persist}
          earlyWayOn={props.earlyWayOn ?? false}
          focusFirstStep={props.focusStart || arrivedInApp || start.generation > 0}
          restartWith={restartWith}
          mapOpen={mapOpen}
          times={times}
          toggleMap={() => setMapOpen((open) => !open)}
        />
      </BackDraftProvider>
    </WalkActorProvider>
  );
}

function WalkSteps(props: {
  flow: BuiltFlow;
  flowHref: (flowId: string) => string;
  persist: boolean;
  earlyWayOn: boolean;
  focusFirstStep: boolean;
  restartWith: (decisions: readonly Decision[], dropped?: Decision) => void;
  mapOpen: boolean;
  toggleMap: () => void;
  times: RefObject<(number | undefined)[]>;
}) {
  const { flow, persist } = props;
  const actor = useWalkActor();
  const stepId = useWalk(currentStepId);
  const decisions = useWalk((s) => s.context.decisions);
  const emit = useWizardEvents();
  const step = flow.steps.find((s) => s.id === stepId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const skipFocus = useRef(!props.focusFirstStep);

  const { times } = props;
  // Not the walk hydrated from the prerendered start: it would overwrite the walk saved in
  // this tab before the page has read it (src/features/wizard/wizard-page.tsx).
  const hydrated = useHydrated();
  useEffect(() => {
    if (persist && hydrated) saveWalk(flow, decisions);
    // After Back the list is shorter: later decisions get the time they are made again.
    const known = times.current.slice(0, decisions.length);
    while (known.length < decisions.length) known.push(Date.now());
    times.current = known;
  }, [flow, decisions, persist, hydrated, times]);

  useEffect(() => {
    if (!step) return;
    emit({ type: "step", flowId: flow.id, stepId: step.id, stepKind: step.kind });
    if (step.kind === "outcome") emit({ type: "outcome", flowId: flow.id, stepId: step.id, outcome: step.result });
    // Focus follows the walk to each new step, so screen readers read its title first.
    if (skipFocus.current) skipFocus.current = false;
    else headingRef.current?.focus();
  }, [flow, step, emit]);

  if (!step) return null;
  // Only in the page as served, so the hydrated walk renders no copy and its way on is a button again.
  const early = props.earlyWayOn && !hydrated && decisions.length === 0 ? earlyNextStep(flow) : undefined;
  const back = () => {
    const all = actor.getSnapshot().context.decisions;
    props.restartWith(all.slice(0, -1), all.at(-1));
  };

  return (
    <div className="walk">
      <p className="eyebrow">
        <span className="flow-title">{flow.title}</span>
      </p>
      <StepPanel
        flow={flow}
        step={step}
        visited={decisions.length + 1}
        headingId={headingId}
        headingRef={headingRef}
        flowHref={props.flowHref}
        earlyHref={early && EARLY_HREF}
      />
      {early && <EarlyNextStep flow={flow} step={early} headingId={`${headingId}-next`} flowHref={props.flowHref} />}
      <nav className="walk-controls" aria-label={messages.wizard.controls}>
        <button type="button" onClick={back} disabled={decisions.length === 0}>
          {messages.wizard.back}
        </button>
        <button type="button" onClick={() => props.restartWith([])} disabled={decisions.length === 0}>
          {messages.wizard.startOver}
        </button>
        <button
          type="button"
          aria-expanded={props.mapOpen}
          aria-controls={`${headingId}-map`}
          onClick={props.toggleMap}
        >
          {messages.wizard.map}
        </button>
        {persist && (
          <Link to={`/flows/${flow.id}/article`} className="button link">
            {messages.nav.article}
          </Link>
        )}
      </nav>
      <div id={`${headingId}-map`} className="walk-map-slot">
        {props.mapOpen && (
          // A map that does not arrive says so here; the walk goes on.
          <ErrorBoundary fallback={<p role="alert">{messages.loadFailed.body}</p>}>
            <Suspense fallback={<p>{messages.loading}</p>}>
              <WalkMap
                flow={flow}
                decisions={decisions}
                current={stepId}
                goBack={(keep) => props.restartWith(decisions.slice(0, keep), decisions[keep])}
              />
            </Suspense>
          </ErrorBoundary>
        )}
      </div>
      <SharePanel flow={flow} decisions={decisions} times={times} currentStep={stepId} allowLink={persist} />
    </div>
  );
}
