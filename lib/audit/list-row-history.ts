import type pg from "pg";
import type { z } from "zod";
import { listAuditChanges } from "@/lib/audit/list-audit-changes";
import { rowHistoryCursor, type AuditRowHistoryResponse, type auditRowHistoryQuerySchema } from "@/lib/schemas/audit";

// GET /api/v1/audit/row-history: every change of one row, oldest first, a page at a time, each with the request
// behind it (the root span of its trace and the span that wrote it, when Sightline holds them),
// so the timeline reads "PAID, by POST /payments/webhook" rather than a bare trace id.

interface RequestRow {
  trace_id: string;
  span_id: string | null;
  root_service: string | null;
  root_name: string | null;
  span_name: string | null;
  root_start_ms: number | null;
  root_end_ms: number | null;
}

export async function listRowHistory(db: Pick<pg.Pool, "query">, query: z.output<typeof auditRowHistoryQuerySchema>): Promise<AuditRowHistoryResponse> {
  // One more than a page: whether the row has more changes than this page shows, so the page can
  // say so and offer the rest (`nextAfter`) instead of ending the history silently.
  const { after, ...rowQuery } = query;
  const { changes: read } = await listAuditChanges(db, { ...rowQuery, order: "asc", limit: query.limit + 1 }, after);
  const changes = read.slice(0, query.limit);
  const last = changes[changes.length - 1];
  const nextAfter = read.length > query.limit && last ? rowHistoryCursor(last) : null;
  const traced = changes.filter((change) => change.traceId !== null);
  const requests = new Map<string, RequestRow>();
  if (traced.length > 0) {
    // One lookup per distinct (trace, span), on the spans' (trace_id, span_id, start_time) key,
    // within a day before the change's commit and an hour after: the spans table is partitioned
    // by day, so each probe reads one or two partitions instead of every retained day (a
    // 10,000-change history made 20,000 probes of every partition). A request that began more
    // than a day before its change committed is shown without its names.
    const { rows } = await db.query<RequestRow>(
      `SELECT c.trace_id, c.span_id, root.service_name AS root_service, root.name AS root_name, root.own_name AS span_name,
              (root.start_ns / 1000000)::float8 AS root_start_ms, ((root.start_ns + root.duration_ns) / 1000000)::float8 AS root_end_ms
         FROM (SELECT trace_id, span_id, max(committed_at) AS committed_at
                 FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS u(trace_id, span_id, committed_at)
                GROUP BY 1, 2) AS c
         LEFT JOIN LATERAL (
           -- the trace's root span and the span that wrote, in one probe of the trace's spans
           SELECT (array_agg(service_name ORDER BY start_time) FILTER (WHERE parent_span_id IS NULL))[1] AS service_name,
                  (array_agg(name ORDER BY start_time) FILTER (WHERE parent_span_id IS NULL))[1] AS name,
                  (array_agg(start_ns ORDER BY start_time) FILTER (WHERE parent_span_id IS NULL))[1] AS start_ns,
                  (array_agg(duration_ns ORDER BY start_time) FILTER (WHERE parent_span_id IS NULL))[1] AS duration_ns,
                  (array_agg(name) FILTER (WHERE span_id = decode(c.span_id, 'hex')))[1] AS own_name
             FROM spans
            WHERE trace_id = decode(c.trace_id, 'hex') AND (parent_span_id IS NULL OR span_id = decode(c.span_id, 'hex'))
              AND start_time > c.committed_at - interval '1 day' AND start_time < c.committed_at + interval '1 hour') AS root ON true`,
      [traced.map((change) => change.traceId), traced.map((change) => change.spanId), traced.map((change) => change.committedAt)],
    );
    for (const row of rows) requests.set(`${row.trace_id}:${row.span_id ?? ""}`, row);
  }
  return {
    nextAfter,
    changes: changes.map((change) => {
      const request = change.traceId === null ? undefined : requests.get(`${change.traceId}:${change.spanId ?? ""}`);
      return {
        ...change,
        request:
          change.traceId === null
            ? null
            : {
                rootService: request?.root_service ?? null,
                rootName: request?.root_name ?? null,
                spanName: request?.span_name ?? null,
                startMs: request?.root_start_ms ?? null,
                endMs: request?.root_end_ms ?? null,
              },
      };
    }),
  };
}
