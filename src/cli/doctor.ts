/**
 * Command-line doctor: runs the live checks from Node, where there is no CORS.
 * The token comes only from an environment variable, never from argv, because
 * argv ends up in shell history and process listings.
 */
import { parseArgs } from "node:util";
import { allParams, CHECK_NAMES, type CheckName, entryOf } from "../checks/catalog.ts";
import { TEST_USER_PATTERN } from "../checks/entra-requests.ts";
import { redactSecrets } from "../checks/redact.ts";
import { runCheck } from "../checks/run.ts";
import { type CheckResult, DEFAULT_TIMEOUT_MS } from "../checks/types.ts";
import {
  GRAPH_CHECKS,
  GRAPH_OPTIONS,
  GRAPH_VALUE_FLAGS,
  type GraphTarget,
  graphTargetOf,
  graphUsage,
  servicePrincipalOf,
} from "./doctor-graph.ts";
import { isEntry, type Prog } from "./entry.ts";
import { nodeFetch } from "./node-fetch.ts";
import { UsageError, variableNamed } from "./usage-error.ts";

/** Every check parameter once, with its flag: the catalogue decides, so a new parameter is a new flag. */
const PARAMS = allParams();
const ROTATION_CHECKS = CHECK_NAMES.filter((c) => entryOf(c).needs.previousToken);
const OTHER_KEY_CHECKS = CHECK_NAMES.filter((c) => entryOf(c).sendsOtherKey);
const WRITE_CHECKS = CHECK_NAMES.filter((c) => entryOf(c).writes);

/** What a write check does to the workspace, in the words the usage error and the skip line use. */
const WRITES = `creates a test user (${TEST_USER_PATTERN}) in the workspace and deletes it again`;

/**
 * The whole run's default time cap. A default run sends three to six requests (discovery,
 * test-connection, groups-probe, each with a fallback at most), so a minute lets each of them use
 * its full 10 s request cap before the run gives up; and a minute is what a CI job or an admin
 * waiting at a prompt will sit through for a check that otherwise takes seconds.
 */
const DEFAULT_DEADLINE_MS = 60_000;
const MAX_MS = 3_600_000;

const option = (flag: string, text: string) => `  ${flag.padEnd(22)}  ${text}`;

const usage = (prog: Prog) =>
  [
    `Usage: ${prog} --url <SCIM base URL> [options]`,
    `   or: ${prog} --service-principal <Object ID> [options]   (only the Graph checks: ${GRAPH_CHECKS.join(", ")})`,
    option("--token-env NAME", "environment variable holding the secret token (default SCIM_TOKEN)"),
    option(
      "--old-token-env NAME",
      `environment variable holding the previous key (enables ${ROTATION_CHECKS.join(", ")})`,
    ),
    option(
      "--check NAME",
      `run only this check (repeatable); default: every check whose inputs are given, except ${OTHER_KEY_CHECKS.join(", ")} (they send a made-up or old key) and ${WRITE_CHECKS.join(", ")} (it writes)`,
    ),
    ...graphUsage(option),
    option("--write", `allow a named write check (${WRITE_CHECKS.join(", ")}): it ${WRITES}`),
    ...PARAMS.map(([, spec, checks]) =>
      option(`--${spec.flag} ${spec.valueName}`, `${spec.label}, for ${checks.join(", ")}`),
    ),
    option("--timeout-ms N", `time cap per request in milliseconds (default ${DEFAULT_TIMEOUT_MS})`),
    option(
      "--deadline-ms N",
      `time cap for the whole run in milliseconds (default ${DEFAULT_DEADLINE_MS}); checks not done by then are reported as not run`,
    ),
    option("--json", "print the results as JSON"),
    `Checks: ${CHECK_NAMES.join(", ")}`,
    "The tokens (the workspace's key, the Graph access token) are never accepted on the command line.",
  ].join("\n");

const PARAM_OPTIONS = Object.fromEntries(PARAMS.map(([, spec]) => [spec.flag, { type: "string" as const }]));

/** What an environment variable's name can be; a token has other characters or is far longer. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * A value that may be a token must never be printed back, not even in an error: a bare
 * positional argument, or a token typed where a variable name belongs.
 */
