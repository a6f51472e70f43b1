import { createActor } from "xstate";
import type { FlowActor, FlowEvent, FlowMachine, FlowSnapshot } from "./compile.ts";
import { currentStepId, type Decision, eventDecision, replay } from "./session.ts";

/**
 * A live walk: the actor the UI talks to, plus the decision list behind it.
 * Back and Start over replay a shorter list into a fresh actor, so no step
 * can hold stale state. No React here; the UI subscribes.
 */
export class Walk {
  private actor: FlowActor;
  private listeners = new Set<() => void>();
  private unsubscribeActor: () => void = () => {};
  private decisionList: Decision[];
  private stopped = false;

  constructor(
    private readonly machine: FlowMachine,
    decisions: readonly Decision[] = [],
  ) {
    const replayed = replay(machine, decisions);
    if (!replayed.ok) throw new Error(replayed.reason);
    this.decisionList = [...decisions];
    this.actor = this.startActor(replayed.snapshot);
  }

  get decisions(): readonly Decision[] {
    return this.decisionList;
  }

  getSnapshot = (): FlowSnapshot => this.actor.getSnapshot();

  get stepId(): string {
    return currentStepId(this.getSnapshot());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Sends an event; a decision is recorded only when it moves the walk to another step. */
  send(event: FlowEvent): boolean {
    const before = this.stepId;
    this.actor.send(event);
    const moved = this.stepId !== before;
    const decision = eventDecision(before, event);
    if (moved && decision) {
      this.decisionList = [...this.decisionList, decision];
      this.notify();
    }
    return moved;
  }

  back(): void {
    if (this.decisionList.length > 0) this.reset(this.decisionList.slice(0, -1));
  }

  restart(): void {
    this.reset([]);
  }

  /** Stops the actor (a running check is abandoned). */
  stop(): void {
    this.unsubscribeActor();
    this.actor.stop();
    this.stopped = true;
  }

  /**
   * Starts again after stop(), from the same step: React's StrictMode mounts,
   * unmounts and mounts again, and the walk must survive that.
   */
  resume(): void {
    if (!this.stopped) return;
    const replayed = replay(this.machine, this.decisionList);
    if (!replayed.ok) throw new Error(replayed.reason);
    this.actor = this.startActor(replayed.snapshot);
    this.notify();
  }

  private reset(decisions: Decision[]): void {
    const replayed = replay(this.machine, decisions);
    // A prefix of a list that replayed once always replays again.
    if (!replayed.ok) throw new Error(replayed.reason);
    this.stop();
    this.decisionList = decisions;
    this.actor = this.startActor(replayed.snapshot);
    this.notify();
  }

  private startActor(snapshot: FlowSnapshot): FlowActor {
    this.stopped = false;
    const actor = createActor(this.machine, { snapshot: this.machine.getPersistedSnapshot(snapshot) as never });
    this.unsubscribeActor = actor.subscribe({ next: () => this.notify(), error: () => this.notify() }).unsubscribe;
    actor.start();
    return actor;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
