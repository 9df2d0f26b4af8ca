import type pg from "pg";
import type { LockSide } from "./schemas";

// Names the requests behind lock sides: the root span of each side's trace (the request, e.g.
// `POST /orders/{id}/cancel` at the gateway) and the name of the side's own span (the statement
// the agent saw, as the service traced it). Sides whose trace is not stored keep nulls.

interface RootRow {
  trace_id: string;
  service_name: string;
  name: string;
}

interface SpanRow {
  trace_id: string;
  span_id: string;
  name: string;
}

export async function describeRequests(db: Pick<pg.Pool, "query">, sides: LockSide[]): Promise<LockSide[]> {
  const traceIds = [...new Set(sides.flatMap((s) => (s.traceId ? [s.traceId] : [])))];
  if (traceIds.length === 0) return sides;
  const spanIds = [...new Set(sides.flatMap((s) => (s.spanId ? [s.spanId] : [])))];
  const [roots, spans] = await Promise.all([
    db.query<RootRow>(
      `SELECT DISTINCT ON (trace_id) encode(trace_id, 'hex') AS trace_id, service_name, name
         FROM spans
        WHERE trace_id = ANY(ARRAY(SELECT decode(t, 'hex') FROM unnest($1::text[]) AS t)) AND parent_span_id IS NULL
        ORDER BY trace_id, start_ns`,
      [traceIds],
    ),
    db.query<SpanRow>(
      `SELECT encode(trace_id, 'hex') AS trace_id, encode(span_id, 'hex') AS span_id, name
         FROM spans
        WHERE trace_id = ANY(ARRAY(SELECT decode(t, 'hex') FROM unnest($1::text[]) AS t))
          AND span_id = ANY(ARRAY(SELECT decode(s, 'hex') FROM unnest($2::text[]) AS s))`,
      [traceIds, spanIds],
    ),
  ]);
  const rootOf = new Map(roots.rows.map((r) => [r.trace_id, { service: r.service_name, name: r.name }]));
  const nameOf = new Map(spans.rows.map((s) => [`${s.trace_id}/${s.span_id}`, s.name]));
  return sides.map((side) => ({
    ...side,
    request: side.traceId ? (rootOf.get(side.traceId) ?? null) : null,
    statement: side.traceId && side.spanId ? (nameOf.get(`${side.traceId}/${side.spanId}`) ?? null) : null,
  }));
}
