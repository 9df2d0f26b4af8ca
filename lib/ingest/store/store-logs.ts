import type pg from "pg";
import { pgJson, pgText } from "./pg-safe";
import { utcDay } from "@/lib/utc-day";
import { withTransaction } from "@/lib/db/with-transaction";
import type { LogRecordRecord } from "../otlp/model";
import { recordHash } from "./log-record-hash";
import { rememberResources, upsertResources } from "./upsert-resources";

// Log records carry no id, so each is keyed by a hash of everything that makes it itself:
// a retried request stores each record once, while two identical lines at different times stay two.
// This is the path of the event loop; store-prepared-logs.ts writes the same rows from COPY text
// an ingest worker built (prepare-logs.ts).

export async function storeLogs(pool: pg.Pool, logs: LogRecordRecord[]): Promise<{ inserted: number; duplicates: number }> {
  if (logs.length === 0) return { inserted: 0, duplicates: 0 };
  const days = new Set(logs.map((l) => utcDay(Number(l.timeUnixNano / 1_000_000n))));
  const result = await withTransaction(pool, async (client) => {
    const resourceIds = await upsertResources(client, logs);
    const bodies = logs.map((l) => pgJson(l.body));
    const attributes = logs.map((l) => pgJson(l.attributes));
    const { rowCount } = await client.query(
      `INSERT INTO log_records (time, record_hash, time_ns, observed_time_ns, trace_id, span_id, severity_number, severity_text,
                                body, body_text, event_name, service_name, attributes, resource_id, scope_name, flags, dropped_attributes_count)
       SELECT 'epoch'::timestamptz + (u.time_ns / 1000) * interval '1 microsecond', decode(u.hash, 'hex'), u.time_ns, u.observed_ns,
              decode(u.trace_id, 'hex'), decode(u.span_id, 'hex'), u.severity_number, u.severity_text, u.body, u.body_text,
              u.event_name, u.service_name, u.attributes, u.resource_id, u.scope_name, u.flags, u.dropped
         FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::smallint[], $7::text[], $8::jsonb[], $9::text[],
                     $10::text[], $11::text[], $12::jsonb[], $13::bigint[], $14::text[], $15::int[], $16::int[])
           AS u(time_ns, hash, observed_ns, trace_id, span_id, severity_number, severity_text, body, body_text, event_name,
                service_name, attributes, resource_id, scope_name, flags, dropped)
       ON CONFLICT (record_hash, time) DO NOTHING`,
      [
        logs.map((l) => l.timeUnixNano.toString()),
        logs.map((l, i) => recordHash(l, bodies[i]!, attributes[i]!, resourceIds.get(l.resource)!)),
        logs.map((l) => l.observedTimeUnixNano.toString()),
        logs.map((l) => l.traceId),
        logs.map((l) => l.spanId),
        logs.map((l) => l.severityNumber),
        logs.map((l) => pgText(l.severityText) || null),
        bodies,
        logs.map((l) => (typeof l.body === "string" ? pgText(l.body) : pgJson(l.body))),
        logs.map((l) => pgText(l.eventName) || null),
        logs.map((l) => pgText(l.serviceName)),
        attributes,
        logs.map((l) => resourceIds.get(l.resource)),
        logs.map((l) => pgText(l.scope.name) || null),
        logs.map((l) => l.flags),
        logs.map((l) => l.droppedAttributesCount),
      ],
    );
    return { inserted: rowCount ?? 0, resourceIds: resourceIds.values() };
  }, { partitions: [["log_records", days]] });
  rememberResources(result.resourceIds);
  return { inserted: result.inserted, duplicates: logs.length - result.inserted };
}
