import type { Attributes } from "@/lib/ingest/otlp/model";
import type { Span, SpanEvent } from "@/lib/schemas/traces";
import { spanKindName, statusCodeName } from "./span-codes";

// The columns of a stored span as the API shows it, and how a row becomes a `Span`: shared by
// the whole-trace read (get-trace.ts) and the one-span read of the trace page (get-trace-span.ts),
// so the two can never disagree about a span.

/** Select list for `spans` (unqualified column names; alias the table as needed). */
export const SPAN_COLUMNS = `encode(span_id, 'hex') AS span_id, encode(parent_span_id, 'hex') AS parent_span_id, service_name, name, kind,
       start_ns, start_ns + duration_ns AS end_ns, duration_ns, status_code, status_message, is_timeout, attributes,
       resource_id, scope_name, scope_version, links, trace_state, flags,
       dropped_attributes_count, dropped_events_count, dropped_links_count`;

export interface SpanRow {
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

export interface SpanEventRow {
  span_id: string;
  time_ns: string;
  name: string;
  attributes: Attributes;
  dropped_attributes_count: number;
}

export function toSpanEvent(row: SpanEventRow): SpanEvent {
  return { timeUnixNano: row.time_ns, name: row.name, attributes: row.attributes, droppedAttributesCount: row.dropped_attributes_count };
}

export function toSpan(traceId: string, row: SpanRow, events: SpanEvent[], resource: Span["resource"]): Span {
  return {
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
    events,
    links: row.links ?? [],
    resource,
    scope: { name: row.scope_name ?? "", version: row.scope_version ?? "" },
    traceState: row.trace_state ?? "",
    flags: row.flags,
    isTimeout: row.is_timeout,
    droppedAttributesCount: row.dropped_attributes_count,
    droppedEventsCount: row.dropped_events_count,
    droppedLinksCount: row.dropped_links_count,
  };
}
