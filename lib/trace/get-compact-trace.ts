import type pg from "pg";
import { SPAN_FLAG } from "@/lib/schemas/trace-compact";

// The waterfall's payload, written by PostgreSQL as JSON text in one statement: the spans of
// the trace (read by the trace-id index) numbered in start order, parents resolved to those
// numbers by a hash join, names and services numbered in first-seen order, and every column
// aggregated once. The app server only passes the text on. Parsing 100,000 rows' worth of
// arrays in Node and serialising them again cost more than the query itself, and it competed
// with rendering the page on the server's one JavaScript thread.
//
// The shape and rules are exactly assembleCompactTrace's (the pure reference, used for the
// recorded fixtures): the first span with an id is the one children link to, a parent that is
// absent or the span itself is listed in `missingParents`, offsets are exact bigint
// differences (JSON numbers, exact below 2^53 ns). get-compact-trace.int.test.ts checks the
// two agree on the same stored spans.

type Queryable = Pick<pg.Pool, "query">;

const SQL = `
WITH s AS (
  SELECT span_id, parent_span_id, service_name, name, kind, status_code, is_timeout, start_ns, duration_ns,
         coalesce(jsonb_array_length(links), 0) > 0 AS has_links,
         (row_number() OVER (ORDER BY start_ns, span_id) - 1)::int AS idx
    FROM spans
   WHERE trace_id = $1
),
first_of_id AS (SELECT span_id, min(idx) AS idx FROM s GROUP BY span_id),
ev AS (
  SELECT span_id, bool_or(name = 'exception') AS exception
    FROM span_events
   WHERE trace_id = $1
   GROUP BY span_id
),
svc AS (SELECT service_name, (row_number() OVER (ORDER BY min(idx)) - 1)::int AS i FROM s GROUP BY service_name),
nm AS (SELECT name, (row_number() OVER (ORDER BY min(idx)) - 1)::int AS i FROM s GROUP BY name),
t AS (SELECT min(start_ns) AS t0 FROM s),
r AS (
  SELECT s.idx, s.span_id, s.parent_span_id, s.kind, s.status_code, s.start_ns - t.t0 AS start_offset, s.duration_ns,
         s.parent_span_id IS NOT NULL AND (p.idx IS NULL OR p.idx = s.idx) AS missing,
         CASE WHEN p.idx IS NULL OR p.idx = s.idx THEN -1 ELSE p.idx END AS parent,
         svc.i AS service, nm.i AS name,
         (CASE WHEN s.is_timeout THEN ${SPAN_FLAG.timeout} ELSE 0 END)
         | (CASE WHEN ev.exception THEN ${SPAN_FLAG.exception} ELSE 0 END)
         | (CASE WHEN ev.span_id IS NOT NULL THEN ${SPAN_FLAG.events} ELSE 0 END)
         | (CASE WHEN s.has_links THEN ${SPAN_FLAG.links} ELSE 0 END) AS flags
    FROM s
   CROSS JOIN t
    LEFT JOIN first_of_id p ON p.span_id = s.parent_span_id
    JOIN svc ON svc.service_name = s.service_name
    JOIN nm ON nm.name = s.name
    LEFT JOIN ev ON ev.span_id = s.span_id
)
SELECT count(*)::int AS spans,
       json_build_object(
         'traceId', $2::text,
         'startTimeUnixNano', (SELECT t0::text FROM t),
         'services', (SELECT array_to_json(array_agg(service_name ORDER BY i)) FROM svc),
         'names', (SELECT array_to_json(array_agg(name ORDER BY i)) FROM nm),
         'spans', json_build_object(
           'spanId', array_to_json(array_agg(encode(span_id, 'hex') ORDER BY idx)),
           'parent', array_to_json(array_agg(parent ORDER BY idx)),
           'service', array_to_json(array_agg(service ORDER BY idx)),
           'name', array_to_json(array_agg(name ORDER BY idx)),
           'kind', array_to_json(array_agg(kind ORDER BY idx)),
           'status', array_to_json(array_agg(status_code ORDER BY idx)),
           'startNs', array_to_json(array_agg(start_offset ORDER BY idx)),
           'durationNs', array_to_json(array_agg(duration_ns ORDER BY idx)),
           'flags', array_to_json(array_agg(flags ORDER BY idx))),
         'missingParents', coalesce(
           json_agg(json_build_object('span', idx, 'parentSpanId', encode(parent_span_id, 'hex')) ORDER BY idx) FILTER (WHERE missing),
           '[]'::json)
       )::text AS body
  FROM r`;

/** The compact payload as JSON text (see lib/schemas/trace-compact.ts), or null when no span of the trace is stored. */
export async function getCompactTraceJson(db: Queryable, traceId: string): Promise<string | null> {
  const { rows } = await db.query<{ spans: number; body: string }>(SQL, [Buffer.from(traceId, "hex"), traceId]);
  const row = rows[0];
  return row && row.spans > 0 ? row.body : null;
}
