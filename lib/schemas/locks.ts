import { z } from "zod";
import { ingestInstantSchema, ingestRejectionsShape, isoInstantSchema } from "./audit";
import { databaseActivityInputSchema, type DatabaseActivityInput } from "./database-activity";
import { limitParam, nonEmptyParam, refineTimeRange, spanIdSchema, timeRangeShape, traceIdSchema } from "./common";

// Lock waits and deadlocks: what the db agent sends (POST /api/v1/ingest/locks) and what
// GET /api/v1/locks answers. A wait is one episode (one process waiting for one lock), sent
// again with a longer duration while it lasts; a deadlock is one cycle the server broke. The
// agent's activity samples (./database-activity.ts) travel in the same body.

export const LOCK_EVENT_KINDS = ["wait", "deadlock"] as const;
export type LockEventKind = (typeof LOCK_EVENT_KINDS)[number];

export const MAX_LOCK_BATCH = 1_000;

const text = (max: number) => z.string().max(max).nullable().default(null);

/** A server process seen in a lock wait: what it runs and for which request. */
export const lockProcessSchema = z.object({
  pid: z.number().int().positive(),
  query: text(10_000).describe("its current (or last) statement, truncated; literals redacted when the database has masked columns"),
  state: text(100).describe("pg_stat_activity.state: active, idle in transaction, ..."),
  user: text(200),
  applicationName: text(200),
  xactStart: isoInstantSchema.nullable().default(null).describe("start of its transaction"),
  traceId: traceIdSchema.nullable().default(null).describe("from a sqlcommenter traceparent in its query"),
  spanId: spanIdSchema.nullable().default(null),
});

export const lockTargetSchema = z.object({
  type: z.string().max(100).describe("pg_locks.locktype: relation, tuple, transactionid, advisory, ..."),
  mode: z.string().max(100).describe("the lock mode waited for, e.g. ShareLock"),
  object: z.string().max(1_000).describe("what is locked, in words: `relation public.orders`, `transaction 1234`, `tuple (0,3) of public.orders`"),
  relation: text(500).describe("schema-qualified relation when the lock is on (part of) a relation"),
});

export const lockBlockerSchema = lockProcessSchema.extend({
  heldModes: z.array(z.string().max(100)).max(20).default([]).describe("modes it holds on the same object"),
  waiting: z.boolean().default(false).describe("it waits for a lock itself (a chain)"),
});

export const lockWaitInputSchema = z.object({
  id: z.string().min(1).max(300).describe("stable per episode: later samples of the same wait update it"),
  kind: z.literal("wait"),
  database: z.string().min(1).max(200),
  time: ingestInstantSchema.describe("when the wait started; from 2000 to 24 h ahead of Sightline's clock"),
  durationMs: z.number().min(0).describe("how long it has waited so far (final once ended)"),
  ended: z.boolean().describe("the wait is over (granted, cancelled or broken as a deadlock)"),
  lock: lockTargetSchema,
  waiter: lockProcessSchema,
  blockers: z.array(lockBlockerSchema).max(100).describe("every process seen blocking it during the episode"),
});

export const deadlockProcessSchema = z.object({
  pid: z.number().int().positive(),
  query: text(10_000),
  waitsFor: z.object({ mode: z.string().max(100), object: z.string().max(1_000) }).nullable().describe("the lock it waited for in the cycle"),
  blockedBy: z.array(z.number().int().positive()).max(100),
  traceId: traceIdSchema.nullable().default(null),
  spanId: spanIdSchema.nullable().default(null),
});

export const deadlockInputSchema = z.object({
  id: z.string().min(1).max(300),
  kind: z.literal("deadlock"),
  database: z.string().min(1).max(200),
  time: ingestInstantSchema.describe("when the server detected the deadlock (or when the agent saw the counter grow); from 2000 to 24 h ahead of Sightline's clock"),
  source: z.enum(["log", "counter"]).describe("log: the whole cycle from the server log; counter: pg_stat_database.deadlocks grew, details unavailable"),
  count: z.number().int().min(1).describe("deadlocks this event stands for (1 from the log)"),
  victimPid: z.number().int().positive().nullable().default(null).describe("the process whose transaction was aborted to break the cycle"),
  processes: z.array(deadlockProcessSchema).max(100),
  message: text(2_000).describe("the server's message, or why details are unavailable"),
  context: text(2_000).describe("the log's CONTEXT line, e.g. the tuple being updated"),
});

export const lockEventInputSchema = z.discriminatedUnion("kind", [lockWaitInputSchema, deadlockInputSchema]);
export type LockEventInput = z.infer<typeof lockEventInputSchema>;
export type LockWaitInput = z.infer<typeof lockWaitInputSchema>;
export type DeadlockInput = z.infer<typeof deadlockInputSchema>;

/** One item of the agent's lock ingest body: a lock event or a database activity sample. */
export const agentEventInputSchema = z.discriminatedUnion("kind", [lockWaitInputSchema, deadlockInputSchema, databaseActivityInputSchema]);
export type AgentEventInput = LockEventInput | DatabaseActivityInput;

export const lockIngestBodySchema = z.object({
  events: z.array(agentEventInputSchema).min(1, "must hold at least one event").max(MAX_LOCK_BATCH, `must hold at most ${MAX_LOCK_BATCH} events`),
});

export const lockIngestResponseSchema = z.object({
  inserted: z.number().int().describe("new events"),
  updated: z.number().int().describe("events already stored (a wait still going on, or a re-sent batch)"),
  ...ingestRejectionsShape,
});
export type LockIngestResponse = z.infer<typeof lockIngestResponseSchema>;
/** What the store writes report; the handler adds the rejections. */
export type LockStoreResult = Omit<LockIngestResponse, "rejected" | "errors">;

export const lockEventsQuerySchema = z
  .object({
    kind: z.enum(LOCK_EVENT_KINDS).optional(),
    database: nonEmptyParam.optional(),
    traceId: traceIdSchema.optional().describe("events in which any process ran for this trace"),
    ...timeRangeShape,
    limit: limitParam(100, 1_000),
  })
  .superRefine(refineTimeRange)
  .describe("Newest first. Default window: all stored events.");
export type LockEventsQuery = z.infer<typeof lockEventsQuerySchema>;

// Stored events are read back without the ingest window: it is judged by the clock at ingest.
const stored = { time: isoInstantSchema, traceIds: z.array(z.string()).describe("trace ids of every process involved") };

export const lockWaitSchema = lockWaitInputSchema.extend(stored);
export const deadlockSchema = deadlockInputSchema.extend(stored);
export const lockEventSchema = z.discriminatedUnion("kind", [lockWaitSchema, deadlockSchema]);

export const lockEventsResponseSchema = z.object({ events: z.array(lockEventSchema) });

export type LockEvent = z.infer<typeof lockEventSchema>;
export type LockEventsResponse = z.infer<typeof lockEventsResponseSchema>;
