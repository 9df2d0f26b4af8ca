import type pg from "pg";

// Bulk telemetry for the query benchmark, generated inside PostgreSQL (INSERT ... SELECT over
// generate_series) because sending ten million spans through the client would measure the
// client. The shape follows the demo shop: 8 services with 5 operations each, traces of 5-30
// spans in a ternary call tree rooted at the frontend, ~2% error spans (with an exception
// event), ~0.2% timeouts (HTTP 504, 5-10 s), and the attributes searches use: http.route,
// http.response.status_code, and on the top spans enduser.id and order.id. Rollups are then
// built from the stored spans with the bucket rule of lib/rollup/latency-buckets.ts.

export const BENCH_SERVICES = ["frontend", "checkout", "payment", "coupon", "inventory", "orders", "notification", "shipping"] as const;

const OPERATIONS = [
  ["GET /", "GET /api/products", "POST /api/cart", "POST /api/checkout", "GET /api/orders/:id"],
  ["POST /checkout", "GET /checkout/:id", "SELECT carts", "INSERT orders", "validate cart"],
  ["POST /charges", "GET /charges/:id", "POST provider.charge", "SELECT payments", "fraud check"],
  ["GET /coupons/:code", "POST /coupons/redeem", "SELECT coupons", "UPDATE coupons", "compute discount"],
  ["POST /reserve", "GET /stock/:sku", "SELECT stock", "UPDATE stock", "allocate"],
  ["POST /orders", "GET /orders/:id", "INSERT orders", "SELECT orders", "publish order.created"],
  ["POST /notify", "GET /templates/:id", "SELECT templates", "smtp send", "render template"],
  ["POST /shipments", "GET /rates", "SELECT carriers", "POST carrier.quote", "render label"],
].flat();

// Typical latency of each operation in ms (same order as OPERATIONS).
const BASE_MS = [120, 40, 60, 180, 30, 80, 20, 4, 6, 2, 150, 15, 300, 3, 25, 10, 25, 2, 3, 1, 30, 8, 3, 5, 4, 45, 12, 5, 3, 10, 20, 5, 2, 250, 6, 60, 90, 3, 400, 35];

/** Spans per trace: 5 + (t·7919 mod 26), so 17.5 on average. */
export const AVERAGE_SPANS_PER_TRACE = 17.5;
const USERS = 20_000;

export interface BenchWindow {
  /** Trace t (1-based) starts at startMs + (t - 1) · spacingMs. */
  startMs: number;
  spacingMs: number;
}

/** The resources of the benchmark services (ids 1..8), one per service. */
export async function seedBenchResources(db: Pick<pg.Pool, "query">): Promise<void> {
  await db.query(
    `INSERT INTO resources (id, service_name, attributes)
     SELECT i, s, jsonb_build_object('service.name', s, 'service.version', '2.3.' || i, 'deployment.environment.name', 'bench',
                                     'host.name', s || '-7f9c' || i, 'telemetry.sdk.language', 'nodejs')
       FROM unnest($1::text[]) WITH ORDINALITY AS u(s, i)
     ON CONFLICT (id) DO NOTHING`,
    [BENCH_SERVICES],
  );
}

