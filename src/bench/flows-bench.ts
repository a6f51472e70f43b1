import { performance } from "node:perf_hooks";
import { createPatternSafety } from "../build/pattern-safety.ts";
import { CHECK_CATALOG } from "../checks/catalog.ts";
import { compileFlow } from "../engine/compile.ts";
import { lintFlow } from "../engine/lint.ts";
import { parseFlowSource } from "../engine/parse.ts";
import type { Flow } from "../engine/schema.ts";
import { generatedFlowYaml } from "./generated-flows.ts";

export interface Figure {
  name: string;
  value: string;
  goal: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** flows:check's work (parse, schema, lint) and compiling, on 1,000 generated flows of 50 steps. */
export function benchFlows(count = 1000, steps = 50, runs = 3): Figure[] {
  const sources = Array.from({ length: count }, (_, i) => generatedFlowYaml(i, steps));
  const known = new Set(sources.map((_, i) => `generated-${i}`));
  const lintTimes: number[] = [];
  const compileTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    const flows: Flow[] = [];
    const patternSafety = createPatternSafety();
    for (const [i, text] of sources.entries()) {
      const file = `generated-${i}.yaml`;
      const { flow, issues } = parseFlowSource(file, text);
      if (!flow || issues.length > 0) throw new Error(`generated flow ${i} is invalid: ${issues[0]?.message}`);
      const lint = lintFlow(flow, { file, checks: CHECK_CATALOG, knownFlows: known, patternSafety });
      if (lint.length > 0) throw new Error(`generated flow ${i} has lint issues: ${lint[0].message}`);
      flows.push(flow);
    }
    lintTimes.push(performance.now() - started);
    started = performance.now();
    for (const flow of flows) compileFlow(flow, { checks: CHECK_CATALOG });
    compileTimes.push(performance.now() - started);
  }
  return [
    {
      name: `flows:check on ${count} flows of ${steps} steps`,
      value: `${median(lintTimes).toFixed(0)} ms`,
      goal: "< 2000 ms",
    },
    {
      name: `compile ${count} flows of ${steps} steps`,
      value: `${median(compileTimes).toFixed(0)} ms`,
      goal: "(reported)",
    },
  ];
}
