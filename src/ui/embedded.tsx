import { createContext, useContext } from "react";

/**
 * Whether the page is the embed, framed by a help center. Its links to the app's own pages
 * (the log reader) open in a new tab: the app's pages may only be framed by the app itself.
 */
export const EmbeddedContext = createContext(false);

export const useEmbedded = () => useContext(EmbeddedContext);
