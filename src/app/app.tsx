import { useMemo } from "react";
import { BrowserRouter } from "react-router";
import { demoQuery } from "../demo/demo-query.ts";
import { browserDemoTenant } from "./demo-access.ts";
import { AppRoutes, type AppServices } from "./routes.tsx";

export function App() {
  const services = useMemo<AppServices>(
    () => ({
      demo: browserDemoTenant(),
      // ?demo=invalid-key,slow sets the simulated faults (support demos, tests).
      faults: demoQuery(window.location.search),
    }),
    [],
  );
  return (
    <BrowserRouter>
      <AppRoutes services={services} />
    </BrowserRouter>
  );
}
