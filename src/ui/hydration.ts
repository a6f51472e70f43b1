import { useSyncExternalStore } from "react";

const nothingToWatch = () => () => {};

/**
 * False while React hydrates a prerendered page (and on the server), true from the render
 * after: React renders once with the server's value, then again with the browser's. A page
 * that shows something the prerendered HTML cannot know (a share link, the walk saved in this
 * tab, an embed's options) reads it only once this is true, so that the first render in the
 * browser is the HTML as served and hydrates without a mismatch. Pages the app renders itself
 * (client-side navigation, tests) see true at once.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    nothingToWatch,
    () => true,
    () => false,
  );
}
