/**
 * Judges provisioning jobs (synchronizationJob, reference B): each job's status code and
 * quarantine reason become an outcome, the worst job of an application is reported, and the
 * explanation carries the facts an admin or support needs (reason, since when, next attempt, last
 * run, escrow counts). Enum values are compared without case; a value this code does not know
 * (unknownFutureValue, or anything Microsoft adds) is named as Graph gave it, never guessed at.
 */
import type { GraphFailureCode, OutcomeOf } from "./catalog.ts";
import type { Execution, Job } from "./graph-bodies.ts";

export type JobOutcome = Exclude<OutcomeOf<"job-status">, GraphFailureCode | "no-job">;

/** Worst first: what stops provisioning entirely before what slows it, before what only reports errors. */
const WORST_FIRST: readonly JobOutcome[] = [
  "quarantine-credentials",
  "quarantine-escrow",
  "quarantine-other",
  "unknown-status",
  "paused",
  "not-configured",
  "not-run",
  "active-with-errors",
  "active",
];

const lower = (value: string | undefined) => value?.toLowerCase();

/** Encountered{Base,Total}EscrowThreshold and EncounteredEscrowProportionThreshold, and any sibling Microsoft adds. */
const ESCROW_REASON = /^encountered\w*escrow\w*threshold$/;
/** Microsoft's two spellings of one reason (Entra docs: QuarantineOnDemand; Graph: QuarantinedOnDemand). */
const ON_DEMAND = new Set(["quarantineondemand", "quarantinedondemand"]);

function quarantineOutcome(reason: string | undefined): JobOutcome {
  const r = lower(reason);
  if (r === "encounteredquarantineexception") return "quarantine-credentials";
  if (r && ESCROW_REASON.test(r)) return "quarantine-escrow";
  return "quarantine-other";
}

/** What a reason means, where Microsoft's documentation says so (reference B and its source Q). */
function reasonMeaning(reason: string | undefined): string {
  const r = lower(reason);
  if (!r) return "no reason given";
  if (r === "encounteredquarantineexception") return "invalid credentials: the workspace rejected the Secret token";
  if (r === "encounteredescrowproportionthreshold") return "more than 40% of provisioning events failed";
  if (r && ESCROW_REASON.test(r)) return "too many provisioning events failed (an escrow threshold)";
  if (ON_DEMAND.has(r)) return "Microsoft set the quarantine after detecting an issue with the application";
  if (r === "unknownfuturevalue") return "a value Graph uses for reasons newer than its schema";
  return "a reason this tool has no description for";
}

/** A job's outcome from its status code, then its last run. */
export function jobOutcome(job: Job): JobOutcome {
  const status = job.status;
  const code = lower(status?.code) ?? (status?.quarantine ? "quarantine" : undefined);
  switch (code) {
    case "quarantine":
      return quarantineOutcome(status?.quarantine?.reason);
    case "paused":
      return "paused";
    case "notrun":
      return "not-run";
    case "notconfigured":
      return "not-configured";
    case "active": {
      const state = lower(status?.lastExecution?.state);
      const erred = state === "entrylevelerrors" || state === "failed";
      const escrowed = (status?.lastExecution?.countEscrowed ?? 0) > 0;
      const failing = (status?.countSuccessiveCompleteFailures ?? 0) > 0;
      return erred || escrowed || failing ? "active-with-errors" : "active";
    }
    default:
      return "unknown-status";
  }
}

const errorWords = (error: { code?: string; message?: string } | undefined) =>
  error && (error.code || error.message) ? ` (${[error.code, error.message].filter(Boolean).join(": ")})` : "";

function runWords(run: Execution): string {
  const when = run.timeEnded ? `ended ${run.timeEnded}` : run.timeBegan ? `began ${run.timeBegan}` : "time not given";
  return `${run.state ?? "state not given"}, ${when}${errorWords(run.error)}`;
}

/** One job's facts, in one paragraph. */
export function jobFacts(job: Job): string {
  const status = job.status;
  const parts = [`Job ${job.id ?? "(no id)"}: status ${status?.code ?? "not given"}`];
  const q = status?.quarantine;
  if (q || lower(status?.code) === "quarantine") {
    parts.push(
      `quarantine reason ${q?.reason ?? "not given"} (${reasonMeaning(q?.reason)})`,
      ...(q?.error && (q.error.code || q.error.message)
        ? [`quarantine error ${[q.error.code, q.error.message].filter(Boolean).join(": ")}`]
        : []),
      `in quarantine since ${q?.currentBegan ?? "a time not given"}${q?.seriesBegan && q.seriesBegan !== q.currentBegan ? ` (this series since ${q.seriesBegan})` : ""}`,
      `next attempt ${q?.nextAttempt ?? "not given"}`,
    );
  }
  const last = status?.lastExecution;
  parts.push(last ? `last run ${runWords(last)}` : "no run recorded");
  if (last?.countEscrowed !== undefined) parts.push(`${last.countEscrowed} entries in escrow (waiting to be retried)`);
  if (status?.countSuccessiveCompleteFailures !== undefined)
    parts.push(`${status.countSuccessiveCompleteFailures} successive complete failures`);
  // When the last run did not succeed, when one last did says how long it has been failing.
  const lastGood = status?.lastSuccessfulExecution;
  if (lastGood && lower(last?.state) !== "succeeded") parts.push(`last successful run ${runWords(lastGood)}`);
  if (status?.escrowsPruned) parts.push("escrows were pruned (the initial cycle's errors were cleared)");
  return `${parts.join("; ")}.`;
}

/** Jobs listed beside the worst one, at most: an application has one or two in practice. */
const MAX_OTHERS = 4;

/** The verdict for an application's jobs (at least one): the worst job's outcome, every job's facts. */
export function judgeJobs(jobs: readonly Job[]): { outcome: JobOutcome; explanation: string } {
  const judged = jobs.map((job) => ({ job, outcome: jobOutcome(job) }));
  judged.sort((a, b) => WORST_FIRST.indexOf(a.outcome) - WORST_FIRST.indexOf(b.outcome));
  const [worst, ...others] = judged;
  if (others.length === 0) return { outcome: worst.outcome, explanation: jobFacts(worst.job) };
  const listed = others.slice(0, MAX_OTHERS).map(({ job, outcome }) => `${job.id ?? "(no id)"}: ${outcome}`);
  const more = others.length > MAX_OTHERS ? `, and ${others.length - MAX_OTHERS} more` : "";
  return {
    outcome: worst.outcome,
    explanation: `This application has ${jobs.length} provisioning jobs; the worst is reported. ${jobFacts(worst.job)} The others: ${listed.join("; ")}${more}.`,
  };
}
