import { type FormEvent, useEffect, useId, useState } from "react";
import { graphPanelMessages as t } from "../messages/graph-panel.ts";
import { PrivateInput } from "../private-input.tsx";
import { updateGraphSession } from "./graph-session.ts";

type Config = Awaited<ReturnType<typeof import("./entra-config.ts").loadEntraConfig>>;

/**
 * How the admin gets a Graph token: "Sign in with Microsoft" when this site's
 * operator registered an app (MSAL loads only when it is pressed), or a pasted
 * access token (Graph Explorer's), held like the SCIM key.
 */
export function GraphSignIn() {
  const id = useId();
  const [config, setConfig] = useState<Config | undefined>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");
  const [pasted, setPasted] = useState("");
  useEffect(() => {
    let live = true;
    import("./entra-config.ts")
      .then((m) => m.loadEntraConfig())
      .then((c) => live && setConfig(c))
      .catch(() => live && setConfig({ state: "off" }));
    return () => {
      live = false;
    };
  }, []);

  const signIn = async () => {
    if (config?.state !== "on") return;
    setBusy(true);
    setProblem("");
    try {
      const { startGraphSignIn } = await import("./graph-sign-in.ts");
      const client = await startGraphSignIn(config);
      const { account } = await client.signIn();
      updateGraphSession({
        source: {
          kind: "microsoft",
          account: account.name ? `${account.name} (${account.username})` : account.username,
          token: () => client.token(),
          signOut: () => client.signOut(),
        },
      });
    } catch (error) {
      // The sign-in module words its errors for the admin and never puts a token in them.
      setProblem(t.signInFailed(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };
  const takePasted = (event: FormEvent) => {
    event.preventDefault();
    const token = pasted.trim();
    if (token) updateGraphSession({ source: { kind: "pasted", token } });
    setPasted("");
  };

  return (
    <>
      {config === undefined && <p className="hint">{t.configLoading}</p>}
      {config?.state === "off" && <p className="hint">{t.configOff}</p>}
      {config?.state === "invalid" && <p className="field-error">{config.message}</p>}
      {config?.state === "on" && (
        <div className="actions">
          <button type="button" className="primary" onClick={signIn} disabled={busy} aria-busy={busy}>
            {busy ? t.signingIn : t.signIn}
          </button>
        </div>
      )}
      <p role="alert" className={problem ? "field-error" : undefined}>
        {problem}
      </p>
      <form onSubmit={takePasted} className="graph-paste">
        <fieldset>
          <legend>{t.pasteLegend}</legend>
          <label htmlFor={`${id}-token`}>{t.pasteLabel}</label>
          <PrivateInput
            id={`${id}-token`}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={pasted}
            onValueChange={setPasted}
            aria-describedby={`${id}-token-hint`}
          />
          <p id={`${id}-token-hint`} className="hint">
            {t.pasteHint}
          </p>
          <div className="actions">
            <button type="submit">{t.usePasted}</button>
          </div>
        </fieldset>
      </form>
    </>
  );
}
