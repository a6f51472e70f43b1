import MiniSearch from "minisearch";
import type { BuiltFlow } from "../../engine/built-flow.ts";
import { plainText } from "../../engine/rich-text-tree.ts";

// The whole flows come with the search: its index needs every step's text.
export { allFlows } from "../../ui/flows/flow-list.ts";

/**
 * Full-text search over the flows, tolerant of small typos ("secrte token")
 * and word starts ("prov" finds "provisioning"). Titles and symptoms weigh
 * more than step text.
 */
export function createFlowSearch(flows: readonly BuiltFlow[]) {
  const index = new MiniSearch<{ id: string; title: string; summary: string; symptoms: string; text: string }>({
    fields: ["title", "summary", "symptoms", "text"],
    searchOptions: { boost: { title: 3, symptoms: 2 }, prefix: true, fuzzy: 0.34, combineWith: "AND" },
  });
  index.addAll(
    flows.map((flow) => ({
      id: flow.id,
      title: flow.title,
      summary: flow.summary,
      symptoms: [...flow.symptoms, ...flow.tags].join(" \n "),
      text: flow.steps.map((step) => stepText(flow, step)).join("\n"),
    })),
  );
  return (query: string): string[] => {
    const q = query.trim();
    if (!q) return flows.map((f) => f.id);
    const hits = index.search(q);
    // Not every word found: fall back to exact any-word matching (fuzzy OR matches nearly anything).
    return (hits.length > 0 ? hits : index.search(q, { combineWith: "OR", fuzzy: false })).map((hit) => String(hit.id));
  };
}

function stepText(flow: BuiltFlow, step: BuiltFlow["steps"][number]): string {
  const rich = (source: string | undefined) => (source ? plainText(flow.richText[source] ?? []) : "");
  const parts = [step.title, rich(step.body), ...(step.warnings ?? []).map(rich)];
  if (step.kind === "instruction") parts.push(...(step.substeps ?? []).map(rich));
  if (step.kind === "question") parts.push(...step.choices.map((c) => c.label));
  return parts.join(" ");
}
