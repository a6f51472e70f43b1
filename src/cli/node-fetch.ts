/**
 * The fetch the command-line tools (doctor, relay) send with: undici's own, pinned, instead of
 * the copy Node 20 bundles. Node 20's fetch (undici 6) refuses an answer with more than five
 * Content-Encoding codings but leaves the body stream it had already made, with no error
 * listener and the connection held open; when that request is aborted later (the time cap, or
 * the browser hanging up on the relay) the stream emits an unhandled 'error' and the process
 * exits (issue 12 point 1). undici 7.30 refuses such an answer before the stream exists and
 * closes the connection. The browser has its own fetch and never loads this file.
 */
import { fetch as undiciFetch } from "undici";

// undici's Request and Response types are its own; at run time they are the same web classes.
export const nodeFetch = undiciFetch as unknown as typeof fetch;
