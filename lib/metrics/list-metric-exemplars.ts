import { SERVICE_LABEL, type MetricExemplarsResponse } from "@/lib/schemas/metrics";
import type { Queryable } from "@/lib/query/query-metric-series";
import { SqlParams } from "@/lib/query/sql-params";

// Exemplars of one metric in a window: single measurements an SDK kept together with the trace
// and span they were recorded in (stored per point in metric_points.exemplars, as decoded from
// OTLP). Only those naming a trace are listed. A cumulative histogram may report the same
// exemplar at several collections, so each (trace, span, time) is listed once.

export interface MetricExemplarsInput {
  name: string;
  filter?: { key: string; value: string }[] | undefined;
  fromMs: number;
  toMs: number;
  order: "newest" | "slowest";
  limit: number;
}

interface Row {
  time_ms: number;
  value: number;
  trace_id: string;
  span_id: string | null;
  service_name: string;
  attributes: Record<string, unknown>;
  filtered: Record<string, unknown> | null;
}

export async function listMetricExemplars(db: Queryable, input: MetricExemplarsInput): Promise<MetricExemplarsResponse> {
  const params = new SqlParams();
  const conditions = [`s.name = ${params.add(input.name, "text")}`];
  for (const { key, value } of input.filter ?? []) {
    conditions.push(
      key === SERVICE_LABEL ? `s.service_name = ${params.add(value, "text")}` : `s.attributes ->> ${params.add(key, "text")} = ${params.add(value, "text")}`,
    );
  }
  const from = params.add(new Date(input.fromMs).toISOString(), "timestamptz");
  const to = params.add(new Date(input.toMs).toISOString(), "timestamptz");
  const fromNs = params.add(String(BigInt(input.fromMs) * 1_000_000n), "numeric");
  const toNs = params.add(String(BigInt(input.toMs) * 1_000_000n), "numeric");
  const order = input.order === "slowest" ? "value DESC, time_ns DESC" : "time_ns DESC, value DESC";
  // An exemplar is recorded before the point that reports it, so points up to a minute after
  // the window are read too; the exemplar's own time decides whether it is in the window.
  const { rows } = await db.query<Row>(
    `SELECT (time_ns / 1000000)::float8 AS time_ms, value, trace_id, span_id, service_name, attributes, filtered
       FROM (
         SELECT DISTINCT ON (e ->> 'traceId', e ->> 'spanId', (e ->> 'timeUnixNano')::numeric)
                (e ->> 'timeUnixNano')::numeric AS time_ns, (e ->> 'value')::float8 AS value,
                lower(e ->> 'traceId') AS trace_id, lower(e ->> 'spanId') AS span_id,
                s.service_name, s.attributes, e -> 'filteredAttributes' AS filtered
           FROM metric_series s
           JOIN metric_points p ON p.series_id = s.id
          CROSS JOIN LATERAL jsonb_array_elements(p.exemplars) AS e
          WHERE ${conditions.join(" AND ")}
            AND p.time >= ${from} AND p.time < ${to} + interval '1 minute'
            AND p.exemplars IS NOT NULL AND jsonb_typeof(p.exemplars) = 'array'
            AND e ->> 'traceId' ~ '^[0-9a-fA-F]{32}$'
            AND e ->> 'timeUnixNano' ~ '^[0-9]{1,20}$'
            AND jsonb_typeof(e -> 'value') IN ('number', 'string') AND e ->> 'value' ~ '^-?[0-9.eE+-]+$'
          ORDER BY e ->> 'traceId', e ->> 'spanId', (e ->> 'timeUnixNano')::numeric
       ) AS found
      WHERE time_ns >= ${fromNs} AND time_ns < ${toNs}
      ORDER BY ${order}
      LIMIT ${params.add(input.limit, "int")}`,
    params.values,
  );
  const unitRow = await db.query<{ unit: string }>(`SELECT unit FROM metric_series WHERE name = $1 ORDER BY id LIMIT 1`, [input.name]);
  return {
    name: input.name,
    unit: unitRow.rows[0]?.unit ?? "",
    exemplars: rows.map((row) => ({
      timeMs: row.time_ms,
      value: row.value,
      traceId: row.trace_id,
      spanId: row.span_id && /^[0-9a-f]{16}$/.test(row.span_id) ? row.span_id : null,
      labels: { ...textLabels(row.filtered ?? {}), ...textLabels(row.attributes), [SERVICE_LABEL]: row.service_name },
    })),
  };
}

function textLabels(attributes: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]));
}
