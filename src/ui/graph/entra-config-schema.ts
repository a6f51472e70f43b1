import * as z from "zod/mini";
import { GUID } from "../../checks/graph-urls.ts";
import { ENTRA_CONFIG_PATH } from "./entra-paths.ts";

/**
 * What a deployment says about its Entra app registration (docs/entra.md, "For a deployer"): the
 * application (client) ID and the tenant. Read by the build (ENTRA_CLIENT_ID / ENTRA_TENANT →
 * dist/entra-config.json, src/build/entra-config-plugin.ts) and by the browser
 * (src/ui/graph/entra-config.ts), so that both refuse the same values with the same words.
 *
 * No authority field on purpose: sign-in always goes to https://login.microsoftonline.com/{tenant},
 * so a file dropped on the host cannot send the admin's sign-in anywhere else.
 */
export interface EntraAppConfig {
  clientId: string;
  tenant: string;
}

export { ENTRA_CONFIG_PATH };

/** The one sign-in host; the tenant is a path segment below it. */
export const authorityFor = (tenant: string) => `https://login.microsoftonline.com/${tenant}`;

/**
 * A DNS name of two labels or more (contoso.onmicrosoft.com, contoso.com): letters, digits and
 * inner hyphens, at most 63 characters a label and 253 in all, a final label of letters. Nothing
 * that could change the authority's path or host (no `/`, `?`, `#`, `@`, `:` or `..`).
 */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

// Untrimmed, unlike the checks' isGuid: a configuration value with spaces around it is refused.
const isGuid = (value: string) => GUID.test(value);
export const isTenant = (value: string) => GUID.test(value) || DOMAIN.test(value);

const shown = (value: unknown) => {
  const text = typeof value === "string" ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};

/**
 * zod/mini, as everywhere in the browser: smaller, and its objects need no `new Function`, which
 * the CSP refuses (and reports even when caught). Each problem is one sentence naming the field, what it must be and what was given: client id and
 * tenant are no secrets, so echoing them (cut at 80 characters) helps the deployer find the typo.
 */
const schema = z.strictObject(
  {
    clientId: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? "clientId is missing: the application (client) ID of the app registration, a GUID"
            : `clientId must be a string (a GUID); got ${shown(issue.input)}`,
      })
      .check(
        z.refine(isGuid, {
          error: (issue) =>
            `clientId must be the application (client) ID, a GUID such as 00000000-0000-0000-0000-000000000000; got ${shown(issue.input)}`,
        }),
      ),
    tenant: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? "tenant is missing: the directory (tenant) ID (a GUID) or a domain of the tenant such as contoso.onmicrosoft.com"
            : `tenant must be a string; got ${shown(issue.input)}`,
      })
      .check(
        z.refine(isTenant, {
          error: (issue) =>
            `tenant must be the directory (tenant) ID (a GUID) or a domain of the tenant such as contoso.onmicrosoft.com; got ${shown(issue.input)}`,
        }),
      ),
  },
  {
    error: (issue) => {
      if (issue.code !== "unrecognized_keys")
        return 'it must be a JSON object: { "clientId": "<GUID>", "tenant": "<tenant>" }';
      return issue.keys
        .map((key) =>
          key === "authority"
            ? "authority is not allowed: sign-in always goes to https://login.microsoftonline.com/<tenant>"
            : `${shown(key)} is not a setting (only clientId and tenant are)`,
        )
        .join("; ");
    },
  },
);

export type EntraConfigCheck = { ok: true; config: EntraAppConfig } | { ok: false; problems: string[] };

/** Checks a parsed entra-config.json, or the two build variables as one object. */
export function checkEntraConfig(value: unknown): EntraConfigCheck {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { ok: true, config: parsed.data }
    : { ok: false, problems: parsed.error.issues.map((issue) => issue.message) };
}
