import { useId, useState } from "react";
import { DEMO_FAULTS } from "../../demo/faults.ts";
import { checkMessages } from "../messages/check.ts";
import { PrivateInput } from "../private-input.tsx";
import { useConnection } from "./connection-context.tsx";
import { ModeChoice } from "./mode-choice.tsx";

/** Where live checks go. The token field is a password field whose value lives in memory only. */
export function ConnectionPanel() {
  const { settings, update, forgetTokens, demo } = useConnection();
  const [notice, setNotice] = useState("");
  const id = useId();
  const demoOn = demo !== undefined;
  const mode = demoOn ? settings.mode : "endpoint";
  // Open at first when the endpoint still needs a token; from then on the admin decides.
  const [open, setOpen] = useState(mode === "endpoint" && !settings.token);
  return (
    <details className="connection" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {checkMessages.connection.heading}:{" "}
        {mode === "demo" ? (
          <span className="badge simulation">{checkMessages.connection.demoBadge}</span>
        ) : (
          settings.baseUrl || checkMessages.connection.endpoint
        )}
      </summary>
      <ModeChoice mode={mode} ownLabel={checkMessages.connection.endpoint} />
      {mode === "endpoint" ? (
        <div className="endpoint-fields">
          <label htmlFor={`${id}-url`}>{checkMessages.connection.baseUrl}</label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder={checkMessages.connection.baseUrlPlaceholder}
            value={settings.baseUrl}
            onChange={(e) => update({ baseUrl: e.target.value })}
          />
          <label htmlFor={`${id}-token`}>{checkMessages.connection.token}</label>
          <SecretField
            id={`${id}-token`}
            value={settings.token}
            onChange={(token) => update({ token })}
            describedBy={`${id}-token-hint`}
          />
          <label htmlFor={`${id}-previous`}>{checkMessages.connection.previousToken}</label>
          <SecretField
            id={`${id}-previous`}
            value={settings.previousToken}
            onChange={(previousToken) => update({ previousToken })}
            describedBy={`${id}-token-hint`}
          />
          <p id={`${id}-token-hint`} className="hint">
            {checkMessages.connection.tokenHint}
          </p>
          <label className="check-label">
            <input
              type="checkbox"
              checked={settings.useRelay}
              onChange={(e) => update({ useRelay: e.target.checked })}
            />
            {checkMessages.connection.relay}
          </label>
          {settings.useRelay && (
            <>
              <label htmlFor={`${id}-relay`}>{checkMessages.connection.relayUrl}</label>
              <input
                id={`${id}-relay`}
                type="url"
                value={settings.relayUrl}
                onChange={(e) => update({ relayUrl: e.target.value })}
              />
            </>
          )}
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                forgetTokens();
                setNotice(checkMessages.connection.forgotten);
              }}
            >
              {checkMessages.connection.forget}
            </button>
          </div>
          <p role="status">{notice}</p>
        </div>
      ) : (
        demo && (
          <fieldset className="demo-faults">
            <legend>{checkMessages.connection.demoFaults}</legend>
            {DEMO_FAULTS.map((fault) => (
              <label key={fault.name} className="check-label">
                <input
                  type="checkbox"
                  checked={settings.faults.includes(fault.name)}
                  onChange={(e) =>
                    update({
                      faults: e.target.checked
                        ? [...settings.faults, fault.name]
                        : settings.faults.filter((f) => f !== fault.name),
                    })
                  }
                />
                {fault.label}
              </label>
            ))}
          </fieldset>
        )
      )}
    </details>
  );
}

/** A password field whose value stays out of the page's HTML (see PrivateInput). */
function SecretField(props: { id: string; value: string; onChange: (value: string) => void; describedBy: string }) {
  return (
    <PrivateInput
      id={props.id}
      type="password"
      autoComplete="off"
      spellCheck={false}
      value={props.value}
      onValueChange={props.onChange}
      aria-describedby={props.describedBy}
    />
  );
}
