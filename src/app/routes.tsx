import { lazy } from "react";
import { Route, Routes } from "react-router";
import {
  type ConnectionMode,
  ConnectionProvider,
  type DemoTenantAccess,
} from "../features/connection/connection-context";
import { EmbedLayout } from "../features/embed/embed-layout";
import { loadFlow } from "../features/flows/flow-loader";
import { ErrorBoundary } from "./error-boundary";
import { Layout, NotFound } from "./layout";

// Each page is its own chunk: the catalogue loads no state machine, the wizard no search index.
const CataloguePage = lazy(() =>
  import("../features/catalogue/catalogue-page").then((m) => ({ default: m.CataloguePage })),
);
const wizardChunk = () => import("../features/wizard/wizard-page");
const WizardPage = lazy(() => wizardChunk().then((m) => ({ default: m.WizardPage })));
const ArticlePage = lazy(() => import("../features/article/article-page").then((m) => ({ default: m.ArticlePage })));
const EmbedWizardPage = lazy(() =>
  import("../features/embed/embed-pages").then((m) => ({ default: m.EmbedWizardPage })),
);
const EmbedCataloguePage = lazy(() =>
  import("../features/embed/embed-pages").then((m) => ({ default: m.EmbedCataloguePage })),
);

/**
 * Starts fetching what the first page needs before React renders, so that
 * the page chunk and the flow chunk load side by side, not one after the other.
 */
export function preloadRoute(pathname: string): void {
  const flowId = /^\/(?:flows|embed)\/([a-z0-9-]+)/.exec(pathname)?.[1];
  if (flowId) void loadFlow(flowId);
  if (pathname.startsWith("/flows/") && !pathname.endsWith("/article")) void wizardChunk();
}

/** What the routes are handed: the demo tenant of this environment and connection defaults. */
export interface AppServices {
  demo?: DemoTenantAccess;
  faults?: string[];
  initialMode?: ConnectionMode;
  timeoutMs?: number;
}

/**
 * The public routes (DESIGN.md): keep these paths stable, help centers link to them.
 * Declarative routes: the app uses no loaders or actions, and this mode is half the size.
 */
export function AppRoutes({ services }: { services: AppServices }) {
  const site = (
    <ConnectionProvider
      demo={services.demo}
      initialFaults={services.faults}
      initialMode={services.initialMode}
      timeoutMs={services.timeoutMs}
    >
      <Layout />
    </ConnectionProvider>
  );
  return (
    <ErrorBoundary>
      <Routes>
        <Route element={site}>
          <Route index element={<CataloguePage />} />
          <Route path="flows/:flowId" element={<WizardPage />} />
          <Route path="flows/:flowId/article" element={<ArticlePage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route path="embed" element={<EmbedLayout demo={services.demo} />}>
          <Route index element={<EmbedCataloguePage />} />
          <Route path=":flowId" element={<EmbedWizardPage />} />
        </Route>
      </Routes>
    </ErrorBoundary>
  );
}
