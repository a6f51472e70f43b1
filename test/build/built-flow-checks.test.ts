import { expect, it } from "vitest";
import { buildFlow, checkFlowFiles, FLOWS_DIR, flowFilesIn } from "../../src/build/flow-files.ts";
import { entryOf, isCheckName } from "../../src/checks/catalog.ts";

const { flows } = checkFlowFiles(flowFilesIn(FLOWS_DIR));

it.each(flows.map(({ flow }) => [flow.id, flow] as const))(
  "%s carries the catalogue entries of exactly the checks it names, so the browser needs no catalogue",
  (_id, flow) => {
    const built = buildFlow(flow);
    const named = new Set(flow.steps.flatMap((s) => (s.kind === "check" ? [s.check] : [])));
    expect(Object.keys(built.checks).sort()).toEqual([...named].sort());
    for (const check of named) {
      if (!isCheckName(check)) throw new Error(`${check} is not in the catalogue`);
      const entry = entryOf(check);
      expect(built.checks[check].outcomes).toEqual(entry.outcomes);
      expect(Object.keys(built.checks[check].params)).toEqual(Object.keys(entry.params));
    }
  },
);
