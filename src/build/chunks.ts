/**
 * The browser bundle's one hand-made chunk: the walk. Left to itself, Rolldown makes a chunk for
 * every set of pages that reaches a module, so a wizard step came in five pieces (the walk, the
 * wizard's events and its hydration flag shared with the embed's layout, the walk gate shared with
 * the embed's page), each with its own request and gzip overhead (docs/decisions.md, "The walk is
 * one chunk by name"). Named here, these modules are one chunk whoever imports them: a page that
 * needs any of them loads the walk, and a lazy chunk that imports one of them imports the walk
 * instead of splitting it. Every page that reaches one of them today loads the walk anyway.
 *
 * What is not listed (React, the router, the messages in the main bundle; rich text and the
 * step-kind table that the article shares; the check step's view) keeps Rolldown's own placement.
 */
const WALK_MODULES = [
  // The state machine and its React bridge.
  /[\\/]node_modules[\\/](xstate|@xstate[\\/]react|use-sync-external-store|use-isomorphic-layout-effect)[\\/]/,
  // The engine's part a walk runs: compile, replay, the graph behind progress and personal steps.
  /[\\/]src[\\/]engine[\\/](compile|session|graph)\.ts$/,
  /[\\/]src[\\/]ui[\\/]flows[\\/]flow-machines\.ts$/,
  // Reload-restore, the share panel (a walk shows it from its first step) and the share link's loader;
  // the link's own code loads with the first link opened or copied.
  /[\\/]src[\\/]ui[\\/]share[\\/](walk-keys|fingerprint|saved-walk|share-link-open|share-panel)\.tsx?$/,
  // The walk's views, less the check step's body (a chunk of its own, with the SCIM client) and what the article shares.
  /[\\/]src[\\/]ui[\\/]walk[\\/](?!check-step-body\.|check-result\.|warnings\.)[a-z-]+\.tsx?$/,
  /[\\/]src[\\/]ui[\\/](hydration\.ts|private-input\.tsx)$/,
];

export const isWalkModule = (id: string) => WALK_MODULES.some((pattern) => pattern.test(id));

/** `build.rolldownOptions.output.codeSplitting` for the browser's build. */
export const codeSplitting = {
  groups: [
    {
      name: "walk-view",
      test: isWalkModule,
      // Only the modules named: their imports (React, the messages, rich text) stay where Rolldown puts them.
      includeDependenciesRecursively: false,
    },
  ],
};
