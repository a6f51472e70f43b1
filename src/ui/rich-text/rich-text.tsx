import type { Block, Inline, RichTextIndex, RichText as Tree } from "../../engine/rich-text-tree.ts";
import { useEmbedded } from "../embedded.tsx";
import { messages } from "../messages/messages.ts";

/**
 * Renders flow Markdown, pre-parsed at build time, as React elements: no
 * HTML string is ever injected. External links open in a new tab without
 * handing over the opener or a referrer.
 */
export function RichText({
  source,
  index,
  inline = false,
}: {
  source: string;
  index: RichTextIndex;
  inline?: boolean;
}) {
  const tree = index[source] ?? [{ t: "p", c: [{ t: "text", v: source }] }];
  // A one-paragraph sub-step reads better without the paragraph margin.
  if (inline && tree.length === 1 && tree[0].t === "p") return <>{inlines(tree[0].c)}</>;
  return <>{blocks(tree)}</>;
}

// Index keys are right here: a flow's text is fixed at build time and never reordered.
function blocks(tree: Tree) {
  return tree.map((block, i) => <BlockView key={i} block={block} />);
}

function BlockView({ block }: { block: Block }) {
  switch (block.t) {
    case "p":
      return <p>{inlines(block.c)}</p>;
    case "ul":
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{blocks(item)}</li>
          ))}
        </ul>
      );
    case "ol":
      return (
        <ol start={block.start}>
          {block.items.map((item, i) => (
            <li key={i}>{blocks(item)}</li>
          ))}
        </ol>
      );
    case "quote":
      return <blockquote>{blocks(block.c)}</blockquote>;
  }
}

function inlines(nodes: Inline[]) {
  return nodes.map((node, i) => <InlineView key={i} node={node} />);
}

function InlineView({ node }: { node: Inline }) {
  switch (node.t) {
    case "text":
      return <>{node.v}</>;
    case "strong":
      return <strong>{inlines(node.c)}</strong>;
    case "em":
      return <em>{inlines(node.c)}</em>;
    case "code":
      return <code>{node.v}</code>;
    case "br":
      return <br />;
    case "link":
      return <SafeLink href={node.href}>{inlines(node.c)}</SafeLink>;
  }
}

function SafeLink({ href, children }: { href: string; children: React.ReactNode }) {
  const embedded = useEmbedded();
  // The build already refused other schemes; checking again costs nothing.
  // Same-origin paths only: "//host" and "/\\host" would leave the site in the same tab.
  // In the embed, such a page opens in a tab of its own: only the app itself may frame it.
  const samePath = /^\/(?![/\\])/.test(href);
  if (samePath && !embedded) return <a href={href}>{children}</a>;
  if (!samePath && !/^(https?:|mailto:)/i.test(href)) return <>{children}</>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
      <span className="visually-hidden"> {messages.opensInNewTab}</span>
    </a>
  );
}
