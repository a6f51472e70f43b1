/**
 * The two addresses of the Microsoft sign-in that live outside the app's routes (issue 14), kept
 * in one module of no dependencies for the browser, the build and the static server alike.
 */

/** The deployment's configuration, on the app's own origin beside the pages (src/ui/graph/entra-config.ts). */
export const ENTRA_CONFIG_PATH = "/entra-config.json";

/**
 * MSAL 5's redirect bridge (auth/redirect.html, src/redirect-bridge/): the redirect URI a deployer
 * registers, exactly. Served without an opener policy (src/server/static-server.ts).
 */
export const REDIRECT_BRIDGE_PATH = "/auth/redirect.html";
