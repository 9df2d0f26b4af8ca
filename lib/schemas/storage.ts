import { z } from "zod";

// GET /api/v1/storage: how much telemetry is stored, per signal table and day.

export const storagePartitionSchema = z.object({
  day: z.string().describe("UTC day of the partition, YYYY-MM-DD"),
  rows: z.number().int().describe("row count: exact when `exact`, else the planner's estimate"),
  exact: z.boolean().default(false).describe("true: counted (partitions the planner thinks hold at most 10,000 rows); false: planner statistics"),
  bytes: z.number().int(),
});

export const storageTableSchema = z.object({
  table: z.enum(["spans", "span_events", "span_rollups_1m", "span_rollups_1h", "metric_points", "metric_points_5m", "metric_points_1h", "log_records", "audit_changes", "lock_events", "database_activity"]),
  retentionDays: z.number().int(),
  partitions: z.array(storagePartitionSchema),
});

export const storageResponseSchema = z.object({
  database: z.object({ serverVersion: z.string(), sizeBytes: z.number().int(), embedded: z.boolean() }),
  tables: z.array(storageTableSchema),
});

export type StorageResponse = z.infer<typeof storageResponseSchema>;
