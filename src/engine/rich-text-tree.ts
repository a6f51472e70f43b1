/**
 * Flow Markdown, turned at build time into this small tree so that the browser
 * needs neither a Markdown parser nor an HTML sanitiser: the UI renders these
 * nodes as React elements, so no flow text can ever become markup.
 */
export type Inline =
  | { t: "text"; v: string }
  | { t: "strong"; c: Inline[] }
  | { t: "em"; c: Inline[] }
  | { t: "code"; v: string }
  | { t: "br" }
  | { t: "link"; href: string; c: Inline[] };

export type Block =
  | { t: "p"; c: Inline[] }
  | { t: "ul"; items: Block[][] }
  | { t: "ol"; start: number; items: Block[][] }
  | { t: "quote"; c: Block[] };

export type RichText = Block[];

/** Markdown source → its tree; every Markdown string of a flow is a key. */
export type RichTextIndex = Record<string, RichText>;

export function inlineText(nodes: Inline[]): string {
  return nodes.map((n) => ("v" in n ? n.v : "c" in n ? inlineText(n.c) : " ")).join("");
}

export function plainText(blocks: RichText): string {
  return blocks.map(blockText).join("\n");
}

function blockText(block: Block): string {
  if (block.t === "p") return inlineText(block.c);
  if (block.t === "quote") return plainText(block.c);
  return block.items.map(plainText).join("\n");
}
