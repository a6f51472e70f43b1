import type { Plugin } from "vite";
import { checkEntraConfig } from "../ui/graph/entra-config-schema.ts";
import { ENTRA_CONFIG_PATH } from "../ui/graph/entra-paths.ts";

/**
 * dist/entra-config.json from the build's environment (issue 14): with ENTRA_CLIENT_ID and
 * ENTRA_TENANT both set, the build writes `{ "clientId", "tenant" }` beside the pages, checked by
 * the same schema the browser uses; with neither, it writes nothing and the app offers no
 * Microsoft sign-in (a deployer may still drop the file in after the build: docs/entra.md). One
 * without the other, or a value that is no GUID / tenant, fails the build with what to fix.
 */
const FILE_NAME = ENTRA_CONFIG_PATH.slice(1);

/** The file's text, undefined when neither variable is set; throws with a readable message otherwise. */
export function entraConfigFromEnv(env: Record<string, string | undefined>): string | undefined {
  // Surrounding spaces are a shell's or a CI form's accident, never part of a GUID or a domain.
  const clientId = env.ENTRA_CLIENT_ID?.trim() || undefined;
  const tenant = env.ENTRA_TENANT?.trim() || undefined;
  if (!clientId && !tenant) return undefined;
  if (!clientId || !tenant) {
    const [set, unset] = clientId ? ["ENTRA_CLIENT_ID", "ENTRA_TENANT"] : ["ENTRA_TENANT", "ENTRA_CLIENT_ID"];
    throw new Error(
      `${set} is set but ${unset} is not: set both to write dist/${FILE_NAME} (Microsoft sign-in for live Graph reads), or neither to build without it.`,
    );
  }
  const checked = checkEntraConfig({ clientId, tenant });
  if (!checked.ok) {
    const problems = checked.problems.map((p) =>
      p.replace(/^clientId/, "ENTRA_CLIENT_ID").replace(/^tenant/, "ENTRA_TENANT"),
    );
    throw new Error(`Cannot write dist/${FILE_NAME}: ${problems.join("; ")}.`);
  }
  return `${JSON.stringify(checked.config, null, 2)}\n`;
}

/**
 * The app's client build only: not the prerender's server build (which shares vite.config.ts)
 * and not the dev server, which serves the same file from the same variables instead.
 */
export function entraConfigPlugin(env: Record<string, string | undefined> = process.env): Plugin {
  let file: string | undefined;
  return {
    name: "entra-config",
    apply: (_config, { isSsrBuild }) => !isSsrBuild,
    buildStart() {
      try {
        file = entraConfigFromEnv(env);
      } catch (error) {
        this.error((error as Error).message);
      }
    },
    generateBundle() {
      if (file !== undefined) this.emitFile({ type: "asset", fileName: FILE_NAME, source: file });
    },
    configureServer(server) {
      // The variables as given, unchecked: the app's own check then says what is wrong, in the
      // page, instead of a bad value stopping `npm run dev`.
      server.middlewares.use(ENTRA_CONFIG_PATH, (_req, res, next) => {
        if (!env.ENTRA_CLIENT_ID && !env.ENTRA_TENANT) return next();
        res.setHeader("Content-Type", "application/json");
        res.setHeader("Cache-Control", "no-cache");
        res.end(JSON.stringify({ clientId: env.ENTRA_CLIENT_ID?.trim(), tenant: env.ENTRA_TENANT?.trim() }));
      });
    },
  };
}
