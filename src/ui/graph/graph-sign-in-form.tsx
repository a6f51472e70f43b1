import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useEmbedded } from "../embedded.tsx";
import { graphPanelMessages as t } from "../messages/graph-panel.ts";
import { PrivateInput } from "../private-input.tsx";
import { updateGraphSession } from "./graph-session.ts";

type Config = Awaited<ReturnType<typeof import("./entra-config.ts").loadEntraConfig>>;
type SignInClient = ReturnType<typeof import("./graph-sign-in.ts").startGraphSignIn>;

/**
 * How the admin gets a Graph token: "Sign in with Microsoft" when this site's
 * operator registered an app (MSAL loads only when it is pressed), or a pasted
 * access token (Graph Explorer's), held like the SCIM key.
 */
export function GraphSignIn() {
  const id = useId();
  // In a help center's frame the sign-in window's answer cannot reach the frame (browsers keep a
  // framed page's channels apart from the app's own): a pasted token works there.
  const embedded = useEmbedded();
  // One client per form: a second press after a blocked popup opens it at once, with MSAL ready.
  const client = useRef<SignInClient | undefined>(undefined);
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
      if (!client.current) {
        const { startGraphSignIn } = await import("./graph-sign-in.ts");
        client.current = startGraphSignIn(config);
      }
      const signedIn = client.current;
      const { account } = await signedIn.signIn();
      updateGraphSession({
        source: {
          kind: "microsoft",
          account: account.name ? `${account.name} (${account.username})` : account.username,
          token: () => signedIn.token(),
          signOut: () => signedIn.signOut(),
        },
      });
    } catch (error) {
      // The sign-in module words its errors for the admin and never puts a token in them.
      setProblem(t.signInFailed(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };
  // No <form>: a password field in a form that is sent and then goes away looks like a login to
  // a password manager, which would offer to store the token.
  const takePasted = () => {
    const token = pasted.trim();
    if (token) updateGraphSession({ source: { kind: "pasted", token } });
    setPasted("");
  };
  const enterTakes = (event: KeyboardEvent) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    takePasted();
  };

  return (
    <>
      {config === undefined && <p className="hint">{t.configLoading}</p>}
      {embedded && <p className="hint">{t.embeddedSignIn}</p>}
      {!embedded && config?.state === "off" && <p className="hint">{t.configOff}</p>}
      {!embedded && config?.state === "invalid" && <p className="field-error">{config.message}</p>}
      {!embedded && config?.state === "on" && (
        <div className="actions">
          <button type="button" className="primary" data-refocus onClick={signIn} disabled={busy} aria-busy={busy}>
            {busy ? t.signingIn : t.signIn}
          </button>
        </div>
      )}
      <p role="alert" className={problem ? "field-error" : undefined}>
        {problem}
      </p>
      <div className="graph-paste">
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
            onKeyDown={enterTakes}
            aria-describedby={`${id}-token-hint`}
          />
          <p id={`${id}-token-hint`} className="hint">
            {t.pasteHint}
          </p>
          <div className="actions">
            <button type="button" onClick={takePasted}>
              {t.usePasted}
            </button>
          </div>
        </fieldset>
      </div>
    </>
  );
}
