/**
 * The browser bundle's one hand-made chunk: the walk. Left to itself, Rolldown makes a chunk for
 * every set of pages that reaches a module, so a wizard step came in five pieces (the walk, the
 * wizard's events and hydration flag that the embed's layout shares, the walk gate that the embed's
 * page shares, the wizard's page, what the article shares), each with its own request and gzip's
 * fresh start (docs/decisions.md, "The walk is one chunk by name"). Named here, these modules are one
 * chunk whoever imports them: a page that needs any of them loads the walk, and a lazy chunk that
 * imports one of them imports the walk instead of splitting it.
 *
 * What is not listed keeps Rolldown's own placement: React, the router and the messages in the main
 * bundle; rich text and the step-kind table, which the article shares (it loads no state machine);
 * the check step (a chunk of its own, with the SCIM client); the share link's code (with a first link).
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
  // The walk's views, less the check step's (a chunk of its own, with the SCIM client) and what the article shares.
  /[\\/]src[\\/]ui[\\/]walk[\\/](?!check-step\.|check-step-body\.|check-result\.|warnings\.)[a-z-]+\.tsx?$/,
  /[\\/]src[\\/]ui[\\/](hydration\.ts|private-input\.tsx)$/,
  // The wizard's page, the walk's first user: the embed, the review page and the log reader, which
  // load the walk for its engine and views, carry its 1 KB along.
  /[\\/]src[\\/]features[\\/]wizard[\\/]wizard-page\.tsx$/,
];

export const isWalkModule = (id: string) => WALK_MODULES.some((pattern) => pattern.test(id));

/**
 * What a step's text needs, which the walk and the article share: rich text, warnings, the
 * step-kind table, and the embed flag rich text reads (alone, that flag was a 200 B chunk of its
 * own, since the embed's layout sets it).
 */
const STEP_TEXT_MODULES = [
  /[\\/]src[\\/]ui[\\/](rich-text[\\/]rich-text\.tsx|walk[\\/]warnings\.tsx|embedded\.tsx)$/,
  /[\\/]src[\\/]engine[\\/](step-kinds|input-pattern)\.ts$/,
];

/** The walk's chunk by name: in Vite's manifest, the entry of a module it holds (src/build/prerender.ts). */
export const WALK_CHUNK = "walk-view";

/** `build.rolldownOptions.output.codeSplitting` for the browser's build. */
export const codeSplitting = {
  groups: [
    {
      name: WALK_CHUNK,
      test: isWalkModule,
      // Only the modules named: their imports (React, the messages, rich text) stay where Rolldown puts them.
      includeDependenciesRecursively: false,
    },
    {
      name: "step-text",
      test: (id: string) => STEP_TEXT_MODULES.some((pattern) => pattern.test(id)),
      includeDependenciesRecursively: false,
    },
  ],
};
