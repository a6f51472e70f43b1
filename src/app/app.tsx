import { useMemo } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { parseDemoFaults } from "../demo/faults";
import { ConnectionProvider } from "../features/connection/connection-context";
import { browserDemoTenant } from "./demo-access";
import { routes } from "./routes";

export function App() {
  const router = useMemo(() => createBrowserRouter(routes), []);
  const demo = useMemo(() => browserDemoTenant(), []);
  // ?demo=invalid-key,slow sets the simulated faults (support demos, tests).
  const faults = useMemo(() => parseDemoFaults(window.location.search), []);
  return (
    <ConnectionProvider demo={demo} initialFaults={faults}>
      <RouterProvider router={router} />
    </ConnectionProvider>
  );
}
