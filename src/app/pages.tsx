import { lazy } from "react";

/** The wizard page's chunk: preload.ts asks for it before React has started. */
export const wizardChunk = () => import("../features/wizard/wizard-page.tsx");

// Each page is its own chunk: the catalogue loads no state machine, the wizard no search index.
export const CataloguePage = lazy(() =>
  import("../features/catalogue/catalogue-page.tsx").then((m) => ({ default: m.CataloguePage })),
);
export const WizardPage = lazy(() => wizardChunk().then((m) => ({ default: m.WizardPage })));
export const ArticlePage = lazy(() =>
  import("../features/article/article-page.tsx").then((m) => ({ default: m.ArticlePage })),
);
export const ReviewPage = lazy(() =>
  import("../features/review/review-page.tsx").then((m) => ({ default: m.ReviewPage })),
);
export const LogsPage = lazy(() => import("../features/logs/logs-page.tsx").then((m) => ({ default: m.LogsPage })));
export const EmbedWizardPage = lazy(() =>
  import("../features/embed/embed-pages.tsx").then((m) => ({ default: m.EmbedWizardPage })),
);
/** `/embed`: the catalogue page, its links kept inside the embed. Pages never import each other: app composes them. */
export const EmbedCataloguePage = lazy(async () => {
  const [{ CataloguePage }, { useEmbedFlowHref }] = await Promise.all([
    import("../features/catalogue/catalogue-page.tsx"),
    import("../features/embed/embed-pages.tsx"),
  ]);
  return { default: () => <CataloguePage flowHref={useEmbedFlowHref()} forSupport={false} /> };
});
// The embed's chrome (host messages, theming) is for framed pages only.
export const EmbedLayout = lazy(() =>
  import("../features/embed/embed-layout.tsx").then((m) => ({ default: m.EmbedLayout })),
);
