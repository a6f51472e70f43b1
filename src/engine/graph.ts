import type { Flow, Step } from "./schema.ts";
import { waysOn } from "./step-kinds.ts";

/** Every step a step can lead to, with a label naming the way (for lint messages). */
export function stepTargets(step: Step): { via: string; target: string }[] {
  return waysOn(step).map(({ via, target }) => ({ via, target }));
}

export function startStepId(flow: Flow): string {
  return flow.start ?? flow.steps[0].id;
}

export function stepIndex(flow: Flow): Map<string, Step> {
  return new Map(flow.steps.map((s) => [s.id, s]));
}

/** Step ids reachable from the start, following only targets that exist. */
export function reachableSteps(flow: Flow): Set<string> {
  const steps = stepIndex(flow);
  const seen = new Set<string>();
  const queue = [startStepId(flow)];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    const step = steps.get(id);
    if (!step || seen.has(id)) continue;
    seen.add(id);
    for (const { target } of stepTargets(step)) queue.push(target);
  }
  return seen;
}

/**
 * Fewest moves from each step to an outcome (Infinity when none can be reached).
 * Drives the progress indicator and the "cycle with no exit" rule.
 */
export function distanceToOutcome(flow: Flow): Map<string, number> {
  const incoming = new Map<string, string[]>();
  for (const step of flow.steps) {
    for (const { target } of stepTargets(step)) {
      const from = incoming.get(target);
      if (from) from.push(step.id);
      else incoming.set(target, [step.id]);
    }
  }
  const distance = new Map<string, number>(flow.steps.map((s) => [s.id, Number.POSITIVE_INFINITY]));
  const queue: string[] = [];
  for (const step of flow.steps) {
    if (step.kind === "outcome") {
      distance.set(step.id, 0);
      queue.push(step.id);
    }
  }
  // Breadth-first from every outcome backwards: the first visit is the shortest.
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    const next = (distance.get(id) as number) + 1;
    for (const from of incoming.get(id) ?? []) {
      if ((distance.get(from) as number) > next) {
        distance.set(from, next);
        queue.push(from);
      }
    }
  }
  return distance;
}

/**
 * Steps that lie on a loop: a strongly connected set of two or more steps, or
 * a step that leads to itself. Tarjan's algorithm, linear in steps and ways,
 * and iterative so that a loop of thousands of steps cannot overflow the stack
 * (issue 12 point 7: a walk per step took 9.7 s on a 5,000-step cycle).
 */
export function stepsOnLoops(flow: Flow): Set<string> {
  const steps = stepIndex(flow);
  const next = new Map<string, string[]>();
  for (const step of flow.steps)
    next.set(
      step.id,
      stepTargets(step)
        .map(({ target }) => target)
        .filter((t) => steps.has(t)),
    );
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const open: string[] = [];
  const isOpen = new Set<string>();
  const onLoop = new Set<string>();
  const visit = (id: string) => {
    order.set(id, order.size);
    low.set(id, order.get(id) as number);
    open.push(id);
    isOpen.add(id);
  };
  for (const root of next.keys()) {
    if (order.has(root)) continue;
    visit(root);
    const path = [{ id: root, way: 0 }];
    while (path.length > 0) {
      const frame = path[path.length - 1];
      const targets = next.get(frame.id) as string[];
      if (frame.way < targets.length) {
        const target = targets[frame.way++];
        if (!order.has(target)) {
          visit(target);
          path.push({ id: target, way: 0 });
        } else if (isOpen.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id) as number, order.get(target) as number));
        }
        continue;
      }
      path.pop();
      const parent = path[path.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) !== order.get(frame.id)) continue;
      const component: string[] = [];
      let id: string;
      do {
        id = open.pop() as string;
        isOpen.delete(id);
        component.push(id);
      } while (id !== frame.id);
      if (component.length > 1 || targets.includes(frame.id)) for (const member of component) onLoop.add(member);
    }
  }
  return onLoop;
}

/**
 * Ids of the input steps whose answers are personal (UPN, e-mail): they leave
 * the tab (links, summaries) only when the admin agrees.
 */
export function personalInputSteps(flow: Flow): Set<string> {
  return new Set(flow.steps.flatMap((s) => (s.kind === "input" && !s.shareable ? [s.id] : [])));
}

/** Every Markdown string a step holds: body, warnings and sub-steps. */
export function markdownSources(step: Step): string[] {
  return [
    ...(step.body ? [step.body] : []),
    ...(step.warnings ?? []),
    ...(step.kind === "instruction" ? (step.substeps ?? []) : []),
  ];
}
