/**
 * The entry of dist/embed.js: `<script src="https://<app>/embed.js" async></script>`.
 * The app's origin is where this script came from, read now: document.currentScript is only
 * set while the script first runs.
 */
import { type ScimTroubleshooterApi, startLoader } from "./core.ts";

declare global {
  interface Window {
    ScimTroubleshooter?: ScimTroubleshooterApi;
  }
}

const src = (document.currentScript as HTMLScriptElement | null)?.src;

// A page that includes the script twice gets one listener; the second copy only rescans.
if (window.ScimTroubleshooter) window.ScimTroubleshooter.scan();
else window.ScimTroubleshooter = startLoader(window, src ? new URL(src).origin : location.origin);