/** Inserts the spans (and events of error spans) of traces firstTrace..lastTrace. */
export async function seedBenchTraces(db: Pick<pg.Pool, "query">, window: BenchWindow, firstTrace: number, lastTrace: number): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `WITH gen AS (
       SELECT t, j, n,
              (($3::float8 + (t - 1) * $4::float8) * 1e6)::bigint AS trace_start_ns,
              CASE WHEN j = 0 THEN 0 ELSE 1 + floor(random() * 7)::int END AS svc,
              floor(random() * 5)::int AS op,
              random() AS r_status, random() AS r_duration
         FROM generate_series($1::bigint, $2::bigint) AS t
        CROSS JOIN LATERAL (SELECT 5 + ((t * 7919) % 26)::int AS n) AS size
        CROSS JOIN LATERAL generate_series(0, size.n - 1) AS j
     ), shaped AS (
       SELECT g.*, g.svc * 5 + g.op AS op_index,
              g.trace_start_ns + j * 2000000 AS start_ns,
              CASE WHEN g.r_status < 0.002 THEN (5000 + g.r_duration * 5000) * 1e6
                   WHEN j = 0 THEN (g.n * 2 + 40 + ($5::float8[])[g.op + 1] * (0.5 + g.r_duration)) * 1e6
                   ELSE ($5::float8[])[g.svc * 5 + g.op + 1] * (0.25 - ln(1 - g.r_duration)) * 1e6 END AS duration_ns,
              CASE WHEN g.r_status < 0.02 THEN 2 ELSE 0 END AS status_code
         FROM gen g
     ), inserted AS (
       INSERT INTO spans (start_time, trace_id, span_id, parent_span_id, service_name, name, kind, start_ns, duration_ns,
                          status_code, status_message, is_timeout, attributes, resource_id, scope_name, scope_version)
       SELECT 'epoch'::timestamptz + (s.start_ns / 1000) * interval '1 microsecond',
              decode(md5(s.t::text), 'hex'), int8send(s.t * 64 + s.j),
              CASE WHEN s.j = 0 THEN NULL ELSE int8send(s.t * 64 + (s.j - 1) / 3) END,
              ($6::text[])[s.svc + 1], ($7::text[])[s.op_index + 1],
              CASE WHEN s.j = 0 OR s.op < 2 THEN 2 WHEN s.op < 4 THEN 3 ELSE 1 END,
              s.start_ns, s.duration_ns::bigint, s.status_code,
              CASE WHEN s.status_code = 2 THEN CASE WHEN s.r_status < 0.002 THEN 'upstream timed out' ELSE 'internal error' END END,
              s.r_status < 0.002,
              jsonb_build_object('http.route', ($7::text[])[s.op_index + 1],
                                 'http.response.status_code', CASE WHEN s.r_status < 0.002 THEN 504 WHEN s.status_code = 2 THEN 500 ELSE 200 END)
                || CASE WHEN s.j < 3 THEN jsonb_build_object('enduser.id', 'user-' || (s.t % ${USERS}), 'order.id', s.t) ELSE '{}'::jsonb END,
              s.svc + 1, '@opentelemetry/instrumentation-http', '0.57.0'
         FROM shaped s
       RETURNING start_time, trace_id, span_id, start_ns, duration_ns, status_code
     ), events AS (
       INSERT INTO span_events (span_start_time, trace_id, span_id, idx, time_ns, name, attributes)
       SELECT start_time, trace_id, span_id, 0, start_ns + duration_ns - 1000, 'exception',
              jsonb_build_object('exception.type', 'Error', 'exception.message', 'internal error', 'exception.stacktrace', 'Error: internal error\n    at handler (server.js:42:11)')
         FROM inserted WHERE status_code = 2
     )
     SELECT count(*) AS n FROM inserted`,
    [firstTrace, lastTrace, window.startMs, window.spacingMs, BASE_MS, BENCH_SERVICES, OPERATIONS],
  );
  return Number(rows[0]?.n ?? 0);
}

/** One trace of `spanCount` spans (a wide, deep tree with events on every tenth span) starting at `startMs`. */
export async function seedBenchBigTrace(db: Pick<pg.Pool, "query">, traceId: string, spanCount: number, startMs: number): Promise<void> {
  await db.query(
    `WITH inserted AS (
       INSERT INTO spans (start_time, trace_id, span_id, parent_span_id, service_name, name, kind, start_ns, duration_ns,
                          status_code, attributes, resource_id, scope_name, scope_version)
       SELECT 'epoch'::timestamptz + (s.start_ns / 1000) * interval '1 microsecond', decode($1, 'hex'), int8send(1000000000 + j),
              CASE WHEN j = 0 THEN NULL ELSE int8send(1000000000 + (j - 1) / 4) END,
              ($4::text[])[1 + j % 8], 'batch item ' || (j % 40), CASE WHEN j = 0 THEN 2 ELSE 1 END,
              s.start_ns, CASE WHEN j = 0 THEN $2::bigint * 1000000 + 1000000 ELSE 800000 END, CASE WHEN j % 97 = 0 THEN 2 ELSE 0 END,
              jsonb_build_object('http.route', '/batch', 'batch.item', j, 'enduser.id', 'user-batch', 'order.id', 900000 + j), 1 + j % 8, 'bench', '1.0'
         FROM generate_series(0, $2::int - 1) AS j
        CROSS JOIN LATERAL (SELECT ($3::float8 * 1e6)::bigint + j * 100000 AS start_ns) AS s
       RETURNING start_time, trace_id, span_id, start_ns
     )
     INSERT INTO span_events (span_start_time, trace_id, span_id, idx, time_ns, name, attributes)
     SELECT start_time, trace_id, span_id, e, start_ns + 100000 * (e + 1), 'item.step', jsonb_build_object('step', e)
       FROM inserted CROSS JOIN generate_series(0, 1) AS e
      WHERE get_byte(span_id, 7) % 10 = 0`,
    [traceId, spanCount, startMs, BENCH_SERVICES],
  );
}

