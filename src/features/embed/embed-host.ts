import { useEffect } from "react";
import type { WizardEvent } from "../../ui/walk/wizard-events.tsx";

/**
 * Talks to the help-center page that frames this embed: the wizard's events
 * and the content height, in the protocol of src/embed-loader/protocol.ts.
 * The target origin is "*" because the embed cannot know its host; the
 * messages carry ids and fixed words only, never a token or an answer. The
 * embed listens to no message at all, so nothing a page posts can steer it.
 */
const framed = () => typeof window !== "undefined" && window.parent !== window;

export function postToHost(event: WizardEvent): void {
  if (framed()) window.parent.postMessage({ scimTroubleshooter: 1, ...event }, "*");
}

/** Reports the document height whenever it changes, so the host's iframe never scrolls. */
export function useReportHeight(): void {
  useEffect(() => {
    if (!framed() || typeof ResizeObserver === "undefined") return;
    let last = -1;
    const report = () => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        window.parent.postMessage({ scimTroubleshooter: 1, type: "resize", height }, "*");
      }
    };
    const observer = new ResizeObserver(report);
    observer.observe(document.documentElement);
    // Chromium pauses ResizeObserver (and animation frames) in an off-screen cross-origin
    // frame, so an embed below the fold would keep a stale height: DOM changes report too,
    // measuring with a forced layout, which still works there.
    let pending: ReturnType<typeof setTimeout> | undefined;
    const mutations = new MutationObserver(() => {
      clearTimeout(pending);
      pending = setTimeout(report, 30);
    });
    mutations.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    report();
    return () => {
      observer.disconnect();
      mutations.disconnect();
      clearTimeout(pending);
    };
  }, []);
}
