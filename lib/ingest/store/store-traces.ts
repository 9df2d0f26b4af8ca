import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pgJson, pgText } from "./pg-safe";
import { utcDay } from "@/lib/utc-day";
import { withTransaction } from "@/lib/db/with-transaction";
import { isTimeoutSpan } from "../classify-timeout";
import type { SpanRecord } from "../otlp/model";
import { SPAN_COPY_COLUMNS, spanCopyRows } from "./span-copy-rows";
import { buildSpanRollups, foldRollupsToHours } from "./span-rollups";
import { upsertRollupRows } from "./upsert-span-rollups";
import { rememberResources, upsertResources } from "./upsert-resources";

// Writes one OTLP traces request in one transaction: resources, spans, their events and the
// per-minute rollups. Spans already stored (a retried request) are skipped by the unique key,
// and only spans inserted now feed events and rollups, so a retry never double-counts.
// Spans go in with COPY; when that meets a span already stored (a retry) the savepoint is rolled
// back and they go in again with INSERT ... ON CONFLICT DO NOTHING, which skips the duplicates.
// Everything else is one multi-row INSERT over unnest() arrays, never a row at a time.

const ns = (value: bigint) => value.toString();

export async function storeTraces(pool: pg.Pool, spans: SpanRecord[]): Promise<{ inserted: number; duplicates: number }> {
  if (spans.length === 0) return { inserted: 0, duplicates: 0 };
  const days = new Set(spans.map((s) => utcDay(Number(s.startTimeUnixNano / 1_000_000n))));

  const timeouts = new Set(spans.filter(isTimeoutSpan));
  const result = await withTransaction(pool, async (client) => {
    const resourceIds = await upsertResources(client, spans);
    const fresh = await insertSpans(client, spans, resourceIds, timeouts);
    await insertEvents(client, fresh);
    await upsertRollups(client, fresh, timeouts);
    return { inserted: fresh.length, resourceIds: resourceIds.values() };
  }, { partitions: [["spans", days], ["span_events", days], ["span_rollups_1m", days], ["span_rollups_1h", days]] });
  rememberResources(result.resourceIds);
  return { inserted: result.inserted, duplicates: spans.length - result.inserted };
}

/** Returns the spans actually inserted now (each once, even if the request repeats one). */
async function insertSpans(client: pg.ClientBase, spans: SpanRecord[], resourceIds: Map<unknown, string>, timeouts: Set<SpanRecord>): Promise<SpanRecord[]> {
  await client.query("SAVEPOINT spans_copy");
  try {
    await pipeline(Readable.from([spanCopyRows(spans, resourceIds, timeouts)]), client.query(copyFrom(`COPY spans (${SPAN_COPY_COLUMNS}) FROM STDIN`)));
    await client.query("RELEASE SAVEPOINT spans_copy");
    return spans;
  } catch (error) {
    if ((error as { code?: string }).code !== "23505") throw error;
    await client.query("ROLLBACK TO SAVEPOINT spans_copy");
  }
  const inserted = await insertSpansSkippingDuplicates(client, spans, resourceIds, timeouts);
  // inserted holds each new key once, so a span sent twice in one request also counts once.
  return spans.filter((s) => inserted.delete(s.traceId + s.spanId));
}

