import type { RichTextIndex } from "./rich-text.ts";
import type { Flow } from "./schema.ts";

/** A flow as the browser receives it: validated, linted, its Markdown pre-rendered. */
export type BuiltFlow = Flow & { richText: RichTextIndex };
