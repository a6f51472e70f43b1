import type { BuiltFlow } from "../engine/built-flow.ts";
import { articleMessages } from "../ui/messages/article.ts";
import { logsMessages } from "../ui/messages/logs.ts";
import { messages } from "../ui/messages/messages.ts";
import { reviewMessages } from "../ui/messages/review.ts";

const titled = (page: string) => `${page} · ${messages.appName}`;

/**
 * Every public page prerendered at build time (DESIGN.md's routes), with the source modules
 * its first render needs beyond the main bundle: the page's chunk (src/app/pages.tsx) and its
 * flow. Their chunks, and what those import, are named in the page's HTML as module preloads,
 * so that the browser fetches them beside the main bundle instead of after it.
 */
export interface PrerenderedPage {
  path: string;
  /** Where in dist/ it goes: `/flows/x` as `flows/x.html`, as static hosts look for it. */
  file: string;
  description?: string;
  /** The page's own title, for search results, tabs and bookmarks (the app's name alone on `/`). */
  title?: string;
  modules: string[];
  /** A guide's walk, which may open elsewhere than its first step (share link, saved walk, embed start). */
  walk?: { flowId: string };
  /** An embed's page: it gets the embed's early gate (the host's look, and its start step). */
  embed?: true;
}

const CATALOGUE = "src/features/catalogue/catalogue-page.tsx";
const WIZARD = "src/features/wizard/wizard-page.tsx";
const ARTICLE = "src/features/article/article-page.tsx";
const REVIEW = "src/features/review/review-page.tsx";
const LOGS = "src/features/logs/logs-page.tsx";
const EMBED_LAYOUT = "src/features/embed/embed-layout.tsx";
const EMBED_PAGES = "src/features/embed/embed-pages.tsx";
/** A check step's wiring and view are a chunk of its own (src/ui/walk/step-views.tsx). */
const CHECK_VIEW = "src/ui/walk/check-step.tsx";

/** The flows plugin's module of one flow (src/build/flows-plugin.ts). */
const flowModule = (id: string) => `virtual:flow/${id}`;
/** The coordinates of one flow's map (src/build/flow-maps-plugin.ts), drawn on its article page. */
const mapModule = (id: string) => `virtual:map/${id}`;

function firstStep(flow: BuiltFlow): string[] {
  return [flowModule(flow.id), ...(flow.steps[0]?.kind === "check" ? [CHECK_VIEW] : [])];
}

export function prerenderedPages(flows: readonly BuiltFlow[]): PrerenderedPage[] {
  return [
    { path: "/", file: "index.html", modules: [CATALOGUE] },
    { path: "/review", file: "review.html", title: titled(reviewMessages.heading), modules: [REVIEW] },
    { path: "/logs", file: "logs.html", title: titled(logsMessages.heading), modules: [LOGS] },
    { path: "/embed", file: "embed.html", embed: true, modules: [EMBED_LAYOUT, CATALOGUE, EMBED_PAGES] },
    ...flows.flatMap((flow): PrerenderedPage[] => [
      {
        path: `/flows/${flow.id}`,
        file: `flows/${flow.id}.html`,
        title: titled(flow.title),
        description: flow.summary,
        modules: [WIZARD, ...firstStep(flow)],
        walk: { flowId: flow.id },
      },
      {
        path: `/flows/${flow.id}/article`,
        file: `flows/${flow.id}/article.html`,
        title: titled(`${flow.title} (${articleMessages.titleSuffix})`),
        description: flow.summary,
        modules: [ARTICLE, flowModule(flow.id), mapModule(flow.id)],
      },
      {
        path: `/embed/${flow.id}`,
        file: `embed/${flow.id}.html`,
        title: titled(flow.title),
        description: flow.summary,
        modules: [EMBED_LAYOUT, EMBED_PAGES, ...firstStep(flow)],
        walk: { flowId: flow.id },
        embed: true,
      },
    ]),
  ];
}

/** Served for every address that is no page (status 404), rendered as the app's Not found page. */
export const NOT_FOUND_PAGE = { path: "/404", file: "404.html" };
