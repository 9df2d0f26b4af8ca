import type pg from "pg";
import { classifyDeliveries } from "./classify-deliveries";
import { AUDIT_MARGIN_MS, BUSINESS_KEYS, DELIVERY_KINDS, DUPLICATE_FLAG_PATTERN, finishDeliveriesSql, toDeliveryRow, type DeliverySqlRow } from "./delivery-sql";
import type { TraceDeliveriesResponse } from "./schemas";

// GET /api/v1/traces/{traceId}/deliveries: whether this trace's work had already been done by
// another trace (it is a duplicate: "did nothing, already done by …"), and which later traces
// repeated its work for nothing. Its deliveries (SERVER/CONSUMER spans with a business key)
// are matched with the same operation's deliveries of the same key value within PEER_WINDOW_MS.

type Queryable = Pick<pg.Pool, "query">;

/**
 * A provider retries a callback within minutes; two hours either side also covers a queue's
 * slower redelivery, while keeping the scan of the operation's spans (by service and time) short.
 */
export const PEER_WINDOW_MS = 2 * 3_600_000;
const MAX_PEERS = 500;

export async function getTraceDeliveries(db: Queryable, traceId: string): Promise<TraceDeliveriesResponse> {
  const own = await db.query<{ service_name: string; name: string; key: string; value: string; start_ms: number }>(
    `SELECT DISTINCT s.service_name, s.name, k.key, s.attributes ->> k.key AS value, (extract(epoch FROM s.start_time) * 1000)::float8 AS start_ms
       FROM spans s CROSS JOIN unnest($2::text[]) AS k(key)
      WHERE s.trace_id = decode($1, 'hex') AND s.kind = ANY($3::smallint[]) AND s.attributes ? k.key AND s.attributes ->> k.key <> ''`,
    [traceId, BUSINESS_KEYS, DELIVERY_KINDS],
  );
  if (own.rows.length === 0) return { traceId, duplicateOf: [], duplicates: [] };
  const starts = own.rows.map((row) => row.start_ms);
  const fromMs = Math.min(...starts) - PEER_WINDOW_MS;
  const toMs = Math.max(...starts) + PEER_WINDOW_MS;
  const { rows } = await db.query<DeliverySqlRow>(
    `WITH wanted AS (SELECT * FROM unnest($5::text[], $6::text[], $7::text[], $8::text[]) AS w(service_name, name, key, value)),
     d AS (
       SELECT s.trace_id, s.service_name, s.name, w.key, w.value, s.start_ns, s.attributes, 0 AS group_rank
         FROM wanted w JOIN spans s ON s.service_name = w.service_name AND s.name = w.name AND s.attributes ->> w.key = w.value
        WHERE s.start_time >= $3 AND s.start_time < $4 AND s.kind = ANY($9::smallint[])
        ORDER BY s.start_ns LIMIT ${MAX_PEERS}
     )
     ${finishDeliveriesSql("$10")}`,
    [
      new Date(fromMs - AUDIT_MARGIN_MS),
      new Date(toMs + AUDIT_MARGIN_MS),
      new Date(fromMs),
      new Date(toMs),
      own.rows.map((row) => row.service_name),
      own.rows.map((row) => row.name),
      own.rows.map((row) => row.key),
      own.rows.map((row) => row.value),
      DELIVERY_KINDS,
      DUPLICATE_FLAG_PATTERN,
    ],
  );
  const found = classifyDeliveries(rows.map(toDeliveryRow));
  return {
    traceId,
    duplicateOf: found.filter((f) => f.duplicate.traceId === traceId),
    duplicates: found.filter((f) => f.original?.traceId === traceId).reverse(),
  };
}
