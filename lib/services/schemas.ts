import { z } from "zod";
import { decodePathSegment } from "@/lib/client/decode-path-segment";
import { limitParam, nonEmptyParam, refineTimeRange, timeRangeShape } from "@/lib/schemas/common";
import { spanKindSchema } from "@/lib/schemas/traces";

// The services area's API contract: the health list (/api/v1/service-health), the worst
// operations of the overview (/api/v1/worst-operations) and the parts of one service's page
// (/api/v1/services/{service}/…). Parsed by the routes and, in the browser, by fetchJson.

export const serviceWindowQuerySchema = z.object({ ...timeRangeShape }).superRefine(refineTimeRange).describe("Default window: the last hour.");

export const servicePathSchema = z.object({
  service: nonEmptyParam.transform(decodePathSegment).describe("service.name, percent-encoded"),
});

const ms = z.number().nullable();

export const healthStatusSchema = z.enum(["ok", "warn", "bad"]);
export type HealthStatus = z.infer<typeof healthStatusSchema>;
export const BASELINES = ["day", "week"] as const;
export const baselineSchema = z.enum(BASELINES);
export type Baseline = z.infer<typeof baselineSchema>;
export const HEALTH_METRICS = ["errorRate", "p95", "rate", "timeoutRate"] as const;

export const healthReasonSchema = z.object({
  metric: z.enum(HEALTH_METRICS),
  level: z.enum(["warn", "bad"]),
  baseline: baselineSchema.nullable().describe("the baseline compared with; null for an absolute threshold (no baseline traffic)"),
  current: z.number(),
  previous: z.number().nullable(),
});
export type HealthReason = z.infer<typeof healthReasonSchema>;

export const redStatsSchema = z.object({
  count: z.number().int(),
  rate: z.number().describe("requests per second over the window"),
  errors: z.number().int(),
  errorRate: z.number().nullable().describe("0..1; null without requests"),
  timeouts: z.number().int(),
  p50: ms.describe("milliseconds"),
  p95: ms,
  p99: ms,
});
export type RedStats = z.infer<typeof redStatsSchema>;

export const serviceHealthSchema = z.object({
  name: z.string(),
  type: z.enum(["service", "peer"]).describe("peer: an external system seen only in other services' CLIENT spans (peer.service / server.address)"),
  stats: redStatsSchema,
  baselines: z.object({ day: redStatsSchema.nullable(), week: redStatsSchema.nullable() }),
  status: healthStatusSchema,
  lowTraffic: z.boolean().describe("too few requests to judge errors and latency against a baseline"),
  reasons: z.array(healthReasonSchema),
  sparkline: z.array(z.number()).describe("requests per second, one value per equal slice of the window"),
});
export type ServiceHealth = z.infer<typeof serviceHealthSchema>;

export const serviceHealthResponseSchema = z.object({
  fromMs: z.number().int(),
  toMs: z.number().int(),
  services: z.array(serviceHealthSchema).describe("worst first: bad, warn, ok; then by error rate and traffic"),
  percentilesSampled: z.boolean().describe("true when p50/p95/p99 were read from a sample of the window's minutes (long windows)"),
});
export type ServiceHealthResponse = z.infer<typeof serviceHealthResponseSchema>;

export const serviceOperationStatsSchema = z.object({
  name: z.string(),
  kind: spanKindSchema,
  count: z.number().int(),
  rate: z.number(),
  errorRate: z.number().nullable(),
  p95: ms,
  durationSumMs: z.number(),
  impact: z.number().describe("the operation's summed duration over the service's summed request duration (SERVER and CONSUMER spans), 0..1 usually"),
});
export type ServiceOperationStats = z.infer<typeof serviceOperationStatsSchema>;

export const serviceOperationsResponseSchema = z.object({
  operations: z.array(serviceOperationStatsSchema).describe("most costly first (impact)"),
  percentilesSampled: z.boolean(),
});
export type ServiceOperationsResponse = z.infer<typeof serviceOperationsResponseSchema>;

