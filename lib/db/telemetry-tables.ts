// The day-partitioned telemetry tables, their partition column, and which retention applies.
// Kept in one place so partition upkeep, the storage page and the drift test agree.

export const telemetryTables = {
  spans: { timeColumn: "start_time", retention: "spans" },
  span_events: { timeColumn: "span_start_time", retention: "spans" },
  span_rollups_1m: { timeColumn: "minute", retention: "rollups" },
  span_rollups_1h: { timeColumn: "hour", retention: "rollups" },
  metric_points: { timeColumn: "time", retention: "metrics" },
  metric_points_5m: { timeColumn: "bucket", retention: "metrics" },
  metric_points_1h: { timeColumn: "bucket", retention: "metrics" },
  log_records: { timeColumn: "time", retention: "logs" },
  audit_changes: { timeColumn: "committed_at", retention: "audit" },
  lock_events: { timeColumn: "time", retention: "locks" },
  database_activity: { timeColumn: "time", retention: "locks" },
} as const;

export type TelemetryTable = keyof typeof telemetryTables;
export const telemetryTableNames = Object.keys(telemetryTables) as TelemetryTable[];

/** Tables the SQL migrations own that are neither partitioned telemetry nor Prisma models. */
export const supportTables = [
  "resources",
  "metric_series",
  "sightline_migrations",
  "consistency_rules",
  "consistency_queue",
  "consistency_checks",
  "consistency_check_steps",
  "consistency_step_changes",
  "consistency_sightings",
  "slos",
  "alert_contacts",
  "alert_rules",
  "alert_events",
  "alert_notifications",
  "alert_silences",
] as const;

/** `spans_p20261125` → "2026-11-25"; undefined for names that are not day partitions. */
export function partitionDay(table: TelemetryTable, partitionName: string): string | undefined {
  const match = new RegExp(`^${table}_p(\\d{4})(\\d{2})(\\d{2})$`).exec(partitionName);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}