function refuseTokenLikeArgs(argv: string[]): void {
  const takesValue = new Set([
    "--url",
    "--token-env",
    "--old-token-env",
    "--check",
    "--timeout-ms",
    "--deadline-ms",
    ...GRAPH_VALUE_FLAGS,
  ]);
  const nameFlags = new Set(["--token-env", "--old-token-env", "--graph-token-env"]);
  for (const [, spec] of PARAMS) takesValue.add(`--${spec.flag}`);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      if (i + 1 < argv.length) throw new UsageError(POSITIONAL);
      return;
    }
    if (arg.startsWith("--")) {
      const [flag, inline] = arg.split(/=(.*)/s, 2);
      const value = inline ?? (takesValue.has(flag) && !argv[i + 1]?.startsWith("--") ? argv[++i] : undefined);
      if (nameFlags.has(flag) && value !== undefined && !VARIABLE_NAME.test(value)) {
        const example = flag === "--graph-token-env" ? "GRAPH_TOKEN" : "SCIM_TOKEN";
        throw new UsageError(
          `${flag} takes the NAME of an environment variable (letters, digits and _), not the token itself; the value given was not printed. Put the token in a variable, e.g. export ${example}=…, and pass ${flag} ${example}.`,
        );
      }
      continue;
    }
    throw new UsageError(POSITIONAL);
  }
}

const POSITIONAL =
  "The doctor takes no bare arguments, and the value given was not printed, in case it is a token. The token is never taken from the command line: put it in an environment variable (--token-env NAME).";

/** parseArgs quotes what it rejects; an unknown option could be a pasted token, so only a plausible flag name is shown. */
function parseError(e: Error): string {
  return e.message.replace(/'([^']*)'/g, (quoted, inner: string) =>
    /^--?[A-Za-z][A-Za-z-]{0,30}$/.test(inner) ? quoted : "(a value that was not printed)",
  );
}

export interface Io {
  env: Record<string, string | undefined>;
  out(text: string): void;
  err(text: string): void;
  /** How the usage names the doctor; default `npm run doctor --`. */
  prog?: Prog;
}

/** What the run's deadline did: which checks it left not run. */
interface Deadline {
  ms: number;
  reached: boolean;
  notRun: string[];
}

interface Plan {
  /** The SCIM base URL; absent in a run of Graph checks only. */
  url?: string;
  token: string;
  previousToken?: string;
  params: Record<string, string | undefined>;
  graph: GraphTarget;
  run: CheckName[];
  skipped: { id: string; reason: string }[];
  json: boolean;
  timeoutMs?: number;
  deadlineMs: number;
}

