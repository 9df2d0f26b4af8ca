import type pg from "pg";
import { containsPattern } from "@/lib/query/like-pattern";
import type { FindInTraceResponse } from "@/lib/schemas/trace-compact";

// The server half of "find in trace": what the browser does not hold (attribute keys and
// values, status messages, events, resource attributes) searched with ILIKE over the spans of
// one trace, read by the trace-id index. Matching is on the text of each value, so a search for
// "4242" finds the number 4242 as well as the string.

type Queryable = Pick<pg.Pool, "query">;

const MAX_MATCHES = 10_000;

export async function findSpansInTrace(db: Queryable, traceId: string, text: string): Promise<FindInTraceResponse> {
  const { rows } = await db.query<{ span_id: string }>(
    `SELECT encode(s.span_id, 'hex') AS span_id
       FROM spans s
      WHERE s.trace_id = $1
        AND (s.name ILIKE $2
          OR s.service_name ILIKE $2
          OR s.status_message ILIKE $2
          OR EXISTS (SELECT 1 FROM jsonb_each_text(s.attributes) a WHERE a.key ILIKE $2 OR a.value ILIKE $2)
          OR EXISTS (SELECT 1 FROM resources r, jsonb_each_text(r.attributes) a WHERE r.id = s.resource_id AND a.value ILIKE $2)
          OR EXISTS (
               SELECT 1 FROM span_events e
                WHERE e.trace_id = s.trace_id AND e.span_id = s.span_id
                  AND (e.name ILIKE $2 OR EXISTS (SELECT 1 FROM jsonb_each_text(e.attributes) a WHERE a.value ILIKE $2))))
      ORDER BY s.start_ns, s.span_id
      LIMIT ${MAX_MATCHES + 1}`,
    [Buffer.from(traceId, "hex"), containsPattern(text)],
  );
  const truncated = rows.length > MAX_MATCHES;
  return { spanIds: rows.slice(0, MAX_MATCHES).map((r) => r.span_id), truncated };
}
