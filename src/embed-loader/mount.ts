import { embedPath, hostFlowId } from "./options.ts";

/** What the loader looks for: `<div data-scim-troubleshooter="…">` or `<scim-troubleshooter flow="…">`. */
export const CONTAINER_SELECTOR = "[data-scim-troubleshooter],scim-troubleshooter";
/** Marks a processed container, so a second scan (or a second copy of the script) adds nothing. */
export const MOUNTED = "data-scim-mounted";
/** Marks the loader's iframes; the message listener looks only at these. */
export const FRAME = "data-scim-frame";

// Room for the first step before the embed reports its real height.
const INITIAL_HEIGHT = "480px";

/**
 * Replaces the container's fallback content with an iframe on the embed route. Returns the
 * iframe, or undefined when the container names no usable app origin.
 */
export function mount(el: Element, defaultOrigin: string): HTMLIFrameElement | undefined {
  // The custom element takes plain attributes (flow, accent…), the div data-* ones.
  const custom = el.localName === "scim-troubleshooter";
  const get = (name: string) => el.getAttribute(custom ? name : `data-${name}`);
  const has = (name: string) => el.hasAttribute(custom ? name : `data-${name}`);
  let origin: string;
  try {
    origin = new URL(get("origin") || defaultOrigin).origin;
  } catch {
    return;
  }
  // javascript:, data: and friends have an opaque ("null") origin: never frame those.
  if (!/^https?:/.test(origin)) return;
  const flowId = hostFlowId(custom ? el.getAttribute("flow") : el.getAttribute("data-scim-troubleshooter"));
  const frame = el.ownerDocument.createElement("iframe");
  frame.src =
    origin +
    embedPath(flowId, {
      accent: get("accent"),
      theme: get("theme"),
      compact: has("compact"),
      start: get("start"),
      demo: has("demo"),
    });
  frame.title = `SCIM Troubleshooter: ${flowId ?? "catalogue"}`;
  // Attributes rather than properties: browsers without the IDL property still see them.
  frame.setAttribute("loading", "lazy");
  frame.setAttribute("allow", "clipboard-write");
  // The height follows the content (resize messages), so the frame never needs its own scrollbar.
  frame.setAttribute("scrolling", "no");
  frame.style.cssText = `display:block;width:100%;border:0;height:${INITIAL_HEIGHT}`;
  frame.setAttribute(FRAME, "");
  // Hide, not delete, the fallback link: the host's markup stays theirs.
  for (const child of el.children) (child as HTMLElement).hidden = true;
  el.setAttribute(MOUNTED, "");
  el.append(frame);
  return frame;
}
