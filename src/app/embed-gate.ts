import { parseEmbedQuery } from "../embed-loader/options.ts";
import { applyEmbedLook } from "../features/embed/apply-look.ts";
import "./walk-gate.ts";

/**
 * The early gate of an embed's pages: the walk gate (a host's start step), and the host's look
 * (theme, accent, compact) from the frame's query before the first paint, so that a dark embed
 * never paints light first. Built on its own by src/build/prerender.ts, like the walk gate.
 */
applyEmbedLook(document.documentElement, parseEmbedQuery(location.search));
