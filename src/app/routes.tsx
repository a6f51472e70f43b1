import type { RouteObject } from "react-router";
import { ArticlePage } from "../features/article/article-page";
import { CataloguePage } from "../features/catalogue/catalogue-page";
import { WizardPage } from "../features/wizard/wizard-page";
import { Layout, NotFound, RouteError } from "./layout";

/** The public routes (DESIGN.md): keep these paths stable, help centers link to them. */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { path: "/", element: <CataloguePage /> },
      { path: "/flows/:flowId", element: <WizardPage /> },
      { path: "/flows/:flowId/article", element: <ArticlePage /> },
      { path: "*", element: <NotFound /> },
    ],
  },
];
