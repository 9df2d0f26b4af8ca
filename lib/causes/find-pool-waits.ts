import type pg from "pg";
import type { PoolWait } from "./schemas";

// The spans in which a request waited for a database connection: a `pool.connect` span (the
// demo shop's, and any instrumentation that names its checkout so) or any span carrying the
// OpenTelemetry `db.client.connection.wait_time` attribute. Only waits of at least `minWaitMs`
// count: a checkout from a pool with a free connection takes microseconds and explains nothing.
// A checkout that reports no request in line (`db.client.connection.pending_requests` = 0, the
// demo counting itself when it queues) was opening a new connection, not waiting for a holder to
// give one back: slow, but not a pool wait, and left out. Without the attribute it counts.

export interface PoolWaitFilter {
  service?: string;
  traceId?: string;
  fromMs?: number;
  toMs?: number;
  minWaitMs: number;
  limit: number;
}

export interface PoolWaitRows {
  waits: PoolWait[];
  /** Over every matching wait, not only the `limit` returned. */
  total: { waits: number; timedOut: number; totalWaitMs: number };
}

interface Row {
  trace_id: string;
  span_id: string;
  service_name: string;
  pool: string;
  start_ms: number;
  duration_ms: number;
  failed: boolean;
  pending: unknown;
  pool_max: unknown;
  root_service: string | null;
  root_name: string | null;
  total_waits: number;
  total_failed: number;
  total_ms: number;
}

/** An attribute value as a whole number, or null: OTLP int64 arrives as a number or a decimal string. */
export function intAttribute(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) ? n : null;
}

export async function findPoolWaits(db: Pick<pg.Pool, "query">, filter: PoolWaitFilter): Promise<PoolWaitRows> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where = [
    `(s.name = 'pool.connect' OR s.attributes ? 'db.client.connection.wait_time')`,
    `s.duration_ns >= ${param(Math.round(filter.minWaitMs * 1_000_000))}::bigint`,
    `coalesce(s.attributes->>'db.client.connection.pending_requests', '') <> '0'`,
  ];
  if (filter.service !== undefined) where.push(`s.service_name = ${param(filter.service)}`);
  if (filter.traceId !== undefined) where.push(`s.trace_id = decode(${param(filter.traceId)}, 'hex')`);
  if (filter.fromMs !== undefined) where.push(`s.start_time >= to_timestamp(${param(filter.fromMs)}::float8 / 1000)`);
  if (filter.toMs !== undefined) where.push(`s.start_time < to_timestamp(${param(filter.toMs)}::float8 / 1000)`);
  const { rows } = await db.query<Row>(
    `WITH waits AS (
       SELECT s.trace_id, s.span_id, s.service_name, coalesce(s.attributes->>'db.client.connection.pool.name', s.service_name) AS pool,
              s.start_ns, s.duration_ns, s.status_code = 2 AS failed,
              s.attributes->'db.client.connection.pending_requests' AS pending, s.attributes->'db.client.connection.max' AS pool_max,
              count(*) OVER () AS total_waits, count(*) FILTER (WHERE s.status_code = 2) OVER () AS total_failed,
              sum(s.duration_ns) OVER () AS total_ns
         FROM spans s
        WHERE ${where.join(" AND ")}
        ORDER BY s.duration_ns DESC, s.start_ns
        LIMIT ${param(filter.limit)}
     )
     SELECT encode(w.trace_id, 'hex') AS trace_id, encode(w.span_id, 'hex') AS span_id, w.service_name, w.pool,
            w.start_ns::float8 / 1e6 AS start_ms, w.duration_ns::float8 / 1e6 AS duration_ms, w.failed, w.pending, w.pool_max,
            r.service_name AS root_service, r.name AS root_name,
            w.total_waits::int AS total_waits, w.total_failed::int AS total_failed, w.total_ns::float8 / 1e6 AS total_ms
       FROM waits w
       LEFT JOIN LATERAL (
         SELECT service_name, name FROM spans r WHERE r.trace_id = w.trace_id AND r.parent_span_id IS NULL ORDER BY r.start_ns LIMIT 1
       ) r ON true
      ORDER BY w.duration_ns DESC, w.start_ns`,
    params,
  );
  const first = rows[0];
  return {
    waits: rows.map((row) => ({
      traceId: row.trace_id,
      spanId: row.span_id,
      service: row.service_name,
      pool: row.pool,
      startMs: row.start_ms,
      durationMs: row.duration_ms,
      timedOut: row.failed,
      pendingRequests: intAttribute(row.pending),
      poolMax: intAttribute(row.pool_max),
      request: row.root_service !== null && row.root_name !== null ? { service: row.root_service, name: row.root_name } : null,
    })),
    total: first ? { waits: first.total_waits, timedOut: first.total_failed, totalWaitMs: first.total_ms } : { waits: 0, timedOut: 0, totalWaitMs: 0 },
  };
}
