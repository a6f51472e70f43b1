import { useMemo } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { parseDemoFaults } from "../demo/faults";
import { browserDemoTenant } from "./demo-access";
import { createRoutes } from "./routes";

export function App() {
  const router = useMemo(
    () =>
      createBrowserRouter(
        createRoutes({
          demo: browserDemoTenant(),
          // ?demo=invalid-key,slow sets the simulated faults (support demos, tests).
          faults: parseDemoFaults(window.location.search),
        }),
      ),
    [],
  );
  return <RouterProvider router={router} />;
}
