import { z } from "zod";
import { keyValueParamSchema, limitParam, nonEmptyParam, refineTimeRange, repeatableParam, timeRangeShape } from "./common";
import { stepParamSchema } from "./red";

// GET /api/v1/metrics (names), /api/v1/metrics/labels (label values) and
// /api/v1/metrics/query (aggregated series).

export const METRIC_TYPES = ["gauge", "sum", "histogram", "exponential_histogram", "summary"] as const;
export const metricTypeSchema = z.enum(METRIC_TYPES);
export type MetricType = (typeof METRIC_TYPES)[number];

/** `service.name` is a label of every series (it comes from the resource, not the point). */
export const SERVICE_LABEL = "service.name";

export const metricListQuerySchema = z.object({
  service: nonEmptyParam.optional().describe("only metrics this service sends"),
});

export const metricInfoSchema = z.object({
  name: z.string(),
  type: metricTypeSchema,
  unit: z.string(),
  description: z.string(),
  temporality: z.enum(["unspecified", "delta", "cumulative"]).describe("of sums and histograms; unspecified for gauges and summaries"),
  isMonotonic: z.boolean(),
  labelKeys: z.array(z.string()).describe("point attribute keys, plus service.name; sorted"),
  seriesCount: z.number().int(),
});

export const metricListResponseSchema = z.object({ metrics: z.array(metricInfoSchema).describe("by name") });

export const metricLabelsQuerySchema = z.object({
  name: nonEmptyParam.describe("metric name"),
  key: nonEmptyParam.describe("label key (service.name for the sending service)"),
});

export const metricLabelsResponseSchema = z.object({
  name: z.string(),
  key: z.string(),
  values: z.array(z.string()).describe("distinct values, sorted, at most 1000; numbers and booleans in their text form"),
});

export const METRIC_AGGS = ["sum", "avg", "min", "max", "rate", "p50", "p90", "p95", "p99"] as const;
export type MetricAgg = (typeof METRIC_AGGS)[number];

export const metricQuerySchema = z
  .object({
    name: nonEmptyParam.describe("metric name"),
    filter: repeatableParam(keyValueParamSchema).optional().describe("label=value, repeatable (ANDed)"),
    agg: z
      .enum(METRIC_AGGS)
      .optional()
      .describe(
        "gauge: avg/min/max/sum of samples, pNN of samples. Counter (monotonic or delta sum): sum = increase per step, rate = increase per second, " +
          "avg/min/max of the per-series increase. Histogram: pNN from merged bucket counts, rate = observations per second, sum, avg = sum/count, min/max. " +
          "Summary: pNN = mean of the reported quantile across series and points (an approximation), rate, sum, avg. " +
          "Default: rate for counters, p95 for histograms and summaries, avg otherwise.",
      ),
    groupBy: repeatableParam(nonEmptyParam).optional().describe("label key, repeatable: one series per distinct value combination; one series for all when absent"),
    ...timeRangeShape,
    step: stepParamSchema.optional(),
  })
  .superRefine(refineTimeRange)
  .describe("Default window: the last hour; default step keeps each series at about 300 points (at least 10 s); a requested step that would give more than 1000 points a series is raised (see requestedStep).");

export type MetricQuery = z.infer<typeof metricQuerySchema>;

export const metricSeriesSchema = z.object({
  labels: z.record(z.string(), z.string()).describe("the groupBy labels of this series"),
  points: z.array(z.tuple([z.number(), z.number()])).describe("[bucket start in Unix milliseconds, value]; buckets without data are left out"),
});

export const metricQueryResponseSchema = z.object({
  name: z.string(),
  type: metricTypeSchema.nullable().describe("null when no series matched"),
  unit: z.string(),
  agg: z.enum(METRIC_AGGS),
  step: z.number().int().describe("bucket width in seconds"),
  requestedStep: z
    .number()
    .int()
    .nullable()
    .optional()
    .describe("the step asked for (rounded up to whole seconds); null when none was (always sent; optional only for older clients' fixtures). `step` is larger when the asked step would give more than 1000 points a series"),
  series: z.array(metricSeriesSchema),
});

const metricWindowShape = {
  name: nonEmptyParam.describe("metric name"),
  filter: repeatableParam(keyValueParamSchema).optional().describe("label=value, repeatable (ANDed)"),
  ...timeRangeShape,
};

export const metricHeatmapQuerySchema = z
  .object({ ...metricWindowShape, step: stepParamSchema.optional() })
  .superRefine(refineTimeRange)
  .describe("Observations of a histogram metric per bucket and step, merged over all matching series. Default window: the last hour.");

export type MetricHeatmapQuery = z.infer<typeof metricHeatmapQuerySchema>;

export const metricHeatmapResponseSchema = z.object({
  name: z.string(),
  type: metricTypeSchema.nullable().describe("null when no series matched"),
  unit: z.string(),
  step: z.number().int().describe("bucket width in seconds"),
  requestedStep: z.number().int().nullable().describe("the step asked for; null when none was"),
  upperBounds: z
    .array(z.number().nullable())
    .describe("histogram bucket upper bounds, ascending; null is +Infinity (the overflow bucket). Bucket i holds (upperBounds[i-1], upperBounds[i]]"),
  cells: z.array(z.tuple([z.number(), z.number().int(), z.number()])).describe("[step start in Unix milliseconds, bucket index, observations]; empty cells are left out"),
});

export const METRIC_EXEMPLAR_LIMIT = 200;

export const metricExemplarsQuerySchema = z
  .object({
    ...metricWindowShape,
    order: z.enum(["newest", "slowest"]).default("newest").describe("newest first, or largest value first"),
    limit: limitParam(50, METRIC_EXEMPLAR_LIMIT),
  })
  .superRefine(refineTimeRange)
  .describe("Exemplars (a measurement with the trace it was recorded in) stored with the metric's points. Default window: the last hour.");

export type MetricExemplarsQuery = z.infer<typeof metricExemplarsQuerySchema>;

export const metricExemplarSchema = z.object({
  timeMs: z.number().describe("when the measurement was recorded, Unix milliseconds"),
  value: z.number(),
  traceId: z.string().describe("32 hexadecimal characters"),
  spanId: z.string().nullable().describe("16 hexadecimal characters"),
  labels: z.record(z.string(), z.string()).describe("the series' labels (service.name and point attributes) and the exemplar's filtered attributes"),
});

export const metricExemplarsResponseSchema = z.object({
  name: z.string(),
  unit: z.string(),
  exemplars: z.array(metricExemplarSchema).describe("only exemplars that name a trace"),
});

export type MetricInfo = z.infer<typeof metricInfoSchema>;
export type MetricListResponse = z.infer<typeof metricListResponseSchema>;
export type MetricLabelsResponse = z.infer<typeof metricLabelsResponseSchema>;
export type MetricSeries = z.infer<typeof metricSeriesSchema>;
export type MetricQueryResponse = z.infer<typeof metricQueryResponseSchema>;
export type MetricHeatmapResponse = z.infer<typeof metricHeatmapResponseSchema>;
export type MetricExemplar = z.infer<typeof metricExemplarSchema>;
export type MetricExemplarsResponse = z.infer<typeof metricExemplarsResponseSchema>;
