import type pg from "pg";
import { METRIC_SAMPLE_TABLES, upsertSamplesSql } from "@/lib/query/metric-sample-tables";
import { BENCH_METRIC_INTERVAL_MS } from "./seed-bench-metrics";
import { BENCH_SERVICES } from "./seed-bench-telemetry";

// Batch jobs reported only as metrics, for the query benchmark's jobs cases: per benchmark
// service one job `<service>-sweep` that runs once a minute and fails once an hour, as an SDK
// exporting every 10 s sends it: the counter shop.batch_job.runs{job.name,outcome} and the
// histogram shop.batch_job.duration of the same labels, cumulative since the window's start.
// 4 series a service, 32 in all, each with a point every 10 s (so 5 of 6 points repeat the last).

const SERIES_BASE_ID = 9_100_000_000;
const SCOPE = "bench-jobs";

export async function seedBenchJobMetricSeries(db: Pick<pg.Pool, "query">): Promise<number> {
  const { rows } = await db.query(
    `WITH svc AS (SELECT s, i FROM unnest($1::text[]) WITH ORDINALITY AS u(s, i)),
     defs AS (
       SELECT svc.i, svc.s, m.name, m.type, m.unit, m.mono, o.outcome, m.k * 2 + o.k AS k
         FROM svc
        CROSS JOIN (VALUES ('shop.batch_job.runs', 'sum', '{run}', true, 0), ('shop.batch_job.duration', 'histogram', 's', false, 1)) AS m(name, type, unit, mono, k)
        CROSS JOIN (VALUES ('success', 0), ('failure', 1)) AS o(outcome, k)
     )
     INSERT INTO metric_series (id, name, type, unit, temporality, is_monotonic, service_name, attributes, resource_id, scope_name)
     SELECT $2::bigint + i * 10 + k, name, type, unit, 2, mono, s, jsonb_build_object('job.name', s || '-sweep', 'outcome', outcome), i, $3 FROM defs
     ON CONFLICT (id) DO NOTHING
     RETURNING 1`,
    [BENCH_SERVICES, SERIES_BASE_ID, SCOPE],
  );
  return rows.length;
}

/** The job series' points at [fromMs, toMs), cumulative since `startMs`. Returns the rows inserted. */
export async function seedBenchJobMetricPoints(db: Pick<pg.Pool, "query">, startMs: number, fromMs: number, toMs: number): Promise<number> {
  // Export k has seen floor(k / 6) runs (one a minute), floor(k / 360) of them failed (one an hour).
  const { rowCount } = await db.query(
    `WITH ticks AS (
       SELECT k, $2::float8 + k * $4::float8 AS t_ms, floor(k / 360.0) AS failed, floor(k / 6.0) - floor(k / 360.0) AS succeeded
         FROM generate_series(ceil(($1::float8 - $2::float8) / $4::float8)::bigint, ceil(($3::float8 - $2::float8) / $4::float8)::bigint - 1) AS k
     )
     INSERT INTO metric_points (time, series_id, time_ns, start_time_ns, value, count, sum, bucket_counts, explicit_bounds)
     SELECT to_timestamp(t_ms / 1000), ms.id, (t_ms * 1e6)::bigint, ($2::float8 * 1e6)::bigint,
            CASE WHEN ms.type = 'sum' THEN n END,
            CASE WHEN ms.type = 'histogram' THEN n END,
            CASE WHEN ms.type = 'histogram' THEN n * CASE WHEN ms.attributes->>'outcome' = 'failure' THEN 2.0 ELSE 0.3 END END,
            CASE WHEN ms.type = 'histogram' THEN ARRAY[n::bigint] END,
            CASE WHEN ms.type = 'histogram' THEN '{}'::float8[] END
       FROM ticks
      CROSS JOIN metric_series ms
      CROSS JOIN LATERAL (SELECT CASE WHEN ms.attributes->>'outcome' = 'failure' THEN failed ELSE succeeded END AS n) AS c
      WHERE ms.scope_name = $5
     ON CONFLICT DO NOTHING`,
    [fromMs, startMs, toMs, BENCH_METRIC_INTERVAL_MS, SCOPE],
  );
  // The last point per series and bucket, as ingest keeps them beside the points.
  for (const level of METRIC_SAMPLE_TABLES) {
    await db.query(
      upsertSamplesSql(
        level,
        `(SELECT mp.* FROM metric_points mp JOIN metric_series ms ON ms.id = mp.series_id
           WHERE ms.scope_name = $3 AND mp.time >= to_timestamp($1::float8 / 1000) AND mp.time < to_timestamp($2::float8 / 1000)) AS points`,
      ),
      [fromMs, toMs, SCOPE],
    );
  }
  return rowCount ?? 0;
}
