/**
 * What marked is never handed (issue 12 point 7). Its lexer recurses once per
 * level of nesting, so 20,000 nested `>` (or `- `, or `*`) overflow the stack,
 * and long deeply emphasised text takes seconds before it does. The real
 * flows' texts nest two levels at most and are under 1,000 characters; these
 * limits are far above that and far below trouble.
 */
export const MAX_MARKDOWN_LENGTH = 5_000;
export const MAX_MARKDOWN_NESTING = 8;

/** Why a Markdown text is refused unread, or undefined when marked may read it. */
export function markdownTooComplex(source: string): string | undefined {
  if (source.length > MAX_MARKDOWN_LENGTH) return `text is longer than ${MAX_MARKDOWN_LENGTH} characters`;
  if (blockNesting(source) > MAX_MARKDOWN_NESTING)
    return `quotes and lists are nested more than ${MAX_MARKDOWN_NESTING} levels deep`;
  if (inlineNesting(source) > MAX_MARKDOWN_NESTING)
    return `emphasis and links are nested more than ${MAX_MARKDOWN_NESTING} levels deep`;
  return undefined;
}

const isDigit = (char: string | undefined) => char !== undefined && char >= "0" && char <= "9";
const endsMarker = (char: string | undefined) => char === undefined || char === " " || char === "\t";

/** The length of the list marker (`-`, `*`, `+`, `1.`, `1)`) at `i`, or 0 when there is none. */
function listMarkerAt(line: string, i: number): number {
  if ("-*+".includes(line[i])) return endsMarker(line[i + 1]) ? 1 : 0;
  let end = i;
  while (isDigit(line[end]) && end - i < 9) end++;
  if (end === i || (line[end] !== "." && line[end] !== ")")) return 0;
  return endsMarker(line[end + 1]) ? end - i + 1 : 0;
}

/** The most containers one line sits in: quote markers, list markers, and a level per two columns of indent. */
function blockNesting(source: string): number {
  let deepest = 0;
  for (const line of source.split("\n")) {
    let markers = 0;
    let indent = 0;
    for (let i = 0; i < line.length; ) {
      const char = line[i];
      if (char === " " || char === "\t") {
        indent += char === "\t" ? 4 : 1;
        i++;
      } else if (char === ">") {
        markers++;
        i++;
      } else {
        const marker = listMarkerAt(line, i);
        if (marker === 0) break;
        markers++;
        i += marker;
      }
    }
    deepest = Math.max(deepest, markers + Math.floor(indent / 2));
  }
  return deepest;
}

const isSpace = (char: string | undefined) => char === undefined || /\s/.test(char);
const isPunctuation = (char: string | undefined) => char !== undefined && /[\p{P}\p{S}]/u.test(char);

/**
 * How deep emphasis and link brackets may open before they close, read the
 * way CommonMark reads delimiters: a run of `*`, `_` or `~` before a word
 * opens, after one closes. A run of more than three is as deep as it is long.
 */
function inlineNesting(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === "\\") i++;
    else if (char === "`") {
      // A code span's text is not Markdown: skip to the run of backticks that closes it.
      let end = i;
      while (source[end + 1] === "`") end++;
      const fence = source.slice(i, end + 1);
      const close = source.indexOf(fence, end + 1);
      i = close === -1 ? end : close + fence.length - 1;
    } else if (char === "[") depth++;
    else if (char === "]") depth = Math.max(0, depth - 1);
    else if (char === "*" || char === "_" || char === "~") {
      let end = i;
      while (source[end + 1] === char) end++;
      const run = end - i + 1;
      if (run > 3) return run;
      const before = source[i - 1];
      const after = source[end + 1];
      const opens = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
      const closes = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
      if (opens && !closes) depth++;
      else if (closes && !opens) depth = Math.max(0, depth - 1);
      i = end;
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}
