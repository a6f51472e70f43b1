import { loadFlow } from "../ui/flows/flow-loader.ts";
import { wizardChunk } from "./pages.tsx";

/**
 * A second, tiny entry that index.html runs before main.tsx: it starts
 * fetching the first page's chunk and its flow while the browser is still
 * evaluating React, instead of after (a loopback round trip saved is small;
 * the evaluation time of react-dom on a slow machine is not).
 */
const { pathname } = window.location;
const flowId = /^\/(?:flows|embed)\/([a-z0-9-]+)/.exec(pathname)?.[1];
if (flowId) void loadFlow(flowId);
if (pathname.startsWith("/flows/") && !pathname.endsWith("/article")) void wizardChunk();
