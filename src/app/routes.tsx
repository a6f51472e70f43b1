import { Suspense } from "react";
import { Route, Routes } from "react-router";
import {
  type ConnectionMode,
  ConnectionProvider,
  type DemoTenantAccess,
} from "../ui/connection/connection-context.tsx";
import { FlowLoadBoundary } from "../ui/flows/flow-load-status.tsx";
import { AppErrorBoundary } from "./error-boundary.tsx";
import { Layout, NotFound } from "./layout.tsx";
import {
  ArticlePage,
  CataloguePage,
  EmbedCataloguePage,
  EmbedLayout,
  EmbedWizardPage,
  LogsPage,
  ReviewPage,
  WizardPage,
} from "./pages.tsx";

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
    <AppErrorBoundary>
      <Routes>
        <Route element={site}>
          <Route index element={<CataloguePage />} />
          <Route element={<FlowLoadBoundary />}>
            <Route path="flows/:flowId" element={<WizardPage />} />
            <Route path="flows/:flowId/article" element={<ArticlePage />} />
          </Route>
          <Route path="review" element={<ReviewPage />} />
          <Route path="logs" element={<LogsPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
        <Route
          path="embed"
          element={
            <Suspense fallback={null}>
              <EmbedLayout demo={services.demo} />
            </Suspense>
          }
        >
          <Route index element={<EmbedCataloguePage />} />
          <Route element={<FlowLoadBoundary />}>
            <Route path=":flowId" element={<EmbedWizardPage />} />
          </Route>
        </Route>
      </Routes>
    </AppErrorBoundary>
  );
}
