import type { RouteObject } from "react-router";
import { ArticlePage } from "../features/article/article-page";
import { CataloguePage } from "../features/catalogue/catalogue-page";
import {
  type ConnectionMode,
  ConnectionProvider,
  type DemoTenantAccess,
} from "../features/connection/connection-context";
import { EmbedCataloguePage, EmbedLayout, EmbedWizardPage } from "../features/embed/embed-pages";
import { WizardPage } from "../features/wizard/wizard-page";
import { Layout, NotFound, RouteError } from "./layout";

/** What the routes are handed: the demo tenant of this environment and connection defaults. */
export interface AppServices {
  demo?: DemoTenantAccess;
  faults?: string[];
  initialMode?: ConnectionMode;
  timeoutMs?: number;
}

/** The public routes (DESIGN.md): keep these paths stable, help centers link to them. */
export function createRoutes(services: AppServices): RouteObject[] {
  return [
    {
      element: (
        <ConnectionProvider
          demo={services.demo}
          initialFaults={services.faults}
          initialMode={services.initialMode}
          timeoutMs={services.timeoutMs}
        >
          <Layout />
        </ConnectionProvider>
      ),
      errorElement: <RouteError />,
      children: [
        { path: "/", element: <CataloguePage /> },
        { path: "/flows/:flowId", element: <WizardPage /> },
        { path: "/flows/:flowId/article", element: <ArticlePage /> },
        { path: "*", element: <NotFound /> },
      ],
    },
    {
      path: "/embed",
      element: <EmbedLayout demo={services.demo} />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <EmbedCataloguePage /> },
        { path: ":flowId", element: <EmbedWizardPage /> },
      ],
    },
  ];
}
