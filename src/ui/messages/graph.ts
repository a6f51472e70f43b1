/**
 * Strings of the Microsoft sign-in for live Graph reads (src/ui/graph/), loaded with the sign-in
 * module, never with a first page. How strings are kept: messages.ts. No message here ever holds
 * a token: the only values in them are the tenant the site is set up for and a code such as
 * `AADSTS50020` or `popup_window_error`.
 */
export const graphMessages = {
  config: {
    invalid: (problems: string) =>
      `Microsoft sign-in is not set up correctly on this site (/entra-config.json: ${problems}). Whoever runs the site can fix it as docs/entra.md says; everything else in the troubleshooter works without it.`,
    notJson: "the file is not JSON",
    tooLarge: "the file is larger than a configuration can be",
    unreadable: (detail: string) => `it could not be read (${detail})`,
    status: (status: number) => `the server answered HTTP ${status}`,
    timedOut: "no answer in time",
    network: "a network error",
  },
  signIn: {
    popupBlocked:
      "The browser blocked the Microsoft sign-in window. Allow pop-ups for this site, then press Sign in with Microsoft again.",
    cancelled:
      "Sign-in was not finished: the Microsoft window was closed, or took too long. Press Sign in with Microsoft to try again.",
    inProgress: "A Microsoft sign-in window is already open: finish or close it first.",
    consentRequired:
      "This site's app has not been granted its read permissions in your tenant (Synchronization.Read.All, AuditLog.Read.All, Directory.Read.All). An administrator who may grant consent in Microsoft Entra can grant it (App registrations > API permissions > Grant admin consent); then sign in again.",
    wrongTenant: (tenant: string) =>
      `That account cannot sign in to this site's app: it is set up for the tenant ${tenant}. Sign in with an account of that tenant.`,
    appRegistration: (code: string) =>
      `Microsoft refused the sign-in because of how this site's app is registered (${code}). Whoever runs the site can check the app registration as docs/entra.md describes.`,
    denied: (code: string) =>
      `Your organisation does not let this account use this app (${code}). Ask an administrator.`,
    network: "Microsoft could not be reached. Check the connection, then try again.",
    signedOut: "Sign in with Microsoft first.",
    failed: (code: string) =>
      `Sign-in with Microsoft failed (${code}). Try again; if it keeps failing, tell support this code.`,
    failedNoCode: "Sign-in with Microsoft failed. Try again; if it keeps failing, tell support.",
  },
};
