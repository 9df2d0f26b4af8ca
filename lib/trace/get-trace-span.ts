import type pg from "pg";
import type { Attributes } from "@/lib/ingest/otlp/model";
import { SPAN_COLUMNS, toSpan, toSpanEvent, type SpanEventRow, type SpanRow } from "@/lib/query/span-row";
import type { Span } from "@/lib/schemas/traces";

// One span with everything the detail panel shows (attributes, events, links, resource,
// scope), in the same shape as the spans of GET /api/v1/traces/{traceId}. Both lookups use
// the (trace_id, span_id, ...) unique indexes, so this costs the same in any trace size:
// what keeps "click a span → see its detail" fast on a 100,000-span trace.

type Queryable = Pick<pg.Pool, "query">;

export async function getTraceSpan(db: Queryable, traceId: string, spanId: string): Promise<Span | null> {
  const ids = [Buffer.from(traceId, "hex"), Buffer.from(spanId, "hex")];
  const [spans, events] = await Promise.all([
    db.query<SpanRow & { resource_attributes: Attributes | null }>(
      `SELECT ${SPAN_COLUMNS}, (SELECT r.attributes FROM resources r WHERE r.id = s.resource_id) AS resource_attributes
         FROM spans s
        WHERE s.trace_id = $1 AND s.span_id = $2
        ORDER BY s.start_time
        LIMIT 1`,
      ids,
    ),
    db.query<SpanEventRow>(
      `SELECT encode(span_id, 'hex') AS span_id, time_ns, name, attributes, dropped_attributes_count
         FROM span_events
        WHERE trace_id = $1 AND span_id = $2
        ORDER BY idx`,
      ids,
    ),
  ]);
  const row = spans.rows[0];
  if (!row) return null;
  return toSpan(traceId, row, events.rows.map(toSpanEvent), { attributes: row.resource_attributes ?? {} });
}
