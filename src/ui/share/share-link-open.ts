import { createElement } from "react";
import type { BuiltFlow } from "../../engine/built-flow.ts";
import type { FlowMachine } from "../../engine/compile.ts";
import { FlowLoadError } from "../flows/flow-load-error.ts";
import { onForgetFailed, settled, type Tracked, thenTracked, tracked } from "../tracked-promise.ts";
import type { DecodedShare } from "./share-format.ts";

/**
 * What the wizard's page holds of the share link until it has one to open: this loader. The
 * link's code (share-link.ts), its payload reader with the zod schema (share-payload.ts) and the
 * page for a link that cannot be opened (bad-link.tsx) come as chunks with the first link this
 * tab opens, so that a walk opened without one loads none of them.
 */
type Reader = (flow: BuiltFlow, machine: FlowMachine, param: string) => DecodedShare;
let reader: Reader | undefined;
let readerLoading: Tracked<Reader> | undefined;
// A reader that did not arrive stays cached until the page has said so (see flow-loader.ts).
onForgetFailed(() => {
  if (readerLoading?.status === "rejected") readerLoading = undefined;
});
type BadLinkPage = typeof import("./bad-link.tsx").BadLink;
let badLinkPage: BadLinkPage | undefined;

/** The page for a link `openShareLink` refused: loaded with the link's reader, so it is here by then. */
export function BadLinkView(props: Parameters<BadLinkPage>[0]) {
  if (!badLinkPage) throw new Error("BadLinkView before openShareLink settled");
  return createElement(badLinkPage, props);
}

/**
 * `decodeShare` (share-link.ts) for `readTracked()`: once its chunks are here it answers at once.
 * A reader that does not arrive is the guide's page failing to load (Try again), never a verdict
 * on the link.
 */
export function openShareLink(flow: BuiltFlow, machine: FlowMachine, param: string): Tracked<DecodedShare> {
  if (reader) return settled(reader(flow, machine, param));
  // The page for a link that cannot be opened comes along, so that it never has to wait itself.
  readerLoading ??= tracked(
    Promise.all([import("./share-link.ts"), import("./share-payload.ts"), import("./bad-link.tsx")]).then(
      ([link, payload, page]) => {
        badLinkPage = page.BadLink;
        reader = (f, m, p) => link.decodeShare(f, m, p, payload.readSharePayload);
        return reader;
      },
      () => Promise.reject(new FlowLoadError(flow.id)),
    ),
  );
  readerLoading.catch(() => {}); // the page reports it
  return thenTracked(readerLoading, (read) => read(flow, machine, param));
}
