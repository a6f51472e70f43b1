import { Lexer, type Token, type Tokens } from "marked";
import { markdownTooComplex } from "./markdown-limits.ts";
import type { Block, Inline, RichText } from "./rich-text-tree.ts";

/**
 * Build-time only (Node): Markdown → RichText, refusing anything that could
 * become markup or run code. The result holds only the node kinds RichText
 * knows, so rendering it cannot inject HTML whatever a flow file says.
 */

export interface MarkdownResult {
  tree: RichText;
  problems: string[];
  /** Links into the app (`/flows/<id>`), for the "unknown flow" rule. */
  flowLinks: string[];
}

const SAFE_SCHEME = /^(https?:|mailto:)/i;
const APP_FLOW_LINK = /^\/flows\/([a-z0-9-]+)(?:\/article)?$/;
/** The app's other pages a guide may link to (DESIGN.md routes): the provisioning-log reader. */
const APP_PAGE_LINK = /^\/logs$/;

export function parseMarkdown(source: string): MarkdownResult {
  const problems: string[] = [];
  const flowLinks: string[] = [];

  const inline = (tokens: Token[] | undefined): Inline[] =>
    (tokens ?? []).flatMap((token): Inline[] => {
      switch (token.type) {
        case "text":
          return "tokens" in token && token.tokens ? inline(token.tokens) : [{ t: "text", v: token.text }];
        case "escape":
          return [{ t: "text", v: token.text }];
        case "strong":
          return [{ t: "strong", c: inline(token.tokens) }];
        case "em":
          return [{ t: "em", c: inline(token.tokens) }];
        case "codespan":
          return [{ t: "code", v: token.text }];
        case "br":
          return [{ t: "br" }];
        case "link":
          return [link(token as Tokens.Link)];
        case "html":
          problems.push(`raw HTML is not allowed: ${JSON.stringify(token.text.slice(0, 40))}`);
          return [];
        case "image":
          problems.push("images are not allowed in flow text");
          return [];
        default:
          problems.push(`Markdown "${token.type}" is not supported here`);
          return [];
      }
    });

  const link = (token: Tokens.Link): Inline => {
    const href = token.href.trim();
    const appLink = APP_FLOW_LINK.exec(href);
    if (appLink) flowLinks.push(appLink[1]);
    else if (!SAFE_SCHEME.test(href) && !APP_PAGE_LINK.test(href)) {
      problems.push(`link "${href.slice(0, 60)}" is not allowed: only http(s), mailto, /flows/<id> and /logs links`);
      return { t: "text", v: token.text };
    }
    return { t: "link", href, c: inline(token.tokens) };
  };

  const blocks = (tokens: Token[]): Block[] =>
    tokens.flatMap((token): Block[] => {
      switch (token.type) {
        case "space":
          return [];
        case "paragraph":
          return [{ t: "p", c: inline(token.tokens) }];
        case "text":
          // A tight list item holds a bare text token rather than a paragraph.
          return [{ t: "p", c: inline("tokens" in token ? token.tokens : [token]) }];
        case "list": {
          const list = token as Tokens.List;
          const items = list.items.map((item) => blocks(item.tokens));
          return list.ordered
            ? [{ t: "ol", start: typeof list.start === "number" ? list.start : 1, items }]
            : [{ t: "ul", items }];
        }
        case "blockquote":
          return [{ t: "quote", c: blocks(token.tokens ?? []) }];
        case "html":
          problems.push(`raw HTML is not allowed: ${JSON.stringify(token.text.slice(0, 40))}`);
          return [];
        default:
          problems.push(
            `Markdown "${token.type}" is not supported here (use paragraphs, lists, emphasis, code and links)`,
          );
          return [];
      }
    });

  const refused = markdownTooComplex(source);
  if (refused) return { tree: [], problems: [refused], flowLinks };
  let tokens: Token[];
  try {
    tokens = Lexer.lex(source);
  } catch (error) {
    // The limits above should keep marked off this path; should a text still reach it, it is a lint message.
    if (!(error instanceof RangeError)) throw error;
    return { tree: [], problems: ["text is nested too deeply to read"], flowLinks };
  }
  const tree = blocks(tokens);
  return { tree, problems, flowLinks };
}
