import type { GraphSignIn } from "../../../src/ui/graph/graph-sign-in.ts";

/**
 * A test page standing in for the panel that will use the sign-in (test/e2e/graph-sign-in.e2e.ts):
 * it loads the configuration and the sign-in module the way a page must, with import() on the
 * admin's click, then reads one Graph resource with the token. It shows the account and Graph's
 * answer, never the token.
 */
const out = document.getElementById("out") as HTMLOutputElement;
let session: GraphSignIn | undefined;

document.getElementById("sign-in")?.addEventListener("click", async () => {
  try {
    const { loadEntraConfig } = await import("../../../src/ui/graph/entra-config.ts");
    const config = await loadEntraConfig();
    if (config.state !== "on") {
      out.textContent = JSON.stringify(config);
      return;
    }
    const { startGraphSignIn } = await import("../../../src/ui/graph/graph-sign-in.ts");
    session ??= startGraphSignIn(config);
    const { account } = await session.signIn();
    const token = await session.token();
    const me = await fetch("https://graph.microsoft.com/v1.0/me", { headers: { authorization: `Bearer ${token}` } });
    out.textContent = JSON.stringify({ account, graph: await me.json() });
  } catch (error) {
    out.textContent = JSON.stringify({ error: (error as Error).message, kind: (error as { kind?: string }).kind });
  }
});

document.getElementById("sign-out")?.addEventListener("click", async () => {
  await session?.signOut();
  out.textContent = JSON.stringify({ signedOut: true });
});
