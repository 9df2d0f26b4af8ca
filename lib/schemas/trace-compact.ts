import { z } from "zod";
import { hasNoNul, NUL_MESSAGE, spanIdSchema, traceIdSchema, unixNanoSchema } from "./common";
import { spanSchema } from "./traces";

// The trace page's own payloads. GET /api/v1/traces/{traceId} carries every attribute, event
// and resource of every span (~1 KB a span): 10 MB of JSON for a 10,000-span trace, which is
// what makes Jaeger UI slow on big traces. The waterfall needs far less, so it reads a
// columnar skeleton (~60 bytes a span, names and services sent once) and fetches one span's
// detail when it is opened.

/** Bits of `spans.flags`. */
export const SPAN_FLAG = {
  /** Sightline classified the span as a timeout. */
  timeout: 1,
  /** It has an `exception` event (a stack trace to show). */
  exception: 2,
  /** It has events of any kind. */
  events: 4,
  /** It links to other spans. */
  links: 8,
} as const;

// Columns are plain number arrays here and their integer ranges are checked in one loop in
// superRefine below: zod's per-element `.int().min()` pipeline made parsing a 10,000-span
// payload seven times slower (57 ms against 8 ms in Node), on the trace page's critical path.
const intColumn = (min: number, max?: number) => z.array(z.number()).meta({ description: `integers ${max === undefined ? `≥ ${min}` : `${min}..${max}`}` });
const INT_RANGES = { parent: [-1, Infinity], service: [0, Infinity], name: [0, Infinity], kind: [0, 5], status: [0, 2], flags: [0, 15] } as const;

export const compactTraceSchema = z
  .object({
    traceId: z.string(),
    startTimeUnixNano: unixNanoSchema.describe("the earliest span start; every `startNs` is an offset from it"),
    services: z.array(z.string()).describe("service names, referenced by index from `spans.service`"),
    names: z.array(z.string()).describe("span names, referenced by index from `spans.name`"),
    spans: z
      .object({
        spanId: z.array(z.string()),
        parent: intColumn(-1).describe("index of the parent span in these columns; -1 for a root or a span whose parent is not stored"),
        service: intColumn(0),
        name: intColumn(0),
        kind: intColumn(0, 5).describe("OTLP SpanKind number"),
        status: intColumn(0, 2).describe("OTLP status code: 0 unset, 1 ok, 2 error"),
        startNs: z.array(z.number()).describe("nanoseconds after `startTimeUnixNano`, ≥ 0 (exact below 2^53 ns, about 104 days)"),
        durationNs: z.array(z.number()).describe("nanoseconds, ≥ 0"),
        flags: intColumn(0).describe("bits: 1 timeout, 2 exception event, 4 any event, 8 links"),
      })
      .describe("one entry per span in every column, ordered by start time"),
    missingParents: z
      .array(z.object({ span: z.number().int().min(0), parentSpanId: z.string() }))
      .describe("spans that name a parent this trace does not hold (it was never received, or not yet)"),
  })
  .superRefine((trace, ctx) => {
    // Index columns are checked here once, so the model code can index without guards.
    const { spans } = trace;
    const n = spans.spanId.length;
    for (const key of ["parent", "service", "name", "kind", "status", "startNs", "durationNs", "flags"] as const) {
      if (spans[key].length !== n) ctx.addIssue({ code: "custom", path: ["spans", key], message: `has ${spans[key].length} entries, spanId has ${n}` });
    }
    for (const [key, [min, max]] of Object.entries(INT_RANGES) as [keyof typeof INT_RANGES, readonly [number, number]][]) {
      const bad = spans[key].findIndex((v) => !Number.isInteger(v) || v < min || v > max);
      if (bad >= 0) ctx.addIssue({ code: "custom", path: ["spans", key, bad], message: `must be an integer from ${min} to ${max}` });
    }
    for (const key of ["startNs", "durationNs"] as const) {
      const bad = spans[key].findIndex((v) => !(v >= 0));
      if (bad >= 0) ctx.addIssue({ code: "custom", path: ["spans", key, bad], message: "must not be negative" });
    }
    if (spans.parent.some((p) => p >= n)) ctx.addIssue({ code: "custom", path: ["spans", "parent"], message: "refers past the last span" });
    if (spans.service.some((s) => s >= trace.services.length)) ctx.addIssue({ code: "custom", path: ["spans", "service"], message: "refers past the last service" });
    if (spans.name.some((s) => s >= trace.names.length)) ctx.addIssue({ code: "custom", path: ["spans", "name"], message: "refers past the last name" });
    if (trace.missingParents.some((m) => m.span >= n)) ctx.addIssue({ code: "custom", path: ["missingParents"], message: "refers past the last span" });
  });

export type CompactTrace = z.infer<typeof compactTraceSchema>;

export const traceSpanPathSchema = z.object({ traceId: traceIdSchema, spanId: spanIdSchema });

export const traceSpanResponseSchema = z.object({ span: spanSchema });
export type TraceSpanResponse = z.infer<typeof traceSpanResponseSchema>;

export const findInTraceQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(200, "must be at most 200 characters")
    .refine(hasNoNul, NUL_MESSAGE)
    .describe("text a span's name, service, status message, attribute key or value, or event contains (case-insensitive)"),
});

export const findInTraceResponseSchema = z.object({
  spanIds: z.array(z.string()).describe("matching spans, at most 10,000"),
  truncated: z.boolean(),
});
export type FindInTraceResponse = z.infer<typeof findInTraceResponseSchema>;
