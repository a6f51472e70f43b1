import { useId } from "react";
import { checkMessages } from "../messages/check.ts";
import { type ConnectionMode, useConnection } from "./connection-context.tsx";

/**
 * "Check against": the demo tenant (where there is one) or the admin's own systems. One mode for
 * both sides: the demo simulates the SCIM endpoint and Microsoft Graph, and the admin's own are
 * both real. `ownLabel` names the admin's side as the panel means it.
 */
export function ModeChoice({ mode, ownLabel }: { mode: ConnectionMode; ownLabel: string }) {
  const { update, demo } = useConnection();
  const id = useId();
  const option = (value: ConnectionMode, label: string) => (
    <label className="check-label">
      <input type="radio" name={`${id}-mode`} checked={mode === value} onChange={() => update({ mode: value })} />
      {label}
    </label>
  );
  return (
    <fieldset>
      <legend>{checkMessages.connection.mode}</legend>
      {demo && option("demo", checkMessages.connection.demo)}
      {option("endpoint", ownLabel)}
    </fieldset>
  );
}
