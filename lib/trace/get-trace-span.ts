import type pg from "pg";
import type { Attributes } from "@/lib/ingest/otlp/model";
import { spanKindName, statusCodeName } from "@/lib/query/span-codes";
import type { Span } from "@/lib/schemas/traces";

// One span with everything the detail panel shows (attributes, events, links, resource,
// scope), in the same shape as the spans of GET /api/v1/traces/{traceId}. Both lookups use
// the (trace_id, span_id, ...) unique indexes, so this costs the same in any trace size:
// what keeps "click a span → see its detail" fast on a 100,000-span trace.

type Queryable = Pick<pg.Pool, "query">;

interface SpanRow {
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
  resource_attributes: Attributes | null;
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
  time_ns: string;
  name: string;
  attributes: Attributes;
  dropped_attributes_count: number;
}

export async function getTraceSpan(db: Queryable, traceId: string, spanId: string): Promise<Span | null> {
  const ids = [Buffer.from(traceId, "hex"), Buffer.from(spanId, "hex")];
  const [spans, events] = await Promise.all([
    db.query<SpanRow>(
      `SELECT encode(s.parent_span_id, 'hex') AS parent_span_id, s.service_name, s.name, s.kind,
              s.start_ns, s.start_ns + s.duration_ns AS end_ns, s.duration_ns, s.status_code, s.status_message, s.is_timeout,
              s.attributes, r.attributes AS resource_attributes, s.scope_name, s.scope_version, s.links, s.trace_state, s.flags,
              s.dropped_attributes_count, s.dropped_events_count, s.dropped_links_count
         FROM spans s
         LEFT JOIN resources r ON r.id = s.resource_id
        WHERE s.trace_id = $1 AND s.span_id = $2
        ORDER BY s.start_time
        LIMIT 1`,
      ids,
    ),
    db.query<EventRow>(
      `SELECT time_ns, name, attributes, dropped_attributes_count
         FROM span_events
        WHERE trace_id = $1 AND span_id = $2
        ORDER BY idx`,
      ids,
    ),
  ]);
  const row = spans.rows[0];
  if (!row) return null;
  return {
    traceId,
    spanId,
    parentSpanId: row.parent_span_id,
    serviceName: row.service_name,
    name: row.name,
    kind: spanKindName(row.kind),
    startTimeUnixNano: row.start_ns,
    endTimeUnixNano: row.end_ns,
    durationNs: row.duration_ns,
    status: { code: statusCodeName(row.status_code), message: row.status_message ?? "" },
    attributes: row.attributes,
    events: events.rows.map((e) => ({ timeUnixNano: e.time_ns, name: e.name, attributes: e.attributes, droppedAttributesCount: e.dropped_attributes_count })),
    links: row.links ?? [],
    resource: { attributes: row.resource_attributes ?? {} },
    scope: { name: row.scope_name ?? "", version: row.scope_version ?? "" },
    traceState: row.trace_state ?? "",
    flags: row.flags,
    isTimeout: row.is_timeout,
    droppedAttributesCount: row.dropped_attributes_count,
    droppedEventsCount: row.dropped_events_count,
    droppedLinksCount: row.dropped_links_count,
  };
}
