import type pg from "pg";
import type { Attributes, AttrValue } from "@/lib/ingest/otlp/model";
import type { LogSearchResponse } from "@/lib/schemas/logs";
import { containsPattern } from "./like-pattern";
import { SqlParams } from "./sql-params";

// Log records, newest first. With a trace id the trace index finds them wherever they are in
// time (a window is then optional); otherwise the window bounds the partitions read, and the
// (service_name, time) index or the time BRIN the rows.

type Queryable = Pick<pg.Pool, "query">;

export interface LogSearchInput {
  traceId?: string | undefined;
  spanId?: string | undefined;
  service?: string | undefined;
  /** Minimum OTLP severity number. */
  severity?: number | undefined;
  /** Text the body contains, case-insensitive. */
  q?: string | undefined;
  fromMs?: number | undefined;
  toMs?: number | undefined;
  limit: number;
}

interface Row {
  time_ns: string;
  observed_time_ns: string | null;
  severity_number: number;
  severity_text: string | null;
  body: AttrValue;
  attributes: Attributes;
  event_name: string | null;
  trace_id: string | null;
  span_id: string | null;
  service_name: string;
  scope_name: string | null;
  resource: Attributes | null;
}

export async function searchLogs(db: Queryable, input: LogSearchInput): Promise<LogSearchResponse> {
  const params = new SqlParams();
  const conditions: string[] = [];
  if (input.fromMs !== undefined) conditions.push(`l.time >= ${params.add(new Date(input.fromMs).toISOString(), "timestamptz")}`);
  if (input.toMs !== undefined) conditions.push(`l.time < ${params.add(new Date(input.toMs).toISOString(), "timestamptz")}`);
  if (input.traceId !== undefined) conditions.push(`l.trace_id = ${params.add(Buffer.from(input.traceId, "hex"), "bytea")}`);
  if (input.spanId !== undefined) conditions.push(`l.span_id = ${params.add(Buffer.from(input.spanId, "hex"), "bytea")}`);
  if (input.service !== undefined) conditions.push(`l.service_name = ${params.add(input.service, "text")}`);
  if (input.severity !== undefined) conditions.push(`l.severity_number >= ${params.add(input.severity, "smallint")}`);
  if (input.q !== undefined) conditions.push(`l.body_text ILIKE ${params.add(containsPattern(input.q), "text")}`);
  const where = conditions.length ? `WHERE ${conditions.join(" AND ")}` : "";

  // Resources are joined after the limit, to the few rows kept.
  const { rows } = await db.query<Row>(
    `SELECT l.*, r.attributes AS resource
       FROM (SELECT l.time, l.time_ns, l.observed_time_ns, l.severity_number, l.severity_text, l.body, l.attributes, l.event_name,
                    encode(l.trace_id, 'hex') AS trace_id, encode(l.span_id, 'hex') AS span_id, l.service_name, l.scope_name, l.resource_id
               FROM log_records l
               ${where}
              ORDER BY l.time DESC, l.time_ns DESC
              LIMIT ${params.add(input.limit, "int")}) l
       LEFT JOIN resources r ON r.id = l.resource_id
      ORDER BY l.time DESC, l.time_ns DESC`,
    params.values,
  );
  return {
    logs: rows.map((row) => ({
      timeUnixNano: row.time_ns,
      observedTimeUnixNano: row.observed_time_ns,
      severityNumber: row.severity_number,
      severityText: row.severity_text ?? "",
      body: row.body,
      attributes: row.attributes,
      eventName: row.event_name ?? "",
      traceId: row.trace_id,
      spanId: row.span_id,
      serviceName: row.service_name,
      scope: { name: row.scope_name ?? "" },
      resource: { attributes: row.resource ?? {} },
    })),
  };
}
