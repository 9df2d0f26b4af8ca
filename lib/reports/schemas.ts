import { z } from "zod";
import { nonEmptyParam, refineTimeRange, timeRangeShape } from "@/lib/schemas/common";
import { listsRoles } from "./report-settings-schema";

// GET /api/v1/reports/timeouts: the facts of the timeout impact report as ONE JSON object. The
// page, the CSV and (later) an incident's frozen copy all read this object, so it carries
// everything they need: the window and configuration it was computed with, and a version.

export const timeoutReportQuerySchema = z
  .object({
    ...timeRangeShape,
    service: nonEmptyParam.optional().describe("entry endpoint's service.name; every entry endpoint with timeouts when absent"),
    operation: nonEmptyParam.optional().describe("entry endpoint's span name (with service)"),
  })
  .superRefine(refineTimeRange)
  .superRefine((value, ctx) => {
    if (value.operation !== undefined && value.service === undefined) ctx.addIssue({ code: "custom", path: ["operation"], message: "needs service" });
  })
  .describe("Default window: the last 24 hours.");

export type TimeoutReportQuery = z.infer<typeof timeoutReportQuerySchema>;

const ms = z.number().describe("Unix milliseconds");
const rate = z.number().nullable().describe("timed-out share of requests, 0..1; null without requests");

export const requestCountsSchema = z.object({
  requests: z.number().int(),
  timedOut: z.number().int(),
  rate,
});

export const endpointSchema = z.object({ service: z.string(), operation: z.string() });

export const timeoutReportSchema = z
  .object({
    version: z.literal(1),
    generatedAtMs: ms,
    window: z.object({ fromMs: ms, toMs: ms }),
    endpoint: endpointSchema.nullable().describe("the entry endpoint asked for; null: all"),
    totals: requestCountsSchema.describe("entry requests (root SERVER spans) of the endpoints below, from the minute rollups"),
    baseline: z.object({
      dayBefore: requestCountsSchema.describe("the same window 24 hours earlier"),
      weekBefore: requestCountsSchema.describe("the same window 7 days earlier"),
      usualRate: z.number().nullable().describe("mean timeout rate of the baselines with requests; null: no baseline traffic"),
      ratio: z.number().nullable().describe("rate / usualRate; null when the usual rate is zero or unknown"),
    }),
    period: z.object({
      firstTimeoutMs: ms.nullable(),
      lastTimeoutMs: ms.nullable().describe("end of the last timed-out request"),
      quietMs: z.number().describe("how long without a timeout, up to the window's end, counts as over"),
      isOver: z.boolean().nullable().describe("no timeout in the last quietMs of the window; null without timeouts"),
    }),
    endpoints: z.array(endpointSchema.extend(requestCountsSchema.shape)).describe("entry endpoints with timed-out requests, most first"),
    series: z.object({
      stepMs: z.number().int(),
      points: z.array(
        z.object({
          timeMs: ms,
          requests: z.number().int(),
          timedOut: z.number().int(),
          dayBeforeTimedOut: z.number().int(),
          weekBeforeTimedOut: z.number().int(),
        }),
      ),
    }),
    cause: z.object({
      sampledTraces: z.number().int().describe("timed-out traces whose critical path was walked (at most 200)"),
      ranking: z
        .array(endpointSchema.extend({ criticalMs: z.number(), share: z.number().describe("of the critical time below the entry spans, 0..1"), traces: z.number().int() }))
        .describe("who held the time on the critical path, most first"),
      slowCall: z
        .object({
          caller: endpointSchema.nullable().describe("the CLIENT span's service and name, when the call was a client call"),
          callee: endpointSchema,
          thresholdMs: z.number(),
          traces: z.number().int().describe("sampled traces with a call to the callee over the threshold"),
          share: z.number().describe("traces / sampledTraces"),
          traceIds: z.array(z.string()).describe("up to 20 of them"),
        })
        .nullable(),
    }),
    impact: z.object({
      timedOutTraces: z.number().int().describe("timed-out entry requests examined for customers and orders"),
      truncated: z.boolean().describe("more timed-out requests than examined (counts below are lower bounds)"),
      customers: z.object({ count: z.number().int(), ids: z.array(z.string()).optional().describe("up to 200; absent when `lists.withheld`") }),
      orders: z.object({ count: z.number().int(), ids: z.array(z.string()).optional().describe("up to 200; absent when `lists.withheld`") }),
      moneyByCurrency: z.array(z.object({ currency: z.string(), amount: z.number(), orders: z.number().int() })).describe("over distinct affected orders, largest first"),
    }),
    stateLeft: z.object({
      ordersChecked: z.number().int(),
      ordersWithoutAudit: z.number().int().describe("affected orders with no audited change: their state is unknown"),
      unpaid: z.object({
        count: z.number().int(),
        moneyByCurrency: z.array(z.object({ currency: z.string(), amount: z.number(), orders: z.number().int() })),
        orders: z
          .array(z.object({ orderId: z.string(), status: z.string().nullable(), changedAtMs: ms, amount: z.number().nullable(), currency: z.string().nullable(), traceId: z.string() }))
          .optional()
          .describe("up to 200, oldest change first; absent when `lists.withheld`"),
      }),
      paymentsRecovered: z
        .array(z.object({ paymentId: z.string(), orderId: z.string(), timedOutAtMs: ms, succeededAtMs: ms }))
        .optional()
        .describe("payments recorded as timed out that later succeeded or were confirmed by the provider (up to 200); absent when `lists.withheld`"),
      paymentsRecoveredCount: z.number().int().describe("how many such payments (all of them, listed or not)"),
    }),
    lists: z
      .object({
        withheld: z.boolean().describe("the caller's role may not see customer and order lists: the ids above are left out, the counts kept"),
        visibleTo: z.enum(listsRoles).describe("the smallest role that sees them (Settings → Timeout report)"),
      })
      .describe("who may see the lists of customer and order ids"),
    examples: z.array(z.object({ traceId: z.string(), service: z.string(), operation: z.string(), startMs: ms, durationMs: z.number() })).describe("up to 10 timed-out requests"),
    config: z.object({
      customer: z.array(z.string()),
      order: z.array(z.string()),
      amount: z.array(z.string()),
      currency: z.array(z.string()),
      ordersTable: z.string(),
      paymentsTable: z.string(),
      unpaidStatuses: z.array(z.string()),
    }),
  })
  .meta({ description: "Timeout impact report facts" });

export type TimeoutReport = z.infer<typeof timeoutReportSchema>;
export type RequestCounts = z.infer<typeof requestCountsSchema>;
export type Endpoint = z.infer<typeof endpointSchema>;
