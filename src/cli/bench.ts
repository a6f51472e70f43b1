import { benchFlows, type Figure } from "../bench/flows-bench.ts";

/** npm run bench — prints figures with their goals; it asserts nothing. */
function print(title: string, figures: Figure[]) {
  console.log(`\n${title}`);
  const width = Math.max(...figures.map((f) => f.name.length));
  for (const f of figures) console.log(`  ${f.name.padEnd(width)}  ${f.value.padStart(10)}   goal ${f.goal}`);
}

print("Flow engine (median of 3 runs)", benchFlows());
