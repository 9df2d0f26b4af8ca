import { z } from "zod";
import { hasNoNul, NUL_MESSAGE, refineTimeRange, timeRangeShape } from "@/lib/schemas/common";

// Service level objectives (issue 17), computed from the per-minute rollups (span_rollups_1m,
// span_rollups_1h for whole hours), so a 28-day SLO reads thousands of rows, not spans.
//   GET/POST /api/v1/slos, GET/PUT/DELETE /api/v1/slos/{id}
//   GET /api/v1/slos/{id}/status?from&to          (level, budget, burn over time, worst operations)
//
// Availability: good = requests that neither failed nor timed out. Latency: good = requests
// faster than thresholdMs (from the rollups' latency histogram buckets). The error budget is
// (1 - target) of the window's requests; burn rate = bad share / (1 - target), so 1 spends the
// budget exactly over the window. Creating an SLO with `alerts` creates the two multi-window
// burn-rate alert rules of the SRE workbook (fast: 1 h and 5 min above 14.4; slow: 6 h and
// 30 min above 6), kept in step with the SLO and deleted with it.

const text = (max: number, min = 1) =>
  z.string().trim().min(min, "must not be empty").max(max, `must be at most ${max} characters`).refine(hasNoNul, NUL_MESSAGE);
const ms = z.number().describe("Unix milliseconds");

export const sloObjectiveSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("availability") }).describe("share of requests that neither failed nor timed out"),
    z.object({ kind: z.literal("latency"), thresholdMs: z.number().positive("must be above 0").max(3_600_000) }).describe("share of requests faster than the threshold"),
  ],
  { error: "kind must be availability or latency" },
);
export type SloObjective = z.infer<typeof sloObjectiveSchema>;

export const sloBodySchema = z.object({
  name: text(200),
  description: text(2_000, 0).default(""),
  service: text(255),
  operation: text(1_000).optional().describe("span name; every server/consumer span of the service when absent"),
  objective: sloObjectiveSchema,
  targetPercent: z.number().gt(0, "must be above 0").lt(100, "must be below 100 (100% leaves no error budget)"),
  windowDays: z.number().int("must be whole days").min(1, "must be at least 1 day").max(90, "must be at most 90 days").default(28),
  alerts: z.boolean().default(true).describe("create the fast and slow burn-rate alert rules"),
  contactIds: z.array(z.uuid("must be a contact point id (UUID)")).max(10).default([]).describe("contact points of the burn-rate alerts"),
  openIncident: z.boolean().default(false).describe("the fast burn-rate alert opens an incident when it fires"),
});
export type SloBody = z.infer<typeof sloBodySchema>;

export const sloSchema = sloBodySchema.extend({
  id: z.uuid(),
  createdAtMs: ms,
  updatedAtMs: ms,
  alertRuleIds: z.array(z.uuid()).describe("the burn-rate alert rules this SLO created"),
  /** over the SLO's own window ending now */
  levelPercent: z.number().nullable().describe("good share of requests; null without requests"),
  budgetRemainingPercent: z.number().nullable().describe("100 = untouched, 0 = spent, below 0 = overspent"),
  firing: z.boolean().describe("one of its burn-rate alerts is firing"),
});
export type Slo = z.infer<typeof sloSchema>;
export const sloListSchema = z.object({ slos: z.array(sloSchema) });
export const sloIdPathSchema = z.object({ id: z.uuid("must be an SLO id (UUID)") });

export const sloStatusSchema = z.object({
  slo: sloSchema,
  totalRequests: z.number().int(),
  badRequests: z.number().int(),
  budgetRequests: z.number().describe("how many bad requests the window allows"),
  /** burn rate per bucket over the chart's window (from/to; default: the SLO window) */
  burn: z.array(z.tuple([ms, z.number().nullable()])),
  /** budget left over time, in % (the remaining-budget curve) */
  budget: z.array(z.tuple([ms, z.number().nullable()])),
  bucketMs: z.number(),
  /** the operations eating the budget, worst first */
  worstOperations: z.array(z.object({ service: z.string(), operation: z.string(), bad: z.number().int(), total: z.number().int(), shareOfBadPercent: z.number() })),
  /** current burn rates over the alert windows */
  burnRates: z.array(z.object({ windowSeconds: z.number().int(), burnRate: z.number().nullable() })),
});
export type SloStatus = z.infer<typeof sloStatusSchema>;

/** The status chart's window; both absent: the SLO's own window ending now. */
export const sloStatusQuerySchema = z.object({ ...timeRangeShape }).superRefine(refineTimeRange);
