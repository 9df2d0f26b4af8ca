import type pg from "pg";
import type { Attributes } from "@/lib/ingest/otlp/model";
import type { Span, SpanEvent, TraceResponse } from "@/lib/schemas/traces";
import { spanKindName, statusCodeName } from "./span-codes";

// One trace with everything the waterfall and the span detail need. Three statements whatever
// the trace's size: its spans, its events (both by the trace-id indexes, run side by side),
// then the resources the spans point at. Nanosecond values stay decimal strings end to end
// (pg hands bigint columns over as text), so no precision is lost on the way.

type Queryable = Pick<pg.Pool, "query">;

interface SpanRow {
  span_id: string;
  parent_span_id: string | null;
  service_name: string;
  name: string;
  kind: number;
  start_ns: string;
  end_ns: string;
  duration_ns: string;
  status_code: number;
  status_message: string | null;
  is_timeout: boolean;
  attributes: Attributes;
  resource_id: string;
  scope_name: string | null;
  scope_version: string | null;
  links: Span["links"] | null;
  trace_state: string | null;
  flags: number;
  dropped_attributes_count: number;
  dropped_events_count: number;
  dropped_links_count: number;
}

interface EventRow {
  span_id: string;
  time_ns: string;
  name: string;
  attributes: Attributes;
  dropped_attributes_count: number;
}

/** The trace with this id (32 lowercase hex characters), or null when no span of it is stored. */
export async function getTrace(db: Queryable, traceId: string): Promise<TraceResponse | null> {
  const id = Buffer.from(traceId, "hex");
  const [spans, events] = await Promise.all([
    db.query<SpanRow>(
      `SELECT encode(span_id, 'hex') AS span_id, encode(parent_span_id, 'hex') AS parent_span_id, service_name, name, kind,
              start_ns, start_ns + duration_ns AS end_ns, duration_ns, status_code, status_message, is_timeout, attributes,
              resource_id, scope_name, scope_version, links, trace_state, flags,
              dropped_attributes_count, dropped_events_count, dropped_links_count
         FROM spans
        WHERE trace_id = $1
        ORDER BY start_ns, span_id`,
      [id],
    ),
    db.query<EventRow>(
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
    spans: spans.rows.map((row) => ({
      traceId,
      spanId: row.span_id,
      parentSpanId: row.parent_span_id,
      serviceName: row.service_name,
      name: row.name,
      kind: spanKindName(row.kind),
      startTimeUnixNano: row.start_ns,
      endTimeUnixNano: row.end_ns,
      durationNs: row.duration_ns,
      status: { code: statusCodeName(row.status_code), message: row.status_message ?? "" },
      attributes: row.attributes,
      events: eventsBySpan.get(row.span_id) ?? [],
      links: row.links ?? [],
      resource: resourceById.get(row.resource_id) ?? { attributes: {} },
      scope: { name: row.scope_name ?? "", version: row.scope_version ?? "" },
      traceState: row.trace_state ?? "",
      flags: row.flags,
      isTimeout: row.is_timeout,
      droppedAttributesCount: row.dropped_attributes_count,
      droppedEventsCount: row.dropped_events_count,
      droppedLinksCount: row.dropped_links_count,
    })),
  };
}

function groupEvents(rows: EventRow[]): Map<string, SpanEvent[]> {
  const bySpan = new Map<string, SpanEvent[]>();
  for (const row of rows) {
    const event: SpanEvent = { timeUnixNano: row.time_ns, name: row.name, attributes: row.attributes, droppedAttributesCount: row.dropped_attributes_count };
    const list = bySpan.get(row.span_id);
    if (list) list.push(event);
    else bySpan.set(row.span_id, [event]);
  }
  return bySpan;
}
