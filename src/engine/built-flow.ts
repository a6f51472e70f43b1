import type { CheckCatalog } from "./check-catalog.ts";
import type { RichTextIndex } from "./rich-text-tree.ts";
import type { Flow } from "./schema.ts";

/**
 * A flow as the browser receives it: validated, linted, its Markdown pre-rendered, and with the
 * catalogue entries of the checks it names (their outcome codes and parameter labels), so that
 * the browser compiles its machine without loading the whole check catalogue on a first step.
 */
export type BuiltFlow = Flow & { richText: RichTextIndex; checks: CheckCatalog };

/**
 * What the catalogue shows of a flow, without its steps: its first symptoms only (the search
 * reads them all from the whole flows, in a chunk of its own). Every page's first load carries
 * these summaries, so they hold nothing more.
 */
export type FlowSummary = Pick<Flow, "id" | "title" | "summary" | "symptoms">;

/** How many of a flow's symptoms its catalogue card shows. */
export const CARD_SYMPTOMS = 4;
