import type pg from "pg";
import type { TraceSearchResponse } from "@/lib/schemas/traces";
import { buildSpanMatchConditions, type SpanMatchFilters } from "./build-span-match";
import { SqlParams } from "./sql-params";

// Trace search: first the traces with a span in the window that matches every condition,
// keeping the best `limit` of them; then, per kept trace, a summary over all its spans by the
// trace-id index. The summary covers spans outside the window too: a trace is shown whole,
// however its spans straddle `from`/`to`.
//
// Most recent first (the default) starts with a probe: the newest PROBE_FACTOR × limit matching
// spans, read newest first through the (service_name, start_time) index so the scan stops early.
// When they hold `limit` distinct traces, those are exactly the newest matching traces (any
// other trace's newest match is older than all of them); when the probe read every matching
// span, its answer is complete too. Otherwise (few traces with very many matching spans) the
// search runs again over all matching spans, as longest-first always does.

type Queryable = Pick<pg.Pool, "query">;

export interface TraceSearchInput extends SpanMatchFilters {
  limit: number;
  sort: "start" | "duration";
}

const PROBE_FACTOR = 20;

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
  probe_rows: number | null;
}

export async function searchTraces(db: Queryable, input: TraceSearchInput): Promise<TraceSearchResponse> {
  if (input.sort === "start") {
    const probeSize = input.limit * PROBE_FACTOR;
    const rows = await runSearch(db, input, probeSize);
    const probeRows = rows[0]?.probe_rows ?? 0;
    if (rows.length >= input.limit || probeRows < probeSize) return toResponse(rows);
  }
  return toResponse(await runSearch(db, input, null));
}

async function runSearch(db: Queryable, input: TraceSearchInput, probeSize: number | null): Promise<Row[]> {
  const params = new SqlParams();
  const where = buildSpanMatchConditions(input, params).join("\n     AND ");
  const candidates =
    probeSize === null
      ? `SELECT s.trace_id, s.start_time, s.duration_ns FROM spans s WHERE ${where}`
      : `SELECT s.trace_id, s.start_time, s.duration_ns FROM spans s WHERE ${where} ORDER BY s.start_time DESC LIMIT ${params.add(probeSize, "int")}`;
  const limit = params.add(input.limit, "int");
  // The root is the span without a parent, or the earliest span while the root has not arrived.
  const { rows } = await db.query<Row>(
    `WITH candidates AS (${candidates}),
     matches AS (
       SELECT c.trace_id, max(c.start_time) AS last_start, max(c.duration_ns) AS longest
         FROM candidates c
        GROUP BY c.trace_id
        ORDER BY ${PICK_ORDER[input.sort]}, c.trace_id
        LIMIT ${limit}
     )
     SELECT encode(m.trace_id, 'hex') AS trace_id, t.*,
            ${probeSize === null ? "NULL" : "(SELECT count(*) FROM candidates)::int"} AS probe_rows
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
  return rows;
}

function toResponse(rows: Row[]): TraceSearchResponse {
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
