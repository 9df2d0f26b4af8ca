// The last stored point of every series per bucket, kept by ingest beside all points
// (lib/ingest/store/store-metrics.ts) so charts of long windows read few rows stored together
// instead of probing metric_points once per series and step (lib/query/read-metric-points.ts).
// Coarsest first: a read takes whole buckets of the coarsest level that divides its step.
// The tables are made by the migrations 1764000000006 (5 minutes) and 1764000000007 (1 hour).

export interface MetricSampleTable {
  table: "metric_points_1h" | "metric_points_5m";
  bucketMs: number;
  /** The bucket as a PostgreSQL interval literal (a constant, never user input). */
  interval: "1 hour" | "5 minutes";
}

export const METRIC_SAMPLE_TABLES: readonly MetricSampleTable[] = [
  { table: "metric_points_1h", bucketMs: 3_600_000, interval: "1 hour" },
  { table: "metric_points_5m", bucketMs: 300_000, interval: "5 minutes" },
];

/** The point columns a sample table repeats from metric_points (exemplars and flags are not sampled). */
export const SAMPLED_POINT_COLUMNS = "time_ns, start_time_ns, value, count, sum, min, max, bucket_counts, explicit_bounds, exp_histogram, quantiles";

/**
 * `INSERT INTO <table> … SELECT … FROM <source> ON CONFLICT …`: the last point of each series
 * per bucket from `source` (a relation with metric_points' columns), replacing a stored sample
 * only with a later point.
 */
export function upsertSamplesSql(level: MetricSampleTable, source: string): string {
  const bucket = `date_bin(interval '${level.interval}', time, 'epoch'::timestamptz)`;
  const updates = SAMPLED_POINT_COLUMNS.split(", ").map((column) => `${column} = excluded.${column}`).join(", ");
  return `INSERT INTO ${level.table} AS s (bucket, series_id, time, ${SAMPLED_POINT_COLUMNS})
     SELECT DISTINCT ON (series_id, ${bucket}) ${bucket}, series_id, time, ${SAMPLED_POINT_COLUMNS}
       FROM ${source}
      ORDER BY series_id, ${bucket}, time DESC
     ON CONFLICT (series_id, bucket) DO UPDATE SET time = excluded.time, ${updates}
     WHERE excluded.time > s.time`;
}
