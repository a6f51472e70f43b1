/**
 * Flow content safety, second line of defence. flows:check already rejects the
 * broken fixtures (test/engine/lint-rules.test.ts). Here a BuiltFlow is built by
 * hand, as if an attacker had got past the build, with a rich-text index full of
 * what they would try: markup in text and code, script-running link schemes,
 * links to another origin, node kinds RichText does not know. Rendered with
 * RichText in jsdom, every one must be inert: no element that runs or loads
 * anything, the text shown literally, unsafe links as plain text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { render, screen } from "@testing-library/react";
import type { BuiltFlow } from "../../src/engine/built-flow.ts";
import { parseMarkdown } from "../../src/engine/markdown.ts";
import { parseFlowSource } from "../../src/engine/parse.ts";
import type { Block, Inline, RichText as Tree } from "../../src/engine/rich-text-tree.ts";
import { RichText } from "../../src/ui/rich-text/rich-text.tsx";

const SCRIPT = "<script>alert(1)</script>";
const IMG = "<img src=x onerror=alert(1)>";
const SVG = '"><svg onload=alert(1)>';
const IFRAME = '<iframe src="javascript:alert(1)"></iframe>';
const STYLE = "<style>body{display:none}</style>";

const text = (v: string): Inline => ({ t: "text", v });
const p = (...c: Inline[]): Block => ({ t: "p", c });
const link = (href: string, label: string): Inline => ({ t: "link", href, c: [text(label)] });

/** Link targets that must never become a clickable <a>, each with the label it carries. */
const UNSAFE_LINKS: [href: string, label: string][] = [
  ["javascript:alert(1)", "js link"],
  ["JaVaScRiPt:alert(1)", "mixed-case js link"],
  [" javascript:alert(1)", "js link with a leading space"],
  ["\tjavascript:alert(1)", "js link with a leading tab"],
  ["java\nscript:alert(1)", "js link split by a newline"],
  ["data:text/html,<script>alert(1)</script>", "data html link"],
  ["data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "data base64 link"],
  ["vbscript:msgbox(1)", "vbscript link"],
  ["file:///etc/passwd", "file link"],
];

/** Links that leave the app without looking external: they must not render as a same-tab <a> to another origin. */
const DISGUISED_EXTERNAL: [href: string, label: string][] = [
  ["//evil.example/phish", "protocol-relative link"],
  ["/\\evil.example/phish", "backslash protocol-relative link"],
];

const SOURCES = {
  text: "hostile text",
  code: "hostile code",
  formatting: "hostile formatting",
  links: "hostile links",
  safe: "safe links",
  unknown: "unknown node kinds",
  warning: "hostile warning",
  substep: "hostile substep",
} as const;

const index: Record<string, Tree> = {
  [SOURCES.text]: [p(text(`Click ${SCRIPT} here.`)), p(text(`See ${IMG} this.`)), p(text(IFRAME), text(STYLE))],
  [SOURCES.code]: [p({ t: "code", v: SCRIPT }, { t: "code", v: IMG }, { t: "code", v: IFRAME })],
  [SOURCES.formatting]: [
    p({ t: "strong", c: [text(SVG)] }, { t: "em", c: [text(SCRIPT)] }, { t: "br" }),
    { t: "ul", items: [[p(text(IMG))]] },
    { t: "ol", start: 3, items: [[p(text(SCRIPT))]] },
    { t: "quote", c: [p(text(STYLE))] },
  ],
  [SOURCES.links]: [p(...UNSAFE_LINKS.map(([href, label]) => link(href, label)))],
  // One source per link too, so each renders alone.
  ...Object.fromEntries(
    [...UNSAFE_LINKS, ...DISGUISED_EXTERNAL].map(([href, label]) => [href, [p(link(href, label))]]),
  ),
  [SOURCES.safe]: [
    p(
      link("https://learn.microsoft.com/entra/", SCRIPT),
      link("mailto:support@example.com", "mail support"),
      link("/flows/error-500", "the Error 500 guide"),
    ),
  ],
  // Node kinds RichText does not know (raw HTML, an image) must render as nothing at all.
  [SOURCES.unknown]: [
    { t: "html", v: SCRIPT } as unknown as Block,
    p(
      { t: "html", v: IMG } as unknown as Inline,
      { t: "image", src: "x", alt: "x" } as unknown as Inline,
      text("after"),
    ),
  ],
  [SOURCES.warning]: [p(text(IMG), link("javascript:alert(1)", "warning link"))],
  [SOURCES.substep]: [p(text(SCRIPT), link("data:text/html,hi", "substep link"))],
};

/** A flow as the browser would receive it, but with a hostile rich-text index. */
const hostileFlow: BuiltFlow = {
  version: 1,
  id: "hostile",
  title: "Hostile content",
  summary: "Everything an attacker would try to get past the build.",
  symptoms: ["xss"],
  tags: [],
  steps: [
    {
      id: "read",
      kind: "instruction",
      where: "entra",
      title: "Read this",
      body: SOURCES.text,
      substeps: [SOURCES.substep],
      warnings: [SOURCES.warning],
      next: "done",
    },
    { id: "done", kind: "outcome", title: "Done", result: "resolved", body: SOURCES.links },
  ],
  richText: index,
  checks: {},
};

const DANGEROUS =
  "script, img, iframe, frame, object, embed, svg, math, style, link, meta, base, form, input, video, audio";

/** What holds for any rendered flow text: nothing that runs or loads, no event handler, no unsafe href. */
function expectInert(container: HTMLElement): void {
  expect(container.querySelectorAll(DANGEROUS)).toHaveLength(0);
  for (const el of container.querySelectorAll("*")) {
    for (const attr of el.getAttributeNames()) {
      expect(attr, `<${el.tagName.toLowerCase()} ${attr}>`).not.toMatch(/^on|^srcdoc$|^style$|^formaction$/i);
    }
  }
  for (const a of container.querySelectorAll("a")) {
    const href = a.getAttribute("href") ?? "";
    const url = new URL(href, window.location.href);
    expect(["http:", "https:", "mailto:"], `href ${JSON.stringify(href)}`).toContain(url.protocol);
    if (url.protocol === "mailto:" || url.origin !== window.location.origin) {
      // Leaving the app: a new tab that gets no handle on this page and no referrer.
      expect(a, `href ${JSON.stringify(href)}`).toHaveAttribute("target", "_blank");
      expect(a.getAttribute("rel")?.split(/\s+/)).toEqual(expect.arrayContaining(["noopener", "noreferrer"]));
    }
  }
}

function renderSource(source: string, inline = false) {
  return render(<RichText source={source} index={hostileFlow.richText} inline={inline} />);
}

describe.each([false, true])("RichText renders hostile flow text inert (inline: %s)", (inline) => {
  test("markup in text nodes shows literally and creates no element", () => {
    const { container } = renderSource(SOURCES.text, inline);
    expectInert(container);
    expect(container.textContent).toContain(`Click ${SCRIPT} here.`);
    expect(container.textContent).toContain(`See ${IMG} this.`);
    expect(container.textContent).toContain(IFRAME);
    expect(container.textContent).toContain(STYLE);
    expect(container.innerHTML).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  test("markup in code spans and formatting shows literally", () => {
    for (const source of [SOURCES.code, SOURCES.formatting]) {
      const { container, unmount } = renderSource(source, inline);
      expectInert(container);
      expect(container.textContent).toContain(SCRIPT);
      unmount();
    }
    const { container } = renderSource(SOURCES.formatting, inline);
    expect(container.querySelector("strong")?.textContent).toBe(SVG);
    expect(container.querySelector("em")?.textContent).toBe(SCRIPT);
    expect(container.querySelector("ol")).toHaveAttribute("start", "3");
  });

  test.each(UNSAFE_LINKS)("a link to %j renders as plain text, not as <a>", (href, label) => {
    const { container } = renderSource(href, inline);
    expectInert(container);
    expect(container.querySelectorAll("a")).toHaveLength(0);
    expect(container.textContent).toBe(label);
    expect(container.innerHTML).not.toContain(href.trim().slice(0, 10));
  });

  test("all unsafe links in one paragraph: labels shown, no <a> at all", () => {
    const { container } = renderSource(SOURCES.links, inline);
    expectInert(container);
    expect(container.querySelectorAll("a")).toHaveLength(0);
    expect(container.textContent).toBe(UNSAFE_LINKS.map(([, label]) => label).join(""));
  });

  test("safe links: external ones open in a new tab without opener or referrer, app links stay in the tab", () => {
    const { container } = renderSource(SOURCES.safe, inline);
    expectInert(container);
    const external = screen.getByRole("link", { name: /^<script>alert\(1\)<\/script>\s*\(opens in a new tab\)$/ });
    expect(external).toHaveAttribute("href", "https://learn.microsoft.com/entra/");
    expect(external).toHaveAttribute("rel", "noopener noreferrer");
    expect(screen.getByRole("link", { name: /mail support/ })).toHaveAttribute("href", "mailto:support@example.com");
    const internal = screen.getByRole("link", { name: "the Error 500 guide" });
    expect(internal).toHaveAttribute("href", "/flows/error-500");
    expect(internal).not.toHaveAttribute("target");
  });

  test("node kinds RichText does not know render nothing", () => {
    const { container } = renderSource(SOURCES.unknown, inline);
    expectInert(container);
    expect(container.textContent).toBe("after");
  });

  test("text missing from the index falls back to literal text", () => {
    const { container } = render(<RichText source={`${SCRIPT}${IMG}`} index={{}} inline={inline} />);
    expectInert(container);
    expect(container.textContent).toBe(`${SCRIPT}${IMG}`);
  });
});

// The build only lets `/flows/<id>` through as an app link; RichText's own check accepts any "/"
// prefix, so "//host" and "/\host" (which browsers read as "//host") would leave the app in the same tab.
test.each(DISGUISED_EXTERNAL)("a link to %j does not leave the app as a same-tab link", (href, label) => {
  const { container } = renderSource(href);
  expect(container.textContent).toContain(label);
  expectInert(container);
});

test("every Markdown string of the hand-built flow (bodies, sub-steps, warnings) renders inert", () => {
  const sources = hostileFlow.steps.flatMap((s) => [
    ...(s.body ? [s.body] : []),
    ...(s.warnings ?? []),
    ...("substeps" in s ? (s.substeps ?? []) : []),
  ]);
  expect(sources).toHaveLength(4);
  for (const source of sources) {
    const { container, unmount } = renderSource(source);
    expectInert(container);
    expect(container.querySelectorAll("a")).toHaveLength(0);
    unmount();
  }
});

describe("the broken fixtures' Markdown, even when its tree is rendered anyway", () => {
  const broken = join(import.meta.dirname, "../fixtures/flows/broken");
  test.each([
    ["markdown-script.yaml", "alert(1)"],
    ["markdown-img-onerror.yaml", "this."],
    ["markdown-javascript-link.yaml", "Open"],
    ["markdown-data-link.yaml", "Open"],
  ])("%s: the build reports it, and what the tree keeps (%j) renders inert", (file, kept) => {
    const source = /^\s*body: '(.*)'$/m.exec(readFileSync(join(broken, file), "utf8"))?.[1];
    expect(source).toBeTruthy();
    const { tree, problems } = parseMarkdown(source as string);
    expect(problems.length).toBeGreaterThan(0);
    const { container } = render(<RichText source="fixture" index={{ fixture: tree }} />);
    expectInert(container);
    expect(container.querySelectorAll("a")).toHaveLength(0);
    expect(container.textContent).toContain(kept);
  });

  test("the YAML alias bomb is refused quickly, without expanding it", () => {
    const started = performance.now();
    const { flow, issues } = parseFlowSource("alias-bomb.yaml", readFileSync(join(broken, "alias-bomb.yaml"), "utf8"));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(flow).toBeUndefined();
    expect(issues.map((i) => i.message).join("\n")).toMatch(/alias bomb/);
  });
});
