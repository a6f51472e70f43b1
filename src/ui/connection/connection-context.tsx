import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react";
import { type CheckResult, type CheckTarget, DEFAULT_RELAY_URL } from "../../checks/types.ts";
import type { CheckRequest } from "../../engine/compile.ts";
import { heldSecrets } from "./extra-secrets.ts";

/**
 * Where live checks go: the demo tenant (a simulation in this tab) or the
 * admin's own endpoint, directly or through the local relay. The token lives
 * in this React state only: never in storage, a URL or a log.
 */
export type ConnectionMode = "demo" | "endpoint";

export interface ConnectionSettings {
  mode: ConnectionMode;
  baseUrl: string;
  token: string;
  previousToken: string;
  useRelay: boolean;
  relayUrl: string;
  /** Demo tenant fault switches. */
  faults: string[];
}

/** The demo tenant as the app hands it in: fixed target values and a way to start it. */
export interface DemoTenantAccess {
  target: CheckTarget;
  /**
   * Starts (once) or updates the simulation with these faults; resolves to the
   * fetch demo checks go through (it answers the demo host only).
   */
  prepare(faults: readonly string[]): Promise<typeof fetch>;
  /** The demo's simulated Microsoft Graph: its root and this tab's made-up Graph token. */
  graph: { baseUrl: string; token: string };
}

interface ConnectionValue {
  settings: ConnectionSettings;
  update(change: Partial<ConnectionSettings>): void;
  forgetTokens(): void;
  run(request: CheckRequest, signal?: AbortSignal): Promise<CheckResult>;
  /** The secrets in play, for scrubbing anything copied out. */
  secrets(): string[];
  demo?: DemoTenantAccess;
}

const ConnectionContext = createContext<ConnectionValue | null>(null);

export function useConnection(): ConnectionValue {
  const value = useContext(ConnectionContext);
  if (!value) throw new Error("useConnection needs a <ConnectionProvider>");
  return value;
}

export function ConnectionProvider(props: {
  children: ReactNode;
  demo?: DemoTenantAccess;
  initialMode?: ConnectionMode;
  initialFaults?: string[];
  timeoutMs?: number;
}) {
  const { demo, timeoutMs } = props;
  const [settings, setSettings] = useState<ConnectionSettings>(() => ({
    mode: props.initialMode ?? (demo ? "demo" : "endpoint"),
    baseUrl: "",
    token: "",
    previousToken: "",
    useRelay: false,
    relayUrl: DEFAULT_RELAY_URL, // where `npm run relay` listens unless told otherwise
    faults: props.initialFaults ?? [],
  }));
  // Checks read the settings at the moment they run, not when the machine was built.
  const current = useRef(settings);
  current.current = settings;

  const update = useCallback((change: Partial<ConnectionSettings>) => setSettings((s) => ({ ...s, ...change })), []);
  const forgetTokens = useCallback(() => setSettings((s) => ({ ...s, token: "", previousToken: "" })), []);

  const run = useCallback(
    async (request: CheckRequest, signal?: AbortSignal) => {
      // The checks load with the first check run: most walks never run one.
      const { runWithConnection } = await import("./run-with-connection.ts");
      return runWithConnection(request, current.current, demo, { timeoutMs, signal });
    },
    [demo, timeoutMs],
  );

  const secrets = useCallback(
    () => [current.current.token, current.current.previousToken, ...heldSecrets()].filter(Boolean),
    [],
  );

  const value = useMemo<ConnectionValue>(
    () => ({
      settings,
      update,
      forgetTokens,
      run,
      secrets,
      demo,
    }),
    [settings, update, forgetTokens, run, secrets, demo],
  );
  return <ConnectionContext.Provider value={value}>{props.children}</ConnectionContext.Provider>;
}

/** Through the relay, the browser asks the relay for the same path it would ask the endpoint. */
export function effectiveBaseUrl(s: Pick<ConnectionSettings, "baseUrl" | "useRelay" | "relayUrl">): string {
  if (!s.useRelay) return s.baseUrl.trim();
  try {
    const path = new URL(s.baseUrl.trim()).pathname.replace(/\/$/, "");
    return `${s.relayUrl.trim().replace(/\/$/, "")}${path}`;
  } catch {
    return s.baseUrl.trim();
  }
}
