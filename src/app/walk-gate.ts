import { SHARE_PARAM, savedWalkKey, WALK_PENDING_CLASS } from "../ui/share/walk-keys.ts";

/**
 * The prerendered page of a guide shows its first step, whatever the address: a static host
 * serves one file for `/flows/x` and `/flows/x?s=…`. When the page will open elsewhere (a
 * share link or a walk saved in this tab; an embed's start step), this classic script, loaded
 * before the body and blocking it (a file, as `script-src 'self'` wants), hides the start
 * until the app has switched to the right step (styles.css, `.walk-pending`). Built on its own
 * by src/build/prerender.ts, which names the page's flow on the tag (`data-flow`, and
 * `data-embed` in an embed); it must stay tiny: every guide's page loads it.
 */
try {
  const { flow = "", embed } = (document.currentScript as HTMLScriptElement).dataset;
  const query = new URLSearchParams(location.search);
  // The embed's catalogue has the embed's gate too, for its look, but no walk (no flow).
  const pending =
    embed !== undefined ? query.has("start") : query.has(SHARE_PARAM) || sessionStorage.getItem(savedWalkKey(flow));
  if (flow && pending) {
    document.documentElement.classList.add(WALK_PENDING_CLASS);
  }
} catch {
  // No storage (a sandboxed frame, private mode): nothing saved to restore, the start is right.
}
