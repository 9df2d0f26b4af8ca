import { z } from "zod";
import { nonEmptyParam, refineTimeRange, timeRangeShape } from "./common";
import { MAX_STEP_SECONDS, parseDurationSeconds } from "./params";
import { SPAN_KIND_NAMES } from "./traces";

// GET /api/v1/red: rate, errors and duration of one service (or one of its operations) over
// time, read from the per-minute rollups.

/** `SERVER`, `server` or the OTLP number `2`, as the OTLP number. */
export const spanKindParamSchema = z
  .string()
  .transform((text, ctx) => {
    const upper = text.trim().toUpperCase().replace(/^SPAN_KIND_/, "");
    const byName = SPAN_KIND_NAMES.indexOf(upper as (typeof SPAN_KIND_NAMES)[number]);
    const index = byName >= 0 ? byName : /^[0-5]$/.test(upper) ? Number(upper) : -1;
    if (index < 0) {
      ctx.addIssue({ code: "custom", message: `expected one of ${SPAN_KIND_NAMES.join(", ")} (or 0-5), got "${text}"` });
      return z.NEVER;
    }
    return index;
  })
  .meta({ description: "span kind: INTERNAL, SERVER, CLIENT, PRODUCER, CONSUMER (any case) or the OTLP number" });

/** `60s`, `5m`, `1h` or seconds, as seconds. */
export const stepParamSchema = z
  .string()
  .transform((text, ctx) => {
    const seconds = parseDurationSeconds(text);
    if (seconds === null) {
      ctx.addIssue({ code: "custom", message: `expected a duration like 60s, 5m, 1h or a number of seconds, got "${text}"` });
      return z.NEVER;
    }
    if (seconds > MAX_STEP_SECONDS) {
      ctx.addIssue({ code: "custom", message: `must be at most ${MAX_STEP_SECONDS / 86_400}d, got "${text}"` });
      return z.NEVER;
    }
    return seconds;
  })
  .meta({ description: `bucket width: 60s, 5m, 1h, 1d or seconds, at most ${MAX_STEP_SECONDS / 86_400}d; default keeps the series at about 300 points` });

export const redQuerySchema = z
  .object({
    service: nonEmptyParam.describe("service.name"),
    operation: nonEmptyParam.optional().describe("span name; all operations when absent"),
    kind: spanKindParamSchema.optional().describe("only spans of this kind; all kinds when absent"),
    ...timeRangeShape,
    step: stepParamSchema.optional(),
  })
  .superRefine(refineTimeRange)
  .describe("Default window: the last hour. The step is rounded up to whole minutes (the rollup resolution), 60 s at least.");

export type RedQuery = z.infer<typeof redQuerySchema>;

const ms = z.number().nullable();

export const redPointSchema = z.object({
  time: z.number().int().describe("bucket start, Unix milliseconds"),
  count: z.number().int().describe("spans that started in the bucket"),
  rate: z.number().describe("spans per second"),
  errorRate: z.number().nullable().describe("share of spans with status ERROR, 0..1; null without spans"),
  timeoutRate: z.number().nullable().describe("share of spans classified as timeouts, 0..1; null without spans"),
  avgMs: ms,
  maxMs: ms,
  p50: ms.describe("milliseconds, from the merged latency histogram (within ±9.5%)"),
  p90: ms,
  p95: ms,
  p99: ms,
});

export const redResponseSchema = z.object({
  step: z.number().int().describe("bucket width in seconds"),
  points: z.array(redPointSchema).describe("one per bucket from the bucket holding `from` up to `to`, empty buckets included"),
});

export type RedPoint = z.infer<typeof redPointSchema>;
export type RedResponse = z.infer<typeof redResponseSchema>;
