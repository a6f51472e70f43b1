/**
 * The Microsoft Graph bodies the Graph checks read, as zod/mini schemas (the checks' lazy chunk
 * ships to the browser: see scim-bodies.ts). Every field is optional and a field of the wrong
 * type counts as absent: Microsoft adds fields and enum values over time (every enum also allows
 * `unknownFutureValue`), and a job read with a gap is still worth judging. Field names are the
 * documented ones (reference/entra-provisioning.md, A1 and B); enum values are compared
 * case-insensitively by the checks.
 */
import * as z from "zod/mini";
import { clip } from "./body.ts";

const SHOWN_CHARS = 300;

/** A non-empty string, clipped for showing; anything else, or a missing key, is absent. */
const text = z.optional(
  z.pipe(
    z.unknown(),
    z.transform((v) => (typeof v === "string" && v.trim() ? clip(v.trim(), SHOWN_CHARS) : undefined)),
  ),
);

/** A count: a JSON number, or an Int64 written as a string (OData's IEEE754Compatible form). */
const count = z.optional(
  z.pipe(
    z.unknown(),
    z.transform((v) => {
      if (typeof v === "number" && Number.isFinite(v)) return v;
      if (typeof v === "string" && /^\d{1,15}$/.test(v)) return Number(v);
      return undefined;
    }),
  ),
);

/** An object, or absent (Graph writes `null` for a quarantine that is not there). */
const optionalObject = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.catch(z.optional(z.looseObject(shape)), undefined);

/** Graph's error body: `{"error":{"code":"…","message":"…"}}`. */
const GraphErrorBody = z.object({ error: z.looseObject({ code: text, message: text }) });

export type GraphError = { code?: string; message?: string };

/** The code and message of a Graph error body, or undefined when the body is none. */
export function graphError(json: unknown): GraphError | undefined {
  const parsed = GraphErrorBody.safeParse(json);
  if (!parsed.success || (!parsed.data.error.code && !parsed.data.error.message)) return undefined;
  return { code: parsed.data.error.code, message: parsed.data.error.message };
}

/** `code: message` of a Graph error, for evidence and explanations. */
export function graphErrorText(error: GraphError): string {
  return [error.code, error.message].filter(Boolean).join(": ");
}

/** A Graph collection: `{"value":[…], "@odata.nextLink":"…"}`. */
const CollectionBody = z.looseObject({ value: z.array(z.unknown()), "@odata.nextLink": z.optional(z.unknown()) });

export interface Collection {
  value: unknown[];
  nextLink?: string;
}

export function collection(json: unknown): Collection | undefined {
  const parsed = CollectionBody.safeParse(json);
  if (!parsed.success) return undefined;
  const next = parsed.data["@odata.nextLink"];
  return { value: parsed.data.value, ...(typeof next === "string" && next ? { nextLink: next } : {}) };
}

/** An enterprise application as the search lists it. */
export interface ServicePrincipalSummary {
  id: string;
  displayName: string;
  appId?: string;
}

const ServicePrincipalBody = z.looseObject({ id: z.string(), displayName: z.optional(z.unknown()), appId: text });

export function servicePrincipalSummary(json: unknown): ServicePrincipalSummary | undefined {
  const parsed = ServicePrincipalBody.safeParse(json);
  if (!parsed.success || !parsed.data.id.trim()) return undefined;
  const { id, displayName, appId } = parsed.data;
  const name = typeof displayName === "string" && displayName.trim() ? displayName.trim() : "(no display name)";
  return { id: id.trim(), displayName: name, ...(appId ? { appId } : {}) };
}

const ErrorInfo = optionalObject({ code: text, message: text });

/** synchronizationTaskExecution: one run of the job. */
const Execution = optionalObject({
  state: text,
  timeBegan: text,
  timeEnded: text,
  countEscrowed: count,
  error: ErrorInfo,
});

/** synchronizationJob with the status fields the check judges (reference B). */
const JobBody = z.looseObject({
  id: text,
  templateId: text,
  status: optionalObject({
    code: text,
    countSuccessiveCompleteFailures: count,
    escrowsPruned: z.catch(z.optional(z.boolean()), undefined),
    lastExecution: Execution,
    lastSuccessfulExecution: Execution,
    quarantine: optionalObject({
      reason: text,
      currentBegan: text,
      nextAttempt: text,
      seriesBegan: text,
      seriesCount: count,
      error: ErrorInfo,
    }),
  }),
});

export type Job = z.infer<typeof JobBody>;
export type Execution = NonNullable<NonNullable<Job["status"]>["lastExecution"]>;

/** A job as the check judges it, or undefined for an item that is not an object. */
export function job(json: unknown): Job | undefined {
  const parsed = JobBody.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
