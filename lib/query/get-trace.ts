import type pg from "pg";
import type { Attributes } from "@/lib/ingest/otlp/model";
import type { SpanEvent, TraceResponse } from "@/lib/schemas/traces";
import { SPAN_COLUMNS, toSpan, toSpanEvent, type SpanEventRow, type SpanRow } from "./span-row";

// One trace with everything the waterfall and the span detail need. Three statements whatever
// the trace's size: its spans, its events (both by the trace-id indexes, run side by side),
// then the resources the spans point at. Nanosecond values stay decimal strings end to end
// (pg hands bigint columns over as text), so no precision is lost on the way.

type Queryable = Pick<pg.Pool, "query">;

/** The trace with this id (32 lowercase hex characters), or null when no span of it is stored. */
export async function getTrace(db: Queryable, traceId: string): Promise<TraceResponse | null> {
  const id = Buffer.from(traceId, "hex");
  const [spans, events] = await Promise.all([
    db.query<SpanRow>(
      `SELECT ${SPAN_COLUMNS}
         FROM spans
        WHERE trace_id = $1
        ORDER BY start_ns, span_id`,
      [id],
    ),
    db.query<SpanEventRow>(
      `SELECT encode(span_id, 'hex') AS span_id, time_ns, name, attributes, dropped_attributes_count
         FROM span_events
        WHERE trace_id = $1
        ORDER BY span_id, idx`,
      [id],
    ),
  ]);
  if (spans.rows.length === 0) return null;

  const resourceIds = [...new Set(spans.rows.map((row) => row.resource_id))];
  const resources = await db.query<{ id: string; attributes: Attributes }>("SELECT id, attributes FROM resources WHERE id = ANY($1::bigint[])", [resourceIds]);
  // One object per resource, shared by its spans: JSON output repeats it, memory does not.
  const resourceById = new Map(resources.rows.map((row) => [row.id, { attributes: row.attributes }]));
  const eventsBySpan = groupEvents(events.rows);

  return {
    traceId,
    spans: spans.rows.map((row) => toSpan(traceId, row, eventsBySpan.get(row.span_id) ?? [], resourceById.get(row.resource_id) ?? { attributes: {} })),
  };
}

function groupEvents(rows: SpanEventRow[]): Map<string, SpanEvent[]> {
  const bySpan = new Map<string, SpanEvent[]>();
  for (const row of rows) {
    const event = toSpanEvent(row);
    const list = bySpan.get(row.span_id);
    if (list) list.push(event);
    else bySpan.set(row.span_id, [event]);
  }
  return bySpan;
}