export const dependencyEdgeSchema = z.object({
  service: z.string().describe("the other side of the call"),
  type: z.enum(["service", "peer"]),
  operations: z.array(z.string()).describe("the caller's CLIENT span names of these calls"),
  count: z.number().int(),
  rate: z.number(),
  errorRate: z.number().nullable(),
  p95: ms.describe("as the caller measured it (its CLIENT spans)"),
});
export type DependencyEdge = z.infer<typeof dependencyEdgeSchema>;

export const serviceDependenciesResponseSchema = z.object({
  upstream: z.array(dependencyEdgeSchema).describe("services calling this one, busiest first"),
  downstream: z.array(dependencyEdgeSchema).describe("services and peers this one calls, busiest first"),
  discoveredFromMs: z.number().int().describe("calls were matched to callees from spans started since then (the end of the window); their RED is from the whole window's rollups"),
});
export type ServiceDependenciesResponse = z.infer<typeof serviceDependenciesResponseSchema>;

export const serviceErrorSchema = z.object({
  type: z.string().nullable().describe("exception.type; null when the span had only a status message"),
  message: z.string(),
  count: z.number().int(),
  operations: z.array(z.string()),
  lastSeenMs: z.number(),
  sampleTraceId: z.string(),
});
export type ServiceError = z.infer<typeof serviceErrorSchema>;

export const serviceErrorsResponseSchema = z.object({
  errors: z.array(serviceErrorSchema).describe("most frequent first"),
  scannedSpans: z.number().int(),
  complete: z.boolean().describe("false when only the newest failing spans of the window were read (the count is a lower bound)"),
});
export type ServiceErrorsResponse = z.infer<typeof serviceErrorsResponseSchema>;

export const serviceVersionSchema = z.object({
  version: z.string(),
  firstSeenMs: z.number().describe("when the first resource with this version reached Sightline"),
  lastSeenMs: z.number().nullable().describe("newest span of this version near the end of the window; null when it sent none then"),
  instances: z.number().int(),
});

export const serviceVersionsResponseSchema = z.object({
  known: z.boolean().describe("whether Sightline has ever received telemetry from this service"),
  versions: z.array(serviceVersionSchema).describe("newest first"),
});
export type ServiceVersionsResponse = z.infer<typeof serviceVersionsResponseSchema>;

const poolPointsSchema = z.array(z.tuple([z.number(), z.number().nullable()]));
export const dbPoolSchema = z.object({
  pool: z.string().describe("db.client.connection.pool.name, or empty"),
  used: poolPointsSchema,
  idle: poolPointsSchema,
  max: poolPointsSchema,
  pending: poolPointsSchema,
  waitP95Ms: poolPointsSchema,
  latest: z.object({ used: z.number().nullable(), idle: z.number().nullable(), max: z.number().nullable(), pending: z.number().nullable(), waitP95Ms: z.number().nullable() }),
});
export type DbPool = z.infer<typeof dbPoolSchema>;

export const serviceDbPoolResponseSchema = z.object({ step: z.number().int(), pools: z.array(dbPoolSchema) });
export type ServiceDbPoolResponse = z.infer<typeof serviceDbPoolResponseSchema>;

export const worstOperationsQuerySchema = z
  .object({ ...timeRangeShape, limit: limitParam(10, 100) })
  .superRefine(refineTimeRange)
  .describe("Default window: the last hour (the overview asks for the last 15 minutes).");

export const worstOperationSchema = z.object({
  service: z.string(),
  operation: z.string(),
  kind: spanKindSchema,
  count: z.number().int(),
  errorRate: z.number().nullable(),
  p95: ms,
});

export const worstOperationsResponseSchema = z.object({
  slowest: z.array(worstOperationSchema).describe("SERVER and CONSUMER operations by p95, slowest first"),
  failing: z.array(worstOperationSchema).describe("by error rate, with at least a few errors"),
});
export type WorstOperationsResponse = z.infer<typeof worstOperationsResponseSchema>;
