import type pg from "pg";
import { METRIC_SAMPLE_TABLES, upsertSamplesSql } from "@/lib/query/metric-sample-tables";
import { BENCH_SERVICES } from "./seed-bench-telemetry";

// Metrics for the query benchmark, generated inside PostgreSQL like the spans. Per benchmark
// service, what an OpenTelemetry SDK exporting every 10 s sends for the demo shop's kind of
// service: a cumulative request-duration histogram per route and status (5 routes × 2), the
// connection pool (in use / idle, and its maximum) and one monotonic business counter — 14
// series a service, 112 in all, each with a point every 10 s over the whole window.

export const BENCH_METRIC_INTERVAL_MS = 10_000;
const ROUTES = ["GET /", "GET /api/products", "POST /api/cart", "POST /api/checkout", "GET /api/orders/:id"];
/** Explicit bounds in seconds (OpenTelemetry's advice for HTTP durations). */
const BOUNDS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
/** Share of requests per bucket (bounds + overflow): most between 25 and 250 ms. */
const WEIGHTS = [0.01, 0.03, 0.08, 0.16, 0.18, 0.17, 0.2, 0.08, 0.04, 0.02, 0.015, 0.004, 0.0007, 0.0002, 0.0001];
const SERIES_BASE_ID = 9_000_000_000;

/** The 112 series, on the resources (ids 1..8) of seedBenchResources. Returns how many. */
export async function seedBenchMetricSeries(db: Pick<pg.Pool, "query">): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `WITH svc AS (SELECT s, i FROM unnest($1::text[]) WITH ORDINALITY AS u(s, i)),
     defs AS (
       SELECT svc.i, svc.s, 'http.server.request.duration' AS name, 'histogram' AS type, 's' AS unit, 2 AS temporality, false AS mono,
              jsonb_build_object('http.route', r.route, 'http.response.status_code', st.code) AS attrs, r.k * 2 + st.k AS k
         FROM svc CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS r(route, k) CROSS JOIN (VALUES (200, 0), (500, 1)) AS st(code, k)
       UNION ALL SELECT i, s, 'db.client.connection.count', 'sum', '{connection}', 2, false, jsonb_build_object('db.client.connection.state', 'used'), 20 FROM svc
       UNION ALL SELECT i, s, 'db.client.connection.count', 'sum', '{connection}', 2, false, jsonb_build_object('db.client.connection.state', 'idle'), 21 FROM svc
       UNION ALL SELECT i, s, 'db.client.connection.max', 'sum', '{connection}', 2, false, '{}'::jsonb, 22 FROM svc
       UNION ALL SELECT i, s, 'shop.orders.created', 'sum', '{order}', 2, true, '{}'::jsonb, 23 FROM svc
     )
     INSERT INTO metric_series (id, name, type, unit, temporality, is_monotonic, service_name, attributes, resource_id, scope_name)
     SELECT $3::bigint + i * 100 + k, name, type, unit, temporality, mono, s, attrs, i, 'bench' FROM defs
     ON CONFLICT (id) DO NOTHING
     RETURNING 1 AS n`,
    [BENCH_SERVICES, ROUTES, SERIES_BASE_ID],
  );
  return rows.length;
}

/**
 * Every series' points at [fromMs, toMs) (one export each 10 s), cumulative since `startMs` (the
 * whole window's start), so slices can be loaded side by side. Returns the rows inserted.
 */
export async function seedBenchMetricPoints(db: Pick<pg.Pool, "query">, startMs: number, fromMs: number, toMs: number): Promise<number> {
  // k counts exports since the window's start; cumulative values grow with it. Requests per
  // export vary by route and service so series differ; the pool follows a daily wave.
  const { rowCount } = await db.query(
    `WITH ticks AS (
       SELECT k, $2::float8 + k * $4::float8 AS t_ms
         FROM generate_series(ceil(($1::float8 - $2::float8) / $4::float8)::bigint, ceil(($3::float8 - $2::float8) / $4::float8)::bigint - 1) AS k
     )
     INSERT INTO metric_points (time, series_id, time_ns, start_time_ns, value, count, sum, min, max, bucket_counts, explicit_bounds)
     SELECT to_timestamp(t_ms / 1000), ms.id, (t_ms * 1e6)::bigint, ($2::float8 * 1e6)::bigint,
            CASE WHEN ms.type = 'sum' THEN
              CASE ms.attributes->>'db.client.connection.state'
                WHEN 'used' THEN round(5 + 4 * sin(t_ms / 86400000.0 * 2 * pi()) + random() * 2)
                WHEN 'idle' THEN round(4 - 3 * sin(t_ms / 86400000.0 * 2 * pi()))
                ELSE CASE WHEN ms.name = 'db.client.connection.max' THEN 20 ELSE k * (1 + ms.id % 3) END
              END
            END,
            CASE WHEN ms.type = 'histogram' THEN k * rate END,
            CASE WHEN ms.type = 'histogram' THEN k * rate * 0.12 END,
            CASE WHEN ms.type = 'histogram' THEN 0.002 END,
            CASE WHEN ms.type = 'histogram' THEN 8.5 END,
            CASE WHEN ms.type = 'histogram' THEN ARRAY(SELECT (k * rate * w)::bigint FROM unnest($5::float8[]) AS w) END,
            CASE WHEN ms.type = 'histogram' THEN $6::float8[] END
       FROM ticks
      CROSS JOIN metric_series ms
      CROSS JOIN LATERAL (SELECT CASE WHEN ms.attributes->>'http.response.status_code' = '500' THEN 1 ELSE 10 + ms.id % 40 END AS rate) AS r
      WHERE ms.scope_name = 'bench'
     ON CONFLICT DO NOTHING`,
    [fromMs, startMs, toMs, BENCH_METRIC_INTERVAL_MS, WEIGHTS, BOUNDS],
  );
  // The last point per series and bucket, as ingest keeps them beside the points.
  for (const level of METRIC_SAMPLE_TABLES) {
    await db.query(
      upsertSamplesSql(
        level,
        `(SELECT mp.* FROM metric_points mp JOIN metric_series ms ON ms.id = mp.series_id
           WHERE ms.scope_name = 'bench' AND mp.time >= to_timestamp($1::float8 / 1000) AND mp.time < to_timestamp($2::float8 / 1000)) AS points`,
      ),
      [fromMs, toMs],
    );
  }
  return rowCount ?? 0;
}
