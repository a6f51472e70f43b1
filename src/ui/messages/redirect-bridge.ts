/** The redirect bridge's one string (auth/redirect.html holds the rest as static text); how strings are kept: messages.ts. */
export const redirectBridgeMessages = {
  failed:
    "This page only finishes a sign-in started from the SCIM Troubleshooter. Close this window, and press Sign in with Microsoft again if you need to.",
};