function plan(argv: string[], env: Io["env"]): Plan {
  if (argv.some((a) => /^--(token|secret|key|graph-token|access-token)(=|$)/.test(a))) {
    throw new UsageError(
      "The token is never taken from the command line: put it in an environment variable (--token-env NAME).",
    );
  }
  refuseTokenLikeArgs(argv);
  const { values: v } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      url: { type: "string" },
      "token-env": { type: "string", default: "SCIM_TOKEN" },
      "old-token-env": { type: "string" },
      check: { type: "string", multiple: true },
      json: { type: "boolean", default: false },
      write: { type: "boolean", default: false },
      "timeout-ms": { type: "string" },
      "deadline-ms": { type: "string" },
      ...GRAPH_OPTIONS,
      ...PARAM_OPTIONS,
    },
  });
  const timeoutMs = milliseconds(v["timeout-ms"], "--timeout-ms", 600_000);
  const deadlineMs = milliseconds(v["deadline-ms"], "--deadline-ms", MAX_MS) ?? DEFAULT_DEADLINE_MS;
  const unknown = (v.check ?? []).filter((c) => !CHECK_NAMES.includes(c as CheckName));
  if (unknown.length) throw new UsageError(`Unknown check: ${unknown.join(", ")}.`);
  const params = Object.fromEntries(
    PARAMS.map(([name, spec]) => [name, (v as Record<string, unknown>)[spec.flag] as string | undefined]),
  );
  const previousToken = v["old-token-env"] ? env[v["old-token-env"]]?.trim() || undefined : undefined;
  const explicit = v.check !== undefined;
  const servicePrincipal = servicePrincipalOf(v);
  const isScim = (c: CheckName) => entryOf(c).system === "scim";
  // Without --url a run is of the Graph checks only: by name, or all of them for --service-principal.
  const names = explicit ? [...new Set(v.check as CheckName[])] : v.url ? CHECK_NAMES : GRAPH_CHECKS;
  // A named Graph check without --service-principal is told what it needs, below.
  if (!v.url && (names.some(isScim) || (!explicit && !servicePrincipal))) {
    throw new UsageError(
      explicit ? "--url is required." : "--url is required (or --service-principal ID, to run only the Graph checks).",
    );
  }
  const run: CheckName[] = [];
  const skipped: Plan["skipped"] = [];
  for (const name of names) {
    const { needs, params: wanted, sendsOtherKey, writes } = entryOf(name);
    // A check that changes the workspace never runs by default, and even when named needs --write.
    if (writes && !explicit) {
      skipped.push({ id: name, reason: `${WRITES}; runs only with --check ${name} --write` });
      continue;
    }
    if (writes && !v.write) {
      throw new UsageError(`Check ${name} ${WRITES}: add --write to allow that. Nothing was sent.`);
    }
    // A made-up or old key counts as a failed login on servers with brute-force protection: only when asked for by name.
    if (sendsOtherKey && !explicit) {
      skipped.push({ id: name, reason: `sends a made-up or old key; runs only with --check ${name}` });
      continue;
    }
    const missing = Object.entries(wanted)
      .filter(([p]) => !params[p]?.trim())
      .map(([, spec]) => `--${spec.flag}`);
    if (needs.previousToken && !previousToken) missing.push("--old-token-env (set to a non-empty variable)");
    if (needs.servicePrincipal && !servicePrincipal)
      missing.push("--service-principal (the enterprise application's Object ID)");
    if (missing.length === 0) run.push(name);
    else if (explicit) throw new UsageError(`Check ${name} needs ${missing.join(" and ")}.`);
    else skipped.push({ id: name, reason: `needs ${missing.join(" and ")}` });
  }
  const tokenEnv = v["token-env"] as string;
  const token = env[tokenEnv] ?? "";
  if (!token.trim() && run.some((c) => isScim(c) && entryOf(c).needs.token)) {
    throw new UsageError(
      `Set ${variableNamed(tokenEnv, "--token-env")} to the secret token (the workspace's API key).`,
    );
  }
  const graph = graphTargetOf(
    v,
    env,
    run.some((c) => !isScim(c)),
  );
  return {
    url: v.url,
    token,
    previousToken,
    params,
    graph,
    run,
    skipped,
    json: v.json as boolean,
    timeoutMs,
    deadlineMs,
  };
}

function milliseconds(value: string | undefined, flag: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (Number.isInteger(ms) && ms > 0 && ms <= max) return ms;
  throw new UsageError(`${flag} must be a whole number of milliseconds between 1 and ${max}.`);
}

/** What the run was pointed at: the SCIM endpoint, and Graph's application when Graph checks ran. */
function heading(p: Plan): string[] {
  const graph = p.run.some((c) => entryOf(c).system === "graph")
    ? `Microsoft Graph: ${p.graph.baseUrl}, enterprise application ${p.graph.servicePrincipalId}`
    : undefined;
  if (!p.url) return [`SCIM doctor: ${graph}`];
  return graph ? [`SCIM doctor: ${p.url}`, graph] : [`SCIM doctor: ${p.url}`];
}

function table(title: string[], results: CheckResult[], skipped: Plan["skipped"], deadline: Deadline): string {
  const lines = [...title, ""];
  const width = Math.max(...results.map((r) => r.check.length), ...skipped.map((s) => s.id.length), 5) + 2;
  const outcomeWidth = Math.max(18, ...results.map((r) => r.outcome.length)) + 2;
  for (const r of results) {
    const mark = r.passed ? "ok  " : "FAIL";
    lines.push(`${mark}  ${r.check.padEnd(width)}${r.outcome.padEnd(outcomeWidth)}${r.title}`);
    lines.push(`${" ".repeat(6 + width)}${r.explanation}`);
    if (r.outcome !== "pass") lines.push(`${" ".repeat(6 + width)}→ ${r.advice}`);
  }
  for (const s of skipped) lines.push(`skip  ${s.id.padEnd(width)}${s.reason}`);
  const failed = results.filter((r) => !r.passed).length;
  lines.push("", failed ? `${failed} of ${results.length} checks failed.` : `All ${results.length} checks passed.`);
  if (deadline.reached) {
    lines.push(
      `Stopped at the run's deadline (${deadline.ms} ms): ${deadline.notRun.length} not run (${deadline.notRun.join(", ")}).`,
    );
  }
  return lines.join("\n");
}

