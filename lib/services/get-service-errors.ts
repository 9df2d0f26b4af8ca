import type pg from "pg";
import type { ServiceErrorsResponse } from "./schemas";

// GET /api/v1/services/{service}/errors: the service's failing spans grouped by exception type
// and message (the first `exception` event of the span; its status message when it has none),
// with a count, the operations and the newest trace as a sample. Spans are read newest first
// through the partial index of failing spans (spans_errors_service_time_idx) and at most
// SPAN_LIMIT of them, so a week of a busy service costs what its newest failures do; the
// response says when it stopped early.

type Queryable = Pick<pg.Pool, "query">;

export const SPAN_LIMIT = 2_000;
const GROUP_LIMIT = 20;
const OPERATIONS_SHOWN = 5;

interface Row {
  type: string | null;
  message: string;
  count: number;
  operations: string[];
  last_ms: number;
  sample: string;
  scanned: number;
}

export async function getServiceErrors(db: Queryable, input: { service: string; fromMs: number; toMs: number }): Promise<ServiceErrorsResponse> {
  const { rows } = await db.query<Row>(
    `WITH failed AS (
       SELECT trace_id, span_id, start_time, name, status_message FROM spans
        WHERE service_name = $1 AND start_time >= $2::timestamptz AND start_time < $3::timestamptz AND status_code = 2
        ORDER BY start_time DESC LIMIT $4
     ),
     described AS (
       SELECT f.*, e.attributes ->> 'exception.type' AS type,
              coalesce(nullif(e.attributes ->> 'exception.message', ''), nullif(f.status_message, ''), '') AS message
         FROM failed f
         LEFT JOIN LATERAL (
           SELECT attributes FROM span_events e
            WHERE e.trace_id = f.trace_id AND e.span_id = f.span_id AND e.span_start_time = f.start_time AND e.name = 'exception'
            ORDER BY e.idx LIMIT 1
         ) e ON true
     )
     SELECT type, message, count(*)::int AS count, array_agg(DISTINCT name) AS operations,
            extract(epoch FROM max(start_time))::float8 * 1000 AS last_ms,
            encode((array_agg(trace_id ORDER BY start_time DESC))[1], 'hex') AS sample,
            (SELECT count(*) FROM failed)::int AS scanned
       FROM described GROUP BY type, message ORDER BY count DESC, last_ms DESC LIMIT ${GROUP_LIMIT}`,
    [input.service, new Date(input.fromMs).toISOString(), new Date(input.toMs).toISOString(), SPAN_LIMIT],
  );
  const scanned = rows[0]?.scanned ?? 0;
  return {
    errors: rows.map((row) => ({
      type: row.type,
      message: row.message,
      count: row.count,
      operations: row.operations.slice(0, OPERATIONS_SHOWN),
      lastSeenMs: row.last_ms,
      sampleTraceId: row.sample,
    })),
    scannedSpans: scanned,
    complete: scanned < SPAN_LIMIT,
  };
}
