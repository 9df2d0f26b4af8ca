import { z } from "zod";
import { nonEmptyParam, refineTimeRange, timeRangeShape } from "@/lib/schemas/common";

// The causes area's API contract: who held a pool while requests waited for it, the other side
// of a lock wait or deadlock, and the recent causes of a window for the overview. Parsed by the
// routes and, in the browser, by fetchJson; the OpenAPI document is generated from it.

const requestSchema = z
  .object({ service: z.string(), name: z.string() })
  .nullable()
  .describe("the request the trace started with (its root span); null when the root is not stored");

export const holdingRequestSchema = z.object({
  traceId: z.string(),
  spanId: z.string().nullable().describe("the span under which the connection was used"),
  operation: z.string().nullable().describe("the holding service's own entry operation in that trace"),
  request: requestSchema,
  heldMs: z.number().describe("connection-milliseconds held inside the waits"),
  longestHoldMs: z.number().describe("its longest single hold, whole"),
  connections: z.number().int().describe("most connections it held at one moment of the waits"),
  source: z.enum(["spans", "activity"]).describe("spans: its database client spans; activity: the db agent's session samples"),
});

export const holdingOperationSchema = z.object({
  operation: z.string().nullable(),
  requests: z.number().int(),
  heldMs: z.number(),
  longestHoldMs: z.number(),
  connections: z.number().int().describe("most connections its requests held together at one moment of the waits"),
});

export const poolWaitSchema = z.object({
  traceId: z.string(),
  spanId: z.string().describe("the span that waited (e.g. pool.connect)"),
  service: z.string(),
  pool: z.string(),
  startMs: z.number(),
  durationMs: z.number(),
  timedOut: z.boolean().describe("the wait ended in an error (no connection came)"),
  pendingRequests: z.number().int().nullable().describe("requests waiting for the pool when this one started to (itself included), as the span reports"),
  poolMax: z.number().int().nullable().describe("the pool's size, as the span reports"),
  request: requestSchema,
});
export type PoolWait = z.infer<typeof poolWaitSchema>;

export const poolWaitWithHoldersSchema = poolWaitSchema.extend({
  holders: z.object({ operations: z.array(holdingOperationSchema), requests: z.array(holdingRequestSchema) }),
});
export type PoolWaitWithHolders = z.infer<typeof poolWaitWithHoldersSchema>;

const lockSideSchema = z.object({
  pid: z.number().int(),
  traceId: z.string().nullable(),
  spanId: z.string().nullable(),
  query: z.string().nullable().describe("its statement, as the db agent saw it"),
  request: requestSchema,
  statement: z.string().nullable().describe("the name of its database span in its trace, when stored"),
});
export type LockSide = z.infer<typeof lockSideSchema>;

export const lockCauseSchema = z.object({
  eventId: z.string(),
  kind: z.enum(["waited", "blocked", "deadlockVictim", "deadlock"]).describe("this trace's part: it waited, it blocked others, it was the deadlock's victim, or the other side of one"),
  database: z.string(),
  time: z.string(),
  durationMs: z.number().nullable(),
  mode: z.string().nullable(),
  object: z.string().nullable(),
  own: lockSideSchema.describe("this trace's process"),
  others: z.array(lockSideSchema),
});
export type LockCause = z.infer<typeof lockCauseSchema>;

export const traceCausesResponseSchema = z.object({
  traceId: z.string(),
  poolWaits: z.array(poolWaitWithHoldersSchema),
  locks: z.array(lockCauseSchema),
});
export type TraceCausesResponse = z.infer<typeof traceCausesResponseSchema>;

export const poolWaitsQuerySchema = z
  .object({ service: nonEmptyParam.describe("service.name whose pool waits are wanted"), ...timeRangeShape })
  .superRefine(refineTimeRange)
  .describe("Default window: the last hour.");
export type PoolWaitsQuery = z.infer<typeof poolWaitsQuerySchema>;

export const poolWaitsResponseSchema = z.object({
  service: z.string(),
  waits: z.number().int().describe("waits of at least minWaitMs in the window"),
  timedOut: z.number().int(),
  totalWaitMs: z.number(),
  maxWaitMs: z.number().nullable(),
  minWaitMs: z.number().describe("shorter checkouts are not counted as waits"),
  longest: z.array(poolWaitSchema).describe("the longest waits, longest first"),
  holders: z.object({ operations: z.array(holdingOperationSchema), requests: z.array(holdingRequestSchema) }).describe("who held the pool during all the waits"),
});
export type PoolWaitsResponse = z.infer<typeof poolWaitsResponseSchema>;

export const recentCausesQuerySchema = z.object({ ...timeRangeShape }).superRefine(refineTimeRange).describe("Default window: the last hour.");

export const recentCauseSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("poolWait"),
    time: z.number(),
    service: z.string(),
    pool: z.string(),
    waits: z.number().int(),
    maxWaitMs: z.number(),
    victim: poolWaitSchema.describe("the longest wait; its trace shows the holders"),
    topHolder: holdingOperationSchema.nullable(),
  }),
  z.object({
    kind: z.literal("lockWait"),
    time: z.number(),
    eventId: z.string(),
    database: z.string(),
    durationMs: z.number(),
    object: z.string(),
    victim: lockSideSchema.describe("the waiter"),
    other: lockSideSchema.nullable().describe("the first blocker"),
  }),
  z.object({
    kind: z.literal("deadlock"),
    time: z.number(),
    eventId: z.string(),
    database: z.string(),
    victim: lockSideSchema.nullable().describe("the process whose transaction was aborted"),
    others: z.array(lockSideSchema),
  }),
  z.object({
    kind: z.literal("timeouts"),
    time: z.number(),
    service: z.string(),
    operation: z.string(),
    timedOut: z.number().int(),
    traceId: z.string().describe("the latest timed-out request"),
  }),
]);
export type RecentCause = z.infer<typeof recentCauseSchema>;

export const recentCausesResponseSchema = z.object({ causes: z.array(recentCauseSchema).describe("newest first") });
export type RecentCausesResponse = z.infer<typeof recentCausesResponseSchema>;

