import type { TelemetryTable } from "./telemetry-tables";

// How Sightline's schema is laid out on Citus (distributed PostgreSQL), as data: the commands in
// docs/scaling.md are generated from it (citus-layout.test.ts keeps them equal) and
// citus-rules.int.test.ts checks the migrated catalog against it, so a new table or key that
// Citus could not distribute fails a test here, not on a user's cluster. Why each column:
// - spans, span_events by trace_id: every trace read (the trace page, its events, causes,
//   deliveries, find-in-trace) names one trace, so it runs on one shard, and a trace's spans and
//   events sit together; ingest spreads evenly (trace ids are random).
// - span_rollups_1m/1h by service_name: RED panels, service health and the timeout report ask
//   for one service (single shard) or all (a few thousand rows per shard); keyed by service, a
//   rollup upsert touches one shard. Not by trace_id: a rollup row sums many traces.
// - metric_series and its points by series id: a chart reads a handful of series, joining each
//   to its points on its own shard. Not by service: one service's series would all sit together.
// - log_records by record_hash (its dedup key: trace_id may be NULL, which Citus refuses in a
//   distribution column); audit_changes and lock_events by id (the agent's stable id, the dedup
//   key); database_activity by database. Their searches span all rows and fan out in parallel.
// Everything else is small and read beside these (resources joined to spans and series, users,
// rules, incidents): reference tables, copied to every worker. sightline_migrations stays a
// plain table on the coordinator, where migrations run.

export interface DistributedTable {
  column: string;
  /** Another distributed table whose shards this one shares (same column type), or "none". */
  colocateWith: string;
}

export const citusDistributed: Record<TelemetryTable | "metric_series", DistributedTable> = {
  spans: { column: "trace_id", colocateWith: "none" },
  span_events: { column: "trace_id", colocateWith: "spans" },
  span_rollups_1m: { column: "service_name", colocateWith: "none" },
  span_rollups_1h: { column: "service_name", colocateWith: "span_rollups_1m" },
  metric_series: { column: "id", colocateWith: "none" },
  metric_points: { column: "series_id", colocateWith: "metric_series" },
  metric_points_5m: { column: "series_id", colocateWith: "metric_series" },
  metric_points_1h: { column: "series_id", colocateWith: "metric_series" },
  log_records: { column: "record_hash", colocateWith: "none" },
  audit_changes: { column: "id", colocateWith: "none" },
  lock_events: { column: "id", colocateWith: "none" },
  database_activity: { column: "database", colocateWith: "none" },
};

/**
 * Reference tables, each after the tables its foreign keys point at (Citus makes the referenced
 * table a reference table first). A table the migrations add must be listed here or above.
 */
export const citusReference = [
  "resources",
  "users",
  "sessions",
  "api_tokens",
  "ingest_keys",
  "settings",
  "activity_events",
  "dashboards",
  "annotations",
  "incidents",
  "incident_events",
  "share_links",
  "consistency_rules",
  "consistency_queue",
  "consistency_checks",
  "consistency_check_steps",
  "consistency_step_changes",
  "consistency_sightings",
  "slos",
  "alert_rules",
  "alert_contacts",
  "alert_events",
  "alert_notifications",
  "alert_silences",
] as const;

/** Left as plain tables on the coordinator. */
export const citusCoordinatorOnly = ["sightline_migrations"] as const;

/** Functions used inside queries on distributed tables (rollup upserts, percentile merges). */
export const citusFunctions = ["sightline_add_histograms(bigint[], bigint[])", "sightline_sum_histograms(bigint[])"] as const;

/** The SQL, in order, that turns a migrated single-node database into a distributed one. */
export function citusCommands(): string[] {
  const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
  // Colocation sources first: a table can only share the shards of one already distributed.
  const ordered = Object.entries(citusDistributed).sort(([, a], [, b]) => Number(a.colocateWith !== "none") - Number(b.colocateWith !== "none"));
  return [
    ...citusReference.map((table) => `SELECT create_reference_table(${literal(table)});`),
    ...ordered.map(([table, { column, colocateWith }]) => `SELECT create_distributed_table(${literal(table)}, ${literal(column)}, colocate_with => ${literal(colocateWith)});`),
    ...citusFunctions.map((fn) => `SELECT create_distributed_function(${literal(fn)});`),
  ];
}

/** Every table the plan places, for the catalog check. */
export function citusPlacedTables(): string[] {
  return [...Object.keys(citusDistributed), ...citusReference, ...citusCoordinatorOnly];
}

