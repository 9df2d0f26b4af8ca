import type pg from "pg";
import type { Hold } from "./rank-pool-holders";

// Every interval in which a request held one of a service's database connections, around a
// window (the waits to explain). Two sources:
//  - the service's database CLIENT spans, grouped by trace and parent span: the statements a
//    handler ran on one checked-out connection (BEGIN … COMMIT under one parent) make one hold,
//    from the first statement's start to the last one's end;
//  - the db agent's activity samples: a session idle in a transaction holds its connection
//    while doing nothing, so no statement span covers that time; its traceparent names the
//    request, which counts as this service's when the trace has a span of the service.
// Statements are read from HOLD_LOOKBACK before the window to as long after it, so a report that
// took its connection minutes before the waits began is found, and a hold's end is its last
// statement's even when that came after the waits.

const HOLD_LOOKBACK_MS = 15 * 60_000;
/** The agent samples on an interval; a session last seen this long after the window still held it then. */
const SAMPLE_SLACK_MS = 60_000;

interface Row {
  trace_id: string;
  span_id: string | null;
  start_ms: number;
  end_ms: number;
  source: Hold["source"];
  operation: string | null;
  root_service: string | null;
  root_name: string | null;
}

const ns = (ms: number) => (BigInt(Math.round(ms)) * 1_000_000n).toString();

export async function findPoolHolds(db: Pick<pg.Pool, "query">, input: { service: string; fromMs: number; toMs: number }): Promise<Hold[]> {
  const { rows } = await db.query<Row>(
    `WITH held AS (
       SELECT s.trace_id, s.parent_span_id AS span_id, min(s.start_ns)::float8 / 1e6 AS start_ms,
              max(s.start_ns + s.duration_ns)::float8 / 1e6 AS end_ms, 'spans'::text AS source
         FROM spans s
        WHERE s.service_name = $1 AND s.kind = 3 AND (s.attributes ? 'db.system.name' OR s.attributes ? 'db.system')
          AND s.start_time >= to_timestamp(($2::float8 - ${HOLD_LOOKBACK_MS}) / 1000) AND s.start_time < to_timestamp(($3::float8 + ${HOLD_LOOKBACK_MS}) / 1000)
        GROUP BY s.trace_id, s.parent_span_id
       HAVING max(s.start_ns + s.duration_ns) > $4::bigint AND min(s.start_ns) < $5::bigint
     ),
     sampled AS (
       SELECT DISTINCT ON (x->>'pid', x->>'xactStart')
              decode(x->>'traceId', 'hex') AS trace_id, x->>'xactStart' AS xact_start, a.time
         FROM database_activity a CROSS JOIN LATERAL jsonb_array_elements(a.idle_sessions) AS x
        WHERE a.time >= to_timestamp($2::float8 / 1000) AND a.time < to_timestamp(($3::float8 + ${SAMPLE_SLACK_MS}) / 1000)
          AND a.idle_sessions <> '[]'::jsonb AND x->>'traceId' ~ '^[0-9a-f]{32}$' AND x->>'xactStart' IS NOT NULL
        ORDER BY x->>'pid', x->>'xactStart', a.time DESC
     ),
     idle AS (
       SELECT p.trace_id, NULL::bytea AS span_id, extract(epoch FROM p.xact_start::timestamptz) * 1000 AS start_ms,
              extract(epoch FROM p.time) * 1000 AS end_ms, 'activity'::text AS source
         FROM sampled p
        WHERE EXISTS (SELECT 1 FROM spans x WHERE x.trace_id = p.trace_id AND x.service_name = $1)
     ),
     holds AS (SELECT * FROM held UNION ALL SELECT * FROM idle)
     SELECT encode(h.trace_id, 'hex') AS trace_id, encode(h.span_id, 'hex') AS span_id, h.start_ms::float8 AS start_ms, h.end_ms::float8 AS end_ms, h.source,
            e.name AS operation, r.service_name AS root_service, r.name AS root_name
       FROM holds h
       LEFT JOIN LATERAL (
         SELECT name FROM spans e WHERE e.trace_id = h.trace_id AND e.service_name = $1 AND e.kind = 2 ORDER BY e.start_ns LIMIT 1
       ) e ON true
       LEFT JOIN LATERAL (
         SELECT service_name, name FROM spans r WHERE r.trace_id = h.trace_id AND r.parent_span_id IS NULL ORDER BY r.start_ns LIMIT 1
       ) r ON true`,
    [input.service, input.fromMs, input.toMs, ns(input.fromMs), ns(input.toMs)],
  );
  return rows.map((row) => ({
    traceId: row.trace_id,
    spanId: row.span_id,
    startMs: row.start_ms,
    endMs: row.end_ms,
    source: row.source,
    // A request without a SERVER span of the service (a batch job) is named by its root.
    operation: row.operation ?? row.root_name,
    request: row.root_service !== null && row.root_name !== null ? { service: row.root_service, name: row.root_name } : null,
  }));
}
