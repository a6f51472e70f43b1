import { afterEach, describe, expect, test, vi } from "vitest";
import { GRAPH_ROOT } from "../../src/checks/types.ts";
import { heldSecrets } from "../../src/ui/connection/extra-secrets.ts";
import {
  forgetGraph,
  graphSession,
  graphTarget,
  pickGraphApp,
  updateGraphSession,
} from "../../src/ui/graph/graph-session.ts";

const app = { id: "0b5c1c5e-7f5e-4d2a-9c1e-3f0f2d0e9a11", displayName: "Workspace 365" };

afterEach(async () => {
  await forgetGraph();
  pickGraphApp("demo", undefined);
});

describe("the Graph session holds its token in memory and for scrubbing only", () => {
  test("a pasted token is the target's token, held for scrubbing, and gone after forgetting", async () => {
    updateGraphSession({ source: { kind: "pasted", token: "pasted-graph-token-1234567890" } });
    pickGraphApp("endpoint", app);
    expect(await graphTarget(undefined)).toEqual({
      baseUrl: GRAPH_ROOT,
      token: "pasted-graph-token-1234567890",
      servicePrincipalId: app.id,
    });
    expect(heldSecrets()).toContain("pasted-graph-token-1234567890");
    await forgetGraph();
    expect(heldSecrets()).not.toContain("pasted-graph-token-1234567890");
    expect(graphSession().app.endpoint).toBeUndefined();
    expect(await graphTarget(undefined)).toMatchObject({ token: "" });
  });

  test("a signed-in token is asked for at run time, held until sign-out, which signs out of Microsoft", async () => {
    const signOut = vi.fn(async () => undefined);
    const token = vi.fn(async () => "msal-access-token-abcdefghijklmnop");
    updateGraphSession({ source: { kind: "microsoft", account: "admin@contoso.example", token, signOut } });
    pickGraphApp("endpoint", app);
    expect(token).not.toHaveBeenCalled();
    expect((await graphTarget(undefined)).token).toBe("msal-access-token-abcdefghijklmnop");
    expect(heldSecrets()).toContain("msal-access-token-abcdefghijklmnop");
    await forgetGraph();
    expect(signOut).toHaveBeenCalledOnce();
    expect(heldSecrets()).toEqual([]);
  });

  test("the demo's Graph is its own target, with the demo's application", async () => {
    pickGraphApp("demo", app);
    pickGraphApp("endpoint", undefined);
    const demo = { baseUrl: "https://demo-tenant.scim-troubleshooter.invalid/graph/v1.0", token: "demo-graph-token-x" };
    expect(await graphTarget(demo)).toEqual({ ...demo, servicePrincipalId: app.id });
  });

  test("nothing of the session goes to storage", async () => {
    updateGraphSession({ source: { kind: "pasted", token: "pasted-graph-token-storage" } });
    pickGraphApp("endpoint", app);
    await graphTarget(undefined);
    const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie;
    expect(stored).not.toContain("pasted-graph-token");
  });
});
