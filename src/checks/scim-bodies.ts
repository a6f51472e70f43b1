/**
 * The SCIM bodies the checks read, as zod schemas. zod/mini, not classic zod:
 * this code ships to the browser in the checks' lazy chunk, and mini is a
 * fraction of the size. Each schema is as lenient as real servers need (see
 * the notes) and no stricter, because a body that fails here becomes not-scim.
 */
import * as z from "zod/mini";
import { clip } from "./body.ts";
import { ERROR_URN, LIST_RESPONSE_URN, SPC_URN } from "./scim-urls.ts";

/** `schemas` as lower-case URNs (servers vary the case); entries that are not strings, or no array, count as none. */
const Schemas = z.pipe(
  z.catch(z.array(z.unknown()), []),
  z.transform((list) => list.flatMap((s) => (typeof s === "string" ? [s.toLowerCase()] : []))),
);
const declares = (schemas: string[], urn: string) => schemas.includes(urn.toLowerCase());

/** Any JSON number: JSON.parse reads 1e400 as Infinity, which z.number() would refuse where servers were never refused. */
const Count = z.custom<number>((v) => typeof v === "number");

/** A resource in a list: any JSON object; the checks read only the attributes they judge. */
const Resource = z.looseObject({});

/**
 * A ListResponse. Many servers omit the schema URN, so it is not insisted on
 * when `Resources` is there; an empty answer may leave `Resources` out (or
 * null) when totalResults is 0. Entries that are not objects are ignored.
 */
const ListResponseBody = z.pipe(
  z
    .object({
      schemas: Schemas,
      totalResults: Count,
      Resources: z.optional(z.nullable(z.array(z.unknown()))),
    })
    .check(
      z.refine((b) => Array.isArray(b.Resources) || b.totalResults === 0),
      z.refine((b) => b.Resources !== undefined || declares(b.schemas, LIST_RESPONSE_URN)),
    ),
  z.transform((b) => ({
    totalResults: b.totalResults,
    resources: (b.Resources ?? []).flatMap((r) => {
      const parsed = Resource.safeParse(r);
      return parsed.success ? [parsed.data as Record<string, unknown>] : [];
    }),
  })),
);

export type ListResponse = z.infer<typeof ListResponseBody>;

const errorText = (v: unknown) => (typeof v === "string" && v ? clip(v, 300) : undefined);

/**
 * A SCIM Error, also without the schema URN when it has a scimType or detail
 * (many servers omit it). Fields that are not text are left out.
 */
const ErrorBody = z.pipe(
  z
    .object({ schemas: Schemas, scimType: z.optional(z.unknown()), detail: z.optional(z.unknown()) })
    .check(z.refine((b) => declares(b.schemas, ERROR_URN) || b.scimType !== undefined || b.detail !== undefined)),
  z.transform((b) => ({ scimType: errorText(b.scimType), detail: errorText(b.detail) })),
);

export type ScimError = z.infer<typeof ErrorBody>;

/** ServiceProviderConfig: only its schema URN is judged; discovery asks whether the endpoint is SCIM at all. */
export const ServiceProviderConfigBody = z
  .object({ schemas: Schemas })
  .check(z.refine((b) => declares(b.schemas, SPC_URN)));

/** The body as a ListResponse, or undefined. */
export function listResponse(json: unknown): ListResponse | undefined {
  const parsed = ListResponseBody.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** The `scimType` and `detail` of a SCIM error body, or undefined when the body is no SCIM error. */
export function scimError(json: unknown): ScimError | undefined {
  const parsed = ErrorBody.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}