/** Runs the doctor and returns the exit code: 0 all passed, 1 a check failed, 2 bad usage. */
export async function main(argv: string[], io: Io): Promise<number> {
  const USAGE = usage(io.prog ?? "npm run doctor --");
  if (argv.includes("--help") || argv.includes("-h")) {
    io.out(USAGE);
    return 0;
  }
  let p: Plan;
  try {
    p = plan(argv, io.env);
  } catch (e) {
    const message =
      e instanceof UsageError
        ? e.message
        : (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")
          ? parseError(e as Error)
          : "The arguments could not be read.";
    io.err(`${message}\n\n${USAGE}`);
    return 2;
  }
  const scimTarget = { baseUrl: p.url ?? "", token: p.token, previousToken: p.previousToken };
  const targetOf = (name: CheckName) => (entryOf(name).system === "graph" ? p.graph : scimTarget);
  const results: CheckResult[] = [];
  // One memory for the whole run: a timeout after an earlier check's rejected key reads as a possible lockout.
  const memory = { rejectedKeys: 0 };
  // The run's deadline aborts the request in flight; AbortSignal.timeout's timer keeps nothing alive.
  const signal = AbortSignal.timeout(p.deadlineMs);
  const deadline: Deadline = { ms: p.deadlineMs, reached: false, notRun: [] };
  for (const name of p.run) {
    if (signal.aborted) {
      p.skipped.push({ id: name, reason: `not run: the run's deadline (${p.deadlineMs} ms, --deadline-ms) passed` });
      deadline.notRun.push(name);
      continue;
    }
    // The endpoint asked us to wait: sending more now would only prolong it, and nothing retries on its own.
    // Graph's throttling says nothing about the workspace's, nor the other way round.
    const system = entryOf(name).system;
    if (results.some((r) => r.outcome === "rate-limited" && entryOf(r.check as CheckName).system === system)) {
      p.skipped.push({ id: name, reason: "not sent: the endpoint asked to wait (rate-limited)" });
      continue;
    }
    try {
      results.push(
        await runCheck(name, targetOf(name), p.params, { fetch: nodeFetch, timeoutMs: p.timeoutMs, memory, signal }),
      );
    } catch (error) {
      if (signal.aborted) {
        const reason = `not run: stopped in flight at the run's deadline (${p.deadlineMs} ms, --deadline-ms)`;
        p.skipped.push({ id: name, reason });
        deadline.notRun.push(name);
        continue;
      }
      // A check that cannot run (a missing input) is reported; the others still count.
      p.skipped.push({ id: name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  deadline.reached = deadline.notRun.length > 0;
  const text = p.json
    ? JSON.stringify(
        {
          checks: results.map((r) => ({
            id: r.check,
            outcome: r.outcome,
            passed: r.passed,
            title: r.title,
            explanation: r.explanation,
            advice: r.advice,
            evidence: r.evidence,
          })),
          skipped: p.skipped,
          // Added fields only: checks and skipped keep their shape (a public contract).
          deadline: { ms: deadline.ms, reached: deadline.reached, notRun: deadline.notRun },
        },
        null,
        2,
      )
    : table(heading(p), results, p.skipped, deadline);
  io.out(redactSecrets(text, [p.token, p.previousToken, p.graph.token]));
  // A run cut short did not show that every check passes: exit 1, as a check that timed out does.
  return results.every((r) => r.passed) && !deadline.reached ? 0 : 1;
}

/** The doctor on this process: its argv, environment and streams; sets the exit code. */
export async function cli(argv: string[], prog?: Prog): Promise<void> {
  try {
    process.exitCode = await main(argv, {
      env: process.env,
      out: (t) => process.stdout.write(`${t}\n`),
      err: (t) => process.stderr.write(`${t}\n`),
      prog,
    });
  } catch (e) {
    process.stderr.write(`doctor: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
}

if (isEntry(import.meta.url)) void cli(process.argv.slice(2));
