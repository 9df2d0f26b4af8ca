import type pg from "pg";
import type { ServiceMapResponse } from "@/lib/schemas/service-map";
import { buildServiceMap, type EdgeRow, type NodeRow } from "./build-service-map";

// The service map of a window, in two statements run side by side.
//
// Edges: a call is either a span whose parent belongs to another service (the callee's span
// started in the window; its parent is looked for up to PARENT_LOOKBACK earlier, since a caller
// starts before its callee), or a CLIENT span naming `peer.service` that has no child span at
// all (a call into something that sends no telemetry: a payment provider, a managed database).
// Calls are counted, errors and p95 are read from the callee's span (what the called service
// did) for span edges, and from the CLIENT span for peer edges (the only side there is). A
// pair seen both ways is one edge, marked `span`.
//
// Nodes: requests a service handled (SERVER and CONSUMER spans) from the per-minute rollups.

type Queryable = Pick<pg.Pool, "query">;

const PARENT_LOOKBACK = "5 minutes";
const KIND_SERVER = 2;
const KIND_CLIENT = 3;
const KIND_CONSUMER = 5;

export async function getServiceMap(db: Queryable, window: { fromMs: number; toMs: number }): Promise<ServiceMapResponse> {
  const from = new Date(window.fromMs).toISOString();
  const to = new Date(window.toMs).toISOString();
  const [edges, nodes] = await Promise.all([
    db.query<EdgeRow>(
      `WITH c AS (
         SELECT trace_id, span_id, parent_span_id, service_name, kind, status_code, duration_ns, attributes ->> 'peer.service' AS peer
           FROM spans
          WHERE start_time >= $1::timestamptz AND start_time < $2::timestamptz
       ),
       calls AS (
         SELECT p.service_name AS source, c.service_name AS target, 'span' AS via, c.status_code, c.duration_ns
           FROM c
           JOIN spans p ON p.trace_id = c.trace_id AND p.span_id = c.parent_span_id
                       AND p.start_time >= $1::timestamptz - interval '${PARENT_LOOKBACK}' AND p.start_time < $2::timestamptz
          WHERE c.parent_span_id IS NOT NULL AND p.service_name <> c.service_name
         UNION ALL
         SELECT c.service_name, c.peer, 'peer', c.status_code, c.duration_ns
           FROM c
          WHERE c.kind = ${KIND_CLIENT} AND c.peer IS NOT NULL AND c.peer <> '' AND c.peer <> c.service_name
            AND NOT EXISTS (
              SELECT 1 FROM spans k
               WHERE k.trace_id = c.trace_id AND k.parent_span_id = c.span_id
                 AND k.start_time >= $1::timestamptz - interval '${PARENT_LOOKBACK}' AND k.start_time < $2::timestamptz + interval '${PARENT_LOOKBACK}')
       )
       SELECT source, target, CASE WHEN bool_or(via = 'span') THEN 'span' ELSE 'peer' END AS via, count(*)::int AS calls, (count(*) FILTER (WHERE status_code = 2))::int AS errors,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ns) / 1e6 AS p95_ms
         FROM calls
        GROUP BY source, target`,
      [from, to],
    ),
    db.query<NodeRow>(
      `SELECT service_name AS name,
              (coalesce(sum(count) FILTER (WHERE kind IN (${KIND_SERVER}, ${KIND_CONSUMER})), 0))::int AS requests,
              (coalesce(sum(errors) FILTER (WHERE kind IN (${KIND_SERVER}, ${KIND_CONSUMER})), 0))::int AS errors
         FROM span_rollups_1m
        WHERE minute >= date_trunc('minute', $1::timestamptz) AND minute < $2::timestamptz
        GROUP BY service_name`,
      [from, to],
    ),
  ]);
  return buildServiceMap(window, nodes.rows, edges.rows);
}
