import type { RichTextIndex } from "./rich-text-tree.ts";
import type { Flow } from "./schema.ts";

/** A flow as the browser receives it: validated, linted, its Markdown pre-rendered. */
export type BuiltFlow = Flow & { richText: RichTextIndex };

/** What the catalogue shows of a flow, without its steps. */
export type FlowSummary = Pick<Flow, "id" | "title" | "summary" | "symptoms" | "tags">;
