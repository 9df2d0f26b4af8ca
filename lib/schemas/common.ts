import { z } from "zod";
import { errorStatus } from "@/lib/http/api-error";
import { parseKeyValue, parseTimeParam, TIME_PARAM_RANGE_MS } from "./params";

// Building blocks every query API schema shares: times, ranges, limits, repeatable and
// `key=value` parameters, ids, attribute maps and the error body. Query parameters arrive as
// text (or an array of texts when repeated), so each schema's input side is a string and its
// output the typed value; the OpenAPI document is generated from the input side.

export const NUL_MESSAGE = "must not contain NUL (U+0000) characters";

/**
 * PostgreSQL refuses U+0000 in text and jsonb (an error, hence once a 500), so every text
 * parameter refuses it here, by name: `.refine(hasNoNul, NUL_MESSAGE)`.
 */
export const hasNoNul = (text: string) => !text.includes("\u0000");

const TIME_RANGE_TEXT = `${new Date(TIME_PARAM_RANGE_MS.min).toISOString()} and ${new Date(TIME_PARAM_RANGE_MS.max).toISOString()}`;
export const TIME_RANGE_MESSAGE = `must be between ${TIME_RANGE_TEXT}`;
export const isWithinTimeRange = (ms: number) => ms >= TIME_PARAM_RANGE_MS.min && ms <= TIME_PARAM_RANGE_MS.max;

/** `from`/`to`: ISO-8601 or Unix milliseconds, parsed to Unix milliseconds within TIME_PARAM_RANGE_MS. */
export const timeParamSchema = z
  .string()
  .transform((text, ctx) => {
    const ms = parseTimeParam(text);
    if (ms === null) {
      ctx.addIssue({ code: "custom", message: `expected ISO-8601 (e.g. 2025-11-24T16:00:00Z) or Unix milliseconds, got "${text}"` });
      return z.NEVER;
    }
    if (!isWithinTimeRange(ms)) {
      ctx.addIssue({ code: "custom", message: `${TIME_RANGE_MESSAGE}, got "${text}"` });
      return z.NEVER;
    }
    return ms;
  })
  .meta({
    description: `ISO-8601 time (read as UTC when it has no offset) or Unix milliseconds, e.g. 2025-11-24T16:00:00Z or 1764000000000; between ${TIME_RANGE_TEXT}`,
  });

export const timeRangeShape = {
  from: timeParamSchema.optional(),
  to: timeParamSchema.optional(),
};

/** Refinement for objects with `from`/`to`: the window must not be empty or reversed. */
export function refineTimeRange(value: { from?: number | undefined; to?: number | undefined }, ctx: z.RefinementCtx) {
  if (value.from !== undefined && value.to !== undefined && value.from >= value.to) {
    ctx.addIssue({ code: "custom", path: ["from"], message: "must be earlier than to" });
  }
}

/** A positive integer limit with a default and a ceiling. */
export function limitParam(defaultValue: number, max: number) {
  return z.coerce.number().int().min(1).max(max).default(defaultValue).meta({ description: `maximum number of results (default ${defaultValue}, at most ${max})` });
}

/**
 * A parameter that may be given several times (`?attr=a&attr=b`): the route wrapper hands over
 * one string or an array of them, and this always yields an array of parsed items.
 */
export function repeatableParam<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .pipe(z.array(item));
}

/** `key=value`, as used by `attr` and `filter`. */
export const keyValueParamSchema = z
  .string()
  .refine(hasNoNul, NUL_MESSAGE)
  .transform((text, ctx) => {
    const pair = parseKeyValue(text);
    if (!pair) {
      ctx.addIssue({ code: "custom", message: `expected key=value, got "${text}"` });
      return z.NEVER;
    }
    return pair;
  });

/** A non-empty single value (a repeated single-value parameter is a 400, not a silent pick). */
export const nonEmptyParam = z.string().trim().min(1, "must not be empty").refine(hasNoNul, NUL_MESSAGE);

export const traceIdSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{32}$/, "must be 32 hexadecimal characters")
  .transform((id) => id.toLowerCase())
  .meta({ description: "trace id, 32 hexadecimal characters", example: "5b8efff798038103d269b633813fc60c" });

export const spanIdSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{16}$/, "must be 16 hexadecimal characters")
  .transform((id) => id.toLowerCase())
  .meta({ description: "span id, 16 hexadecimal characters", example: "eee19b7ec3c1b174" });

/**
 * Any JSON value: an OTLP attribute value (kvlist → object, array → array, bytes → base64 text),
 * and also a column value in an audited row. One instance, so OpenAPI names it once (AnyValue).
 */
export const attributeValueSchema = z.json();
export const attributesSchema = z.record(z.string(), attributeValueSchema).meta({ description: "flat attribute map (OTLP key/value pairs)" });

/** Nanoseconds since the Unix epoch as a decimal string (a JS number cannot hold them exactly). */
export const unixNanoSchema = z.string().regex(/^\d+$/).meta({ description: "nanoseconds since the Unix epoch, as a decimal string", example: "1764000000123456789" });

export const resourceSchema = z.object({ attributes: attributesSchema }).meta({ description: "the OTLP resource that sent the record" });

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]]),
    message: z.string().describe("what is wrong, naming the parameter"),
    requestId: z.string().optional().describe("the server logged what this answer leaves out under this id (also the X-Request-Id header)"),
  }),
});
