import { flows } from "virtual:flows";
import { transition } from "xstate";
import { getShortestPaths, getSimplePaths } from "xstate/graph";
import { CHECK_CATALOG } from "../../src/checks/catalog.ts";
import { compileFlow, type FlowEvent, type FlowSnapshot } from "../../src/engine/compile.ts";
import { flowGraph, pathTaken } from "../../src/engine/flow-map.ts";
import { currentStepId, initialSnapshot, replay } from "../../src/engine/session.ts";
import { eventsAt, stepsOf } from "./flow-events.ts";

/**
 * Model-based: for every flow in flows/, every simple path from the start to
 * an outcome, generated from the machine itself with xstate/graph. Each path
 * must end on an outcome step, together they must visit every step, and the
 * path's decisions must replay to the same place.
 */
describe.each(flows.map((flow) => [flow.id, flow] as const))("flow %s", (_id, flow) => {
  const machine = compileFlow(flow, { checks: CHECK_CATALOG });
  const steps = stepsOf(flow);
  const traversal = {
    events: (snapshot: FlowSnapshot) => eventsAt(steps.get(currentStepId(snapshot))),
    serializeState: (snapshot: FlowSnapshot) => `${currentStepId(snapshot)}|${snapshot.status}`,
  };
  const ended = (snapshot: FlowSnapshot) => snapshot.status === "done";
  const paths = getSimplePaths(machine, { ...traversal, toState: ended });
  // One path to each reachable step (a retry loop keeps some steps off every simple path to an outcome).
  const reached = getShortestPaths(machine, traversal);

  test("has at least one path to an outcome", () => {
    expect(paths.length).toBeGreaterThan(0);
  });

  test("every path ends on an outcome step", () => {
    for (const path of paths) {
      const end = steps.get(currentStepId(path.state));
      expect(end?.kind, path.steps.map((s) => currentStepId(s.state)).join(" → ")).toBe("outcome");
    }
  });

  test("every step is reachable, and from each one an outcome can be reached", () => {
    const reachedIds = new Set(reached.map((path) => currentStepId(path.state)));
    expect(flow.steps.map((s) => s.id).filter((id) => !reachedIds.has(id))).toEqual([]);
    for (const path of reached) {
      if (ended(path.state)) continue;
      const onward = getShortestPaths(machine, { ...traversal, fromState: path.state, toState: ended });
      expect(onward.length, `no way from "${currentStepId(path.state)}" to an outcome`).toBeGreaterThan(0);
    }
  });

  test("each path's decisions, as the machine records them, replay to the same outcome", () => {
    for (const path of paths) {
      // The graph merges states by step, so each path's events are sent afresh to read what the machine records.
      const events = path.steps.slice(1).map((s) => s.event as FlowEvent);
      const end = events.reduce((snapshot, event) => transition(machine, snapshot, event)[0], initialSnapshot(machine));
      expect(end.context.decisions).toHaveLength(events.length);
      const replayed = replay(machine, end.context.decisions);
      expect(replayed.ok && currentStepId(replayed.snapshot)).toBe(currentStepId(path.state));
    }
  });

  test("on every path, the map highlights exactly the steps visited and the ways taken", () => {
    const edges = new Map(flowGraph(flow, CHECK_CATALOG).edges.map((e) => [e.id, e]));
    for (const path of paths) {
      const events = path.steps.slice(1).map((s) => s.event as FlowEvent);
      const end = events.reduce((snapshot, event) => transition(machine, snapshot, event)[0], initialSnapshot(machine));
      const visited = path.steps.map((s) => currentStepId(s.state));
      const taken = pathTaken(flow, end.context.decisions, currentStepId(end), CHECK_CATALOG);
      expect(taken.steps).toEqual(visited);
      expect(taken.edges.map((id) => [edges.get(id)?.from, edges.get(id)?.to])).toEqual(
        visited.slice(1).map((to, i) => [visited[i], to]),
      );
    }
  });
});
