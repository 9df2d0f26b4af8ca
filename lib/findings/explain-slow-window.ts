import type pg from "pg";
import { compareFeatureShares } from "./compare-feature-shares";
import { requestFeatures, type FeatureSpan } from "./request-features";
import type { WhySlowQuery, WhySlowResponse } from "./schemas";
import { splitSlowRequests, type RequestSample } from "./split-slow-requests";

// GET /api/v1/findings/why-slow: BubbleUp for one operation's slow window (or a service's:
// all the requests it served, whichever operation). Reads the requests in the window and in the hour before (a random MAX_READ of each at
// most), splits them into slow and baseline, loads the spans of a sample of each (MAX_EACH
// traces), and compares what the two samples are made of.

type Queryable = Pick<pg.Pool, "query">;

const MAX_READ = 5_000;
const MAX_EACH = 150;
const BEFORE_MS = 3_600_000;
/** A trace's spans may start a little before its request span (the caller) or after it ends. */
const TRACE_MARGIN_MS = 10 * 60_000;

export async function explainSlowWindow(db: Queryable, query: WhySlowQuery): Promise<WhySlowResponse> {
  const { service, from, to } = query;
  const operation = query.operation ?? null;
  const beforeFrom = from - Math.max(BEFORE_MS, to - from);
  const [window, before] = await Promise.all([readRequests(db, service, operation, from, to), readRequests(db, service, operation, beforeFrom, from)]);
  const split = splitSlowRequests(window, before, { thresholdMs: query.thresholdMs, maxEach: MAX_EACH });
  const spans = await readSpans(db, [...split.slow, ...split.baseline].map((r) => r.traceId), beforeFrom - TRACE_MARGIN_MS, to + TRACE_MARGIN_MS);
  const featuresOf = (requests: RequestSample[]) => requests.map((r) => requestFeatures(spans.get(r.traceId) ?? [], r.spanId));
  return {
    service,
    operation,
    fromMs: from,
    toMs: to,
    thresholdMs: split.thresholdMs,
    slow: { count: split.slowCount, sampled: split.slow.length },
    baseline: { count: split.baselineCount, sampled: split.baseline.length, source: split.source, fromMs: beforeFrom },
    differences: compareFeatureShares(featuresOf(split.slow), featuresOf(split.baseline)),
    exampleTraceIds: [...split.slow].sort((a, b) => b.durationMs - a.durationMs).slice(0, 5).map((r) => r.traceId),
  };
}

async function readRequests(db: Queryable, service: string, operation: string | null, fromMs: number, toMs: number): Promise<RequestSample[]> {
  const { rows } = await db.query<{ trace_id: string; span_id: string; duration_ms: number; start_ms: number }>(
    `SELECT encode(trace_id, 'hex') AS trace_id, encode(span_id, 'hex') AS span_id, duration_ns / 1e6 AS duration_ms, (extract(epoch FROM start_time) * 1000)::float8 AS start_ms
       FROM spans
      WHERE service_name = $1 AND start_time >= $3 AND start_time < $4
        AND CASE WHEN $2::text IS NULL THEN kind IN (2, 5) ELSE name = $2 END
      ORDER BY random() LIMIT ${MAX_READ}`,
    [service, operation, new Date(fromMs), new Date(toMs)],
  );
  return rows.map((row) => ({ traceId: row.trace_id, spanId: row.span_id, durationMs: Number(row.duration_ms), startMs: row.start_ms }));
}

async function readSpans(db: Queryable, traceIds: string[], fromMs: number, toMs: number): Promise<Map<string, FeatureSpan[]>> {
  const byTrace = new Map<string, FeatureSpan[]>();
  if (traceIds.length === 0) return byTrace;
  const { rows } = await db.query<{
    trace_id: string;
    span_id: string;
    parent_span_id: string | null;
    service_name: string;
    name: string;
    kind: number;
    start_ns: string;
    duration_ns: string;
    status_code: number;
    attributes: Record<string, unknown>;
  }>(
    `SELECT encode(trace_id, 'hex') AS trace_id, encode(span_id, 'hex') AS span_id, encode(parent_span_id, 'hex') AS parent_span_id,
            service_name, name, kind, start_ns, duration_ns, status_code, attributes
       FROM spans
      WHERE trace_id IN (SELECT decode(id, 'hex') FROM unnest($1::text[]) AS id) AND start_time >= $2 AND start_time < $3`,
    [[...new Set(traceIds)], new Date(fromMs), new Date(toMs)],
  );
  for (const row of rows) {
    let spans = byTrace.get(row.trace_id);
    if (!spans) byTrace.set(row.trace_id, (spans = []));
    spans.push({
      spanId: row.span_id,
      parentSpanId: row.parent_span_id,
      service: row.service_name,
      name: row.name,
      kind: row.kind,
      startNs: Number(row.start_ns),
      durationNs: Number(row.duration_ns),
      error: row.status_code === 2,
      attributes: row.attributes,
    });
  }
  return byTrace;
}
