import type pg from "pg";
import type { TraceSearchResponse } from "@/lib/schemas/traces";
import { buildSpanMatchConditions, type SpanMatchFilters } from "./build-span-match";
import { SqlParams } from "./sql-params";

// Trace search in one statement: first the traces with a span in the window that matches every
// condition (reading only matching spans, through the (service_name, start_time) index or the
// time BRIN), keeping the best `limit` of them; then, per kept trace, a summary over all its
// spans by the trace-id index. The summary covers spans outside the window too: a trace is
// shown whole, however its spans straddle `from`/`to`.

type Queryable = Pick<pg.Pool, "query">;

export interface TraceSearchInput extends SpanMatchFilters {
  limit: number;
  sort: "start" | "duration";
}

// Fixed fragments chosen by the enum, never text from the request.
const PICK_ORDER = { start: "last_start DESC", duration: "longest DESC" } as const;
const RESULT_ORDER = { start: "t.start_ns DESC", duration: "t.duration_ns DESC" } as const;

interface Row {
  trace_id: string;
  span_count: number;
  error_count: number;
  start_ns: string;
  duration_ns: string;
  services: string[];
  root_service_name: string;
  root_name: string;
  root_span_id: string;
}

export async function searchTraces(db: Queryable, input: TraceSearchInput): Promise<TraceSearchResponse> {
  const params = new SqlParams();
  const where = buildSpanMatchConditions(input, params).join("\n     AND ");
  const limit = params.add(input.limit, "int");
  // The root is the span without a parent, or the earliest span while the root has not arrived.
  const { rows } = await db.query<Row>(
    `WITH matches AS (
       SELECT s.trace_id, max(s.start_time) AS last_start, max(s.duration_ns) AS longest
         FROM spans s
        WHERE ${where}
        GROUP BY s.trace_id
        ORDER BY ${PICK_ORDER[input.sort]}, s.trace_id
        LIMIT ${limit}
     )
     SELECT encode(m.trace_id, 'hex') AS trace_id, t.*
       FROM matches m
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS span_count,
                (count(*) FILTER (WHERE a.status_code = 2))::int AS error_count,
                min(a.start_ns) AS start_ns,
                max(a.start_ns + a.duration_ns) - min(a.start_ns) AS duration_ns,
                array_agg(DISTINCT a.service_name ORDER BY a.service_name) AS services,
                (array_agg(a.service_name ORDER BY a.parent_span_id IS NOT NULL, a.start_ns, a.span_id))[1] AS root_service_name,
                (array_agg(a.name ORDER BY a.parent_span_id IS NOT NULL, a.start_ns, a.span_id))[1] AS root_name,
                (array_agg(encode(a.span_id, 'hex') ORDER BY a.parent_span_id IS NOT NULL, a.start_ns, a.span_id))[1] AS root_span_id
           FROM spans a
          WHERE a.trace_id = m.trace_id
       ) t
      ORDER BY ${RESULT_ORDER[input.sort]}, m.trace_id`,
    params.values,
  );
  return {
    traces: rows.map((row) => ({
      traceId: row.trace_id,
      rootServiceName: row.root_service_name,
      rootName: row.root_name,
      rootSpanId: row.root_span_id,
      startTimeUnixNano: row.start_ns,
      durationMs: Number(row.duration_ns) / 1e6,
      spanCount: row.span_count,
      errorCount: row.error_count,
      services: row.services,
    })),
  };
}
