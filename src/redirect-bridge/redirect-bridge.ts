import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";
import { redirectBridgeMessages } from "../ui/messages/redirect-bridge.ts";

/**
 * auth/redirect.html, the redirect URI of the Microsoft sign-in (issue 14, reference C): Entra sends
 * the sign-in window back here with the authorization code in the address; MSAL 5 hands it to the
 * window that opened the sign-in over a BroadcastChannel of this origin, then closes this one.
 * Nothing else runs here: no app, no storage of ours, no logging (the address holds the code, and
 * MSAL clears it from the address before it hands it on).
 */
broadcastResponseToMainFrame().catch(() => {
  // Opened by hand, or the sign-in is stale: say what this page is for, never what the error held.
  const status = document.getElementById("bridge-status");
  if (status) status.textContent = redirectBridgeMessages.failed;
});
