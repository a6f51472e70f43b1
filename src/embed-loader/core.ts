import { CONTAINER_SELECTOR, FRAME, MOUNTED, mount } from "./mount.ts";
import { parseEmbedMessage } from "./protocol.ts";

export interface ScimTroubleshooterApi {
  /** Mounts every container not yet mounted (under `root`, default the document); returns how many. */
  scan(root?: ParentNode): number;
  /** Stops listening and observing; mounted iframes stay but no longer resize or report. */
  stop(): void;
}

// A real page is never shorter than a heading and a button, nor longer than this.
const MIN_HEIGHT = 100;
const MAX_HEIGHT = 10_000;

/**
 * Starts the loader on a page: mounts the containers there now and those added later, and
 * relays the iframes' messages. One message listener serves every embed on the page.
 */
export function startLoader(win: Window, defaultOrigin: string): ScimTroubleshooterApi {
  const doc = win.document;

  const scan = (root: ParentNode = doc) => {
    let count = 0;
    for (const el of root.querySelectorAll(CONTAINER_SELECTOR)) {
      if (!el.hasAttribute(MOUNTED) && mount(el, defaultOrigin)) count++;
    }
    return count;
  };

  const onMessage = (event: MessageEvent) => {
    // Looked up in the DOM at each message, so removed embeds need no bookkeeping.
    for (const frame of doc.querySelectorAll<HTMLIFrameElement>(`iframe[${FRAME}]`)) {
      // The source must be this very iframe's window (other frames cannot forge it), and the
      // origin must be the app's (the iframe may have navigated elsewhere).
      if (!event.source || event.source !== frame.contentWindow) continue;
      const message = event.origin === new URL(frame.src).origin && parseEmbedMessage(event.data);
      if (!message) return;
      if (message.type === "resize") {
        frame.style.height = `${Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(message.height)))}px`;
      } else {
        const { scimTroubleshooter: _, type, ...detail } = message;
        frame.parentElement?.dispatchEvent(new CustomEvent(`scim-troubleshooter:${type}`, { detail, bubbles: true }));
      }
      return;
    }
  };

  // Containers added later (single-page help centers) are mounted as they appear.
  const observer = new MutationObserver(() => scan());
  const start = () => {
    scan();
    observer.observe(doc.documentElement, { childList: true, subtree: true });
  };
  win.addEventListener("message", onMessage);
  // While the page is still parsing, a container's fallback link may not be there yet: wait.
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start, { once: true });
  else start();

  return {
    scan,
    stop() {
      win.removeEventListener("message", onMessage);
      doc.removeEventListener("DOMContentLoaded", start);
      observer.disconnect();
    },
  };
}
