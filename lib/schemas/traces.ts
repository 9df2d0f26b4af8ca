import { z } from "zod";
import {
  attributesSchema,
  keyValueParamSchema,
  limitParam,
  nonEmptyParam,
  refineTimeRange,
  repeatableParam,
  resourceSchema,
  timeRangeShape,
  traceIdSchema,
  unixNanoSchema,
} from "./common";

// GET /api/v1/traces/{traceId} and GET /api/v1/traces (search).

/** OTLP `SpanKind` names, indexed by the OTLP number (0 = SPAN_KIND_UNSPECIFIED → "UNSPECIFIED"). */
export const SPAN_KIND_NAMES = ["UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"] as const;
export type SpanKindName = (typeof SPAN_KIND_NAMES)[number];
export const spanKindSchema = z.enum(SPAN_KIND_NAMES).meta({ description: "OTLP SpanKind without its SPAN_KIND_ prefix" });

/** OTLP `Status.StatusCode` names, indexed by the OTLP number. */
export const STATUS_CODE_NAMES = ["UNSET", "OK", "ERROR"] as const;
export type StatusCodeName = (typeof STATUS_CODE_NAMES)[number];

export const spanEventSchema = z.object({
  timeUnixNano: unixNanoSchema,
  name: z.string(),
  attributes: attributesSchema,
  droppedAttributesCount: z.number().int(),
});

export const spanLinkSchema = z.object({
  traceId: z.string(),
  spanId: z.string(),
  traceState: z.string(),
  attributes: attributesSchema,
  droppedAttributesCount: z.number().int(),
  flags: z.number().int(),
});

export const spanSchema = z.object({
  traceId: z.string(),
  spanId: z.string(),
  parentSpanId: z.string().nullable().describe("null for a root span"),
  serviceName: z.string(),
  name: z.string(),
  kind: spanKindSchema,
  startTimeUnixNano: unixNanoSchema,
  endTimeUnixNano: unixNanoSchema,
  durationNs: z.string().regex(/^\d+$/).describe("end minus start, nanoseconds as a decimal string"),
  status: z.object({ code: z.enum(STATUS_CODE_NAMES), message: z.string() }),
  attributes: attributesSchema,
  events: z.array(spanEventSchema),
  links: z.array(spanLinkSchema),
  resource: resourceSchema,
  scope: z.object({ name: z.string(), version: z.string() }).describe("instrumentation scope; empty strings when not sent"),
  traceState: z.string(),
  flags: z.number().int(),
  isTimeout: z.boolean().describe("Sightline's timeout classification (HTTP 408/504, gRPC DEADLINE_EXCEEDED, timeout errors)"),
  droppedAttributesCount: z.number().int(),
  droppedEventsCount: z.number().int(),
  droppedLinksCount: z.number().int(),
});

export const traceResponseSchema = z.object({
  traceId: z.string(),
  spans: z.array(spanSchema).describe("ordered by start time"),
});

export const traceIdPathSchema = z.object({ traceId: traceIdSchema });

/** The longest duration a span can have: a signed 64-bit count of nanoseconds, in milliseconds. */
export const MAX_DURATION_MS = 9_223_372_036_854;
const durationParam = z.coerce.number().min(0).max(MAX_DURATION_MS, `must be at most ${MAX_DURATION_MS} (what 64-bit nanoseconds hold)`);

/** A search by trace ids names them in the URL: a hundred fit in any browser's address bar. */
export const MAX_SEARCH_TRACE_IDS = 100;

export const TRACE_STATUS_FILTERS = ["error", "ok", "unset", "any"] as const;
export const TRACE_SORTS = ["start", "duration"] as const;

export const traceSearchQuerySchema = z
  .object({
    service: nonEmptyParam.optional().describe("service.name of the matching span"),
    operation: nonEmptyParam.optional().describe("span name of the matching span"),
    minDurationMs: durationParam.optional().describe("the matching span lasted at least this long"),
    maxDurationMs: durationParam.optional().describe("the matching span lasted at most this long"),
    status: z.enum(TRACE_STATUS_FILTERS).default("any").describe("status of the matching span"),
    timeout: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional()
      .describe("true: the matching span is a timeout; false: it is not"),
    attr: repeatableParam(keyValueParamSchema)
      .optional()
      .describe("key=value, repeatable (ANDed): a span or resource attribute equal to the value; numbers and booleans match their text form"),
    attrExists: repeatableParam(nonEmptyParam).optional().describe("attribute key the matching span (or its resource) has, repeatable"),
    traceId: repeatableParam(traceIdSchema)
      .refine((ids) => ids.length <= MAX_SEARCH_TRACE_IDS, `at most ${MAX_SEARCH_TRACE_IDS} trace ids`)
      .optional()
      .describe(`trace id, repeatable (at most ${MAX_SEARCH_TRACE_IDS}): only these traces (e.g. the exemplars of a metric chart)`),
    ...timeRangeShape,
    limit: limitParam(20, 1000),
    sort: z
      .enum(TRACE_SORTS)
      .default("start")
      .describe("start: most recent first; duration: longest first (traces picked by their longest matching span, then ordered by trace duration)"),
  })
  .superRefine((value, ctx) => {
    refineTimeRange(value, ctx);
    if (value.minDurationMs !== undefined && value.maxDurationMs !== undefined && value.minDurationMs > value.maxDurationMs) {
      ctx.addIssue({ code: "custom", path: ["minDurationMs"], message: "must not exceed maxDurationMs" });
    }
  })
  .describe("A trace matches when one of its spans in the window matches every condition (Jaeger semantics). Default window: the last hour.");

export type TraceSearchQuery = z.infer<typeof traceSearchQuerySchema>;

export const traceSummarySchema = z.object({
  traceId: z.string(),
  rootServiceName: z.string(),
  rootName: z.string(),
  rootSpanId: z.string(),
  startTimeUnixNano: unixNanoSchema,
  durationMs: z.number().describe("from the earliest span start to the latest span end"),
  spanCount: z.number().int(),
  errorCount: z.number().int(),
  services: z.array(z.string()).describe("service names in the trace, sorted"),
});

export const traceSearchResponseSchema = z.object({ traces: z.array(traceSummarySchema) });

export type Span = z.infer<typeof spanSchema>;
export type SpanEvent = z.infer<typeof spanEventSchema>;
export type TraceResponse = z.infer<typeof traceResponseSchema>;
export type TraceSummary = z.infer<typeof traceSummarySchema>;
export type TraceSearchResponse = z.infer<typeof traceSearchResponseSchema>;
