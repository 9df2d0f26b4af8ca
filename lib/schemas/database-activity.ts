import { z } from "zod";
import { ingestInstantSchema, isoInstantSchema } from "./audit";
import { nonEmptyParam, refineTimeRange, spanIdSchema, timeRangeShape, traceIdSchema } from "./common";

// What the db agent sees of a database besides locks, sent with its lock events
// (POST /api/v1/ingest/locks, kind "activity") and read back by GET /api/v1/database/activity:
// the sessions idle in a transaction (they hold their locks and keep VACUUM from cleaning up)
// and the tables' scan and vacuum statistics (pg_stat_user_tables).

export const MAX_ACTIVITY_SESSIONS = 50;
export const MAX_ACTIVITY_TABLES = 100;

const count = z.number().int().min(0);
const when = isoInstantSchema.nullable().default(null);

export const idleSessionSchema = z.object({
  pid: z.number().int().positive(),
  user: z.string().max(200).nullable().default(null),
  applicationName: z.string().max(200).nullable().default(null),
  xactStart: when.describe("start of the open transaction"),
  idleSince: isoInstantSchema.describe("when the session went idle (pg_stat_activity.state_change)"),
  idleMs: z.number().min(0).describe("how long it had been idle in its transaction when sampled"),
  query: z.string().max(10_000).nullable().default(null).describe("its last statement, truncated; literals redacted unless the agent is told otherwise"),
  traceId: traceIdSchema.nullable().default(null).describe("from a traceparent in the query's sqlcommenter comment or in application_name"),
  spanId: spanIdSchema.nullable().default(null),
});
export type IdleSession = z.infer<typeof idleSessionSchema>;

export const tableStatsSchema = z.object({
  table: z.string().min(1).max(500).describe("schema-qualified table name"),
  seqScans: count.describe("sequential scans since the statistics were reset"),
  seqRowsRead: count.describe("rows read by those scans"),
  indexScans: count.nullable().default(null).describe("index scans (null: the table has no index)"),
  liveRows: count,
  deadRows: count.describe("dead tuples waiting for VACUUM"),
  lastVacuum: when.describe("last manual VACUUM"),
  lastAutovacuum: when.describe("last VACUUM by autovacuum"),
});
export type TableStats = z.infer<typeof tableStatsSchema>;

export const databaseActivityInputSchema = z.object({
  id: z.string().min(1).max(300).describe("one per sample; a re-sent sample changes nothing"),
  kind: z.literal("activity"),
  database: z.string().min(1).max(200),
  time: ingestInstantSchema.describe("when the agent sampled; from 2000 to 24 h ahead of Sightline's clock"),
  idleSessions: z.array(idleSessionSchema).max(MAX_ACTIVITY_SESSIONS).describe("the longest idle-in-transaction sessions, longest first"),
  tables: z.array(tableStatsSchema).max(MAX_ACTIVITY_TABLES).describe("the tables with the most sequential scans and the most dead tuples"),
});
export type DatabaseActivityInput = z.infer<typeof databaseActivityInputSchema>;

export const databaseActivityQuerySchema = z
  .object({ database: nonEmptyParam, ...timeRangeShape })
  .superRefine(refineTimeRange)
  .describe("Default window: the last hour.");
export type DatabaseActivityQuery = z.infer<typeof databaseActivityQuerySchema>;

export const databaseActivityResponseSchema = z.object({
  samples: z.number().int().describe("agent samples in the window"),
  takenAt: isoInstantSchema.nullable().describe("the newest sample, which the tables are from"),
  tables: z.array(
    tableStatsSchema.extend({
      seqScansInWindow: count.nullable().describe("sequential scans between the window's first and newest sample (null: one sample, or the statistics were reset)"),
    }),
  ),
  idleSessions: z.array(idleSessionSchema).describe("the longest idle-in-transaction sessions of the window (each transaction once, at its longest), longest first"),
});
export type DatabaseActivityResponse = z.infer<typeof databaseActivityResponseSchema>;
