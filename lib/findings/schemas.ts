import { z } from "zod";
import { nonEmptyParam, refineTimeRange, timeParamSchema, timeRangeShape, traceIdSchema, unixNanoSchema } from "@/lib/schemas/common";
import { spanKindSchema } from "@/lib/schemas/traces";

// The findings area's API contract: causes Sightline names by joining traces with the audit
// trail and with each other — deliveries that did nothing because their work was already done
// (idempotency hits), slow windows of an operation, and what sets a slow window's traces apart
// from the baseline's (BubbleUp). Parsed by the routes and, in the browser, by fetchJson.

export const findingsWindowQuerySchema = z.object({ ...timeRangeShape }).superRefine(refineTimeRange).describe("Default window: the last hour.");

const deliveryTraceSchema = z.object({
  traceId: z.string(),
  startTimeUnixNano: unixNanoSchema.describe("start of the delivery's span of the operation"),
});

export const duplicateDeliverySchema = z.object({
  service: z.string(),
  operation: z.string().describe("span name of the delivery (a SERVER or CONSUMER span)"),
  keys: z.array(z.object({ key: z.string(), value: z.string() })).describe("the business keys both deliveries carried (order.id, payment.id, an idempotency key…)"),
  duplicate: deliveryTraceSchema.extend({
    flagged: z.boolean().describe("the span itself said it was a duplicate (e.g. payment.callback.duplicate=true)"),
  }),
  original: deliveryTraceSchema
    .nullable()
    .describe("the earlier delivery whose trace changed audited rows; null when the span said it was a duplicate but that delivery is not stored in the searched time"),
});
export type DuplicateDelivery = z.infer<typeof duplicateDeliverySchema>;

export const duplicateDeliveriesResponseSchema = z.object({
  fromMs: z.number().int(),
  toMs: z.number().int(),
  deliveries: z.array(duplicateDeliverySchema).describe("newest duplicate first"),
  truncated: z.boolean().describe("true when more repeated business keys were seen than were examined"),
});
export type DuplicateDeliveriesResponse = z.infer<typeof duplicateDeliveriesResponseSchema>;

export const traceDeliveriesResponseSchema = z.object({
  traceId: z.string(),
  duplicateOf: z.array(duplicateDeliverySchema).describe("this trace did nothing: the work was already done by the original named in each (usually one)"),
  duplicates: z.array(duplicateDeliverySchema).describe("later deliveries of this trace's work that did nothing"),
});
export type TraceDeliveriesResponse = z.infer<typeof traceDeliveriesResponseSchema>;

export const traceDeliveriesPathSchema = z.object({ traceId: traceIdSchema });

// --- Slow windows and why they were slow -------------------------------------------------

export const slowWindowSchema = z.object({
  service: z.string(),
  operation: z.string(),
  kind: spanKindSchema,
  fromMs: z.number().int(),
  toMs: z.number().int(),
  meanMs: z.number().describe("mean duration in the slow window"),
  baselineMeanMs: z.number().describe("median of the operation's per-minute mean durations over the searched time"),
  count: z.number().int().describe("requests in the slow window"),
});
export type SlowWindow = z.infer<typeof slowWindowSchema>;

export const slowWindowsResponseSchema = z.object({
  fromMs: z.number().int(),
  toMs: z.number().int(),
  windows: z.array(slowWindowSchema).describe("most slowed-down first (mean over baseline)"),
});
export type SlowWindowsResponse = z.infer<typeof slowWindowsResponseSchema>;

export const whySlowQuerySchema = z
  .object({
    service: nonEmptyParam.describe("service.name of the slow operation"),
    operation: nonEmptyParam.optional().describe("span name of the slow operation; absent: every request the service served (its SERVER and CONSUMER spans)"),
    from: timeParamSchema.describe("start of the slow window"),
    to: timeParamSchema.describe("end of the slow window"),
    thresholdMs: z.coerce.number().positive().max(86_400_000).optional().describe("a request at least this long is slow; default: 1.5 × the 90th percentile of the hour before (or, with too little traffic before, the window's median)"),
  })
  .superRefine(refineTimeRange);
export type WhySlowQuery = z.infer<typeof whySlowQuerySchema>;

export const FEATURE_TYPES = ["waited", "operation", "service", "kind", "attribute", "error"] as const;

export const slowFeatureSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("waited"), service: z.string(), operation: z.string() }).describe("spent at least a fifth of the request in this span's own time"),
  z.object({ type: z.literal("operation"), service: z.string(), operation: z.string() }).describe("the request made a span of this operation"),
  z.object({ type: z.literal("service"), service: z.string() }).describe("the request went through this service"),
  z.object({ type: z.literal("kind"), service: z.string(), kind: spanKindSchema }).describe("the request had a span of this kind in this service"),
  z.object({ type: z.literal("attribute"), key: z.string(), value: z.string() }).describe("a span of the request carried this attribute value"),
  z.object({ type: z.literal("error"), service: z.string(), operation: z.string() }).describe("this operation failed in the request"),
]);
export type SlowFeature = z.infer<typeof slowFeatureSchema>;

export const slowDifferenceSchema = z.object({
  feature: slowFeatureSchema,
  slowShare: z.number().describe("share of the slow requests with the feature, 0..1"),
  baselineShare: z.number().describe("share of the baseline requests with the feature, 0..1"),
});
export type SlowDifference = z.infer<typeof slowDifferenceSchema>;

export const whySlowResponseSchema = z.object({
  service: z.string(),
  operation: z.string().nullable().describe("null: every request the service served"),
  fromMs: z.number().int(),
  toMs: z.number().int(),
  thresholdMs: z.number(),
  slow: z.object({ count: z.number().int().describe("slow requests in the window"), sampled: z.number().int().describe("how many of them were compared") }),
  baseline: z.object({
    count: z.number().int(),
    sampled: z.number().int(),
    source: z.enum(["before", "fast", "both", "none"]).describe("before: the hour before the window; fast: the window's requests under the threshold"),
    fromMs: z.number().int(),
  }),
  differences: z.array(slowDifferenceSchema).describe("most over-represented in the slow requests first; then the most under-represented"),
  exampleTraceIds: z.array(z.string()).describe("a few of the slow requests' traces"),
});
export type WhySlowResponse = z.infer<typeof whySlowResponseSchema>;