async function insertSpansSkippingDuplicates(client: pg.ClientBase, spans: SpanRecord[], resourceIds: Map<unknown, string>, timeouts: Set<SpanRecord>) {
  const { rows } = await client.query<{ key: string }>(
    `INSERT INTO spans (start_time, trace_id, span_id, parent_span_id, trace_state, flags, service_name, name, kind,
                        start_ns, duration_ns, status_code, status_message, is_timeout, attributes, resource_id,
                        scope_name, scope_version, links, dropped_attributes_count, dropped_events_count, dropped_links_count)
     SELECT 'epoch'::timestamptz + (u.start_ns / 1000) * interval '1 microsecond',
            decode(u.trace_id, 'hex'), decode(u.span_id, 'hex'), decode(u.parent_span_id, 'hex'), u.trace_state, u.flags,
            u.service_name, u.name, u.kind, u.start_ns, u.duration_ns, u.status_code, u.status_message, u.is_timeout,
            u.attributes, u.resource_id, u.scope_name, u.scope_version, u.links, u.dropped_attributes, u.dropped_events, u.dropped_links
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::smallint[],
                   $10::bigint[], $11::smallint[], $12::text[], $13::boolean[], $14::jsonb[], $15::bigint[], $16::text[], $17::text[],
                   $18::jsonb[], $19::int[], $20::int[], $21::int[])
         AS u(start_ns, trace_id, span_id, parent_span_id, trace_state, flags, service_name, name, kind, duration_ns, status_code,
              status_message, is_timeout, attributes, resource_id, scope_name, scope_version, links, dropped_attributes,
              dropped_events, dropped_links)
     ON CONFLICT (trace_id, span_id, start_time) DO NOTHING
     RETURNING encode(trace_id, 'hex') || encode(span_id, 'hex') AS key`,
    [
      spans.map((s) => ns(s.startTimeUnixNano)),
      spans.map((s) => s.traceId),
      spans.map((s) => s.spanId),
      spans.map((s) => s.parentSpanId),
      spans.map((s) => pgText(s.traceState) || null),
      spans.map((s) => s.flags),
      spans.map((s) => pgText(s.serviceName)),
      spans.map((s) => pgText(s.name)),
      spans.map((s) => s.kind),
      spans.map((s) => ns(s.endTimeUnixNano - s.startTimeUnixNano)),
      spans.map((s) => s.status.code),
      spans.map((s) => pgText(s.status.message) || null),
      spans.map((s) => timeouts.has(s)),
      spans.map((s) => pgJson(s.attributes)),
      spans.map((s) => resourceIds.get(s.resource)),
      spans.map((s) => pgText(s.scope.name) || null),
      spans.map((s) => pgText(s.scope.version) || null),
      spans.map((s) => (s.links.length ? pgJson(s.links) : null)),
      spans.map((s) => s.droppedAttributesCount),
      spans.map((s) => s.droppedEventsCount),
      spans.map((s) => s.droppedLinksCount),
    ],
  );
  return new Set(rows.map((r) => r.key));
}

async function insertEvents(client: pg.ClientBase, spans: SpanRecord[]) {
  const events = spans.flatMap((span) => span.events.map((event, idx) => ({ span, event, idx })));
  if (events.length === 0) return;
  await client.query(
    `INSERT INTO span_events (span_start_time, trace_id, span_id, idx, time_ns, name, attributes, dropped_attributes_count)
     SELECT 'epoch'::timestamptz + (u.span_start_ns / 1000) * interval '1 microsecond', decode(u.trace_id, 'hex'), decode(u.span_id, 'hex'),
            u.idx, u.time_ns, u.name, u.attributes, u.dropped
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::bigint[], $6::text[], $7::jsonb[], $8::int[])
         AS u(span_start_ns, trace_id, span_id, idx, time_ns, name, attributes, dropped)
     ON CONFLICT DO NOTHING`,
    [
      events.map((e) => ns(e.span.startTimeUnixNano)),
      events.map((e) => e.span.traceId),
      events.map((e) => e.span.spanId),
      events.map((e) => e.idx),
      events.map((e) => ns(e.event.timeUnixNano)),
      events.map((e) => pgText(e.event.name)),
      events.map((e) => pgJson(e.event.attributes)),
      events.map((e) => e.event.droppedAttributesCount),
    ],
  );
}

async function upsertRollups(client: pg.ClientBase, spans: SpanRecord[], timeouts: Set<SpanRecord>) {
  const minutes = buildSpanRollups(spans, (s) => timeouts.has(s));
  if (minutes.length === 0) return;
  // Minutes first, then hours, each sorted by key: every writer takes the row locks in the same order.
  await upsertRollupRows(client, "span_rollups_1m", "minute", minutes);
  await upsertRollupRows(client, "span_rollups_1h", "hour", foldRollupsToHours(minutes));
}