/**
 * Per-minute and per-hour rollups of the seeded spans of one UTC day (those of the seeded resources,
 * ids 1..8), as ingest would have kept them; returns the minute rows. Spans that came in through
 * ingest (a benchmark's own seeding, the demo beside it) already have their rollups; where such a
 * row has the same key as a seeded one (the demo's services share names with these), ingest's row
 * is kept.
 */
export async function seedBenchRollups(db: Pick<pg.Pool, "query">, dayStartMs: number): Promise<number> {
  const { rowCount } = await db.query(
    `WITH per_bucket AS (
       SELECT date_trunc('minute', start_time) AS minute, service_name, name, kind,
              CASE WHEN duration_ns < 1000 THEN 0 ELSE least(floor(ln(duration_ns::float8 / 1000) / 0.6931471805599453 * 4)::int + 1, 129) END AS bucket,
              count(*) AS n, count(*) FILTER (WHERE status_code = 2) AS errors, count(*) FILTER (WHERE is_timeout) AS timeouts,
              sum(duration_ns) AS sum_ns, max(duration_ns) AS max_ns
         FROM spans
        WHERE start_time >= $1::timestamptz AND start_time < $1::timestamptz + interval '1 day'
          AND resource_id BETWEEN 1 AND $2::int
        GROUP BY 1, 2, 3, 4, 5
     ), per_row AS (
       SELECT minute, service_name, name, kind, sum(n) AS n, sum(errors) AS errors, sum(timeouts) AS timeouts,
              sum(sum_ns) AS sum_ns, max(max_ns) AS max_ns, array_agg(bucket) AS buckets, array_agg(n) AS counts
         FROM per_bucket GROUP BY 1, 2, 3, 4
     )
     INSERT INTO span_rollups_1m (minute, service_name, operation, kind, count, errors, timeouts, duration_sum_ns, duration_max_ns, histogram)
     SELECT r.minute, r.service_name, r.name, r.kind, r.n, r.errors, r.timeouts, r.sum_ns, r.max_ns, h.histogram
       FROM per_row r
      CROSS JOIN LATERAL (
        SELECT array_agg(coalesce(r.counts[array_position(r.buckets, i)], 0) ORDER BY i) AS histogram
          FROM generate_series(0, (SELECT max(b) FROM unnest(r.buckets) AS b)) AS i
      ) h
     ON CONFLICT DO NOTHING`,
    [new Date(dayStartMs).toISOString(), BENCH_SERVICES.length],
  );
  // The hours from the minutes, as the migration that added span_rollups_1h backfilled them.
  await db.query(
    `INSERT INTO span_rollups_1h (hour, service_name, operation, kind, count, errors, timeouts, duration_sum_ns, duration_max_ns, histogram)
     SELECT date_bin(interval '1 hour', minute, 'epoch'::timestamptz), service_name, operation, kind, sum(count), sum(errors), sum(timeouts),
            least(sum(duration_sum_ns::numeric), 9223372036854775807)::bigint, max(duration_max_ns), sightline_sum_histograms(histogram)
       FROM span_rollups_1m
      WHERE minute >= $1::timestamptz AND minute < $1::timestamptz + interval '1 day'
        AND service_name = ANY($2::text[])
      GROUP BY 1, 2, 3, 4
     ON CONFLICT DO NOTHING`,
    [new Date(dayStartMs).toISOString(), BENCH_SERVICES],
  );
  return rowCount ?? 0;
}
