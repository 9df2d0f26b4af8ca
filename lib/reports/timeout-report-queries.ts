import type pg from "pg";
import { SqlParams } from "@/lib/query/sql-params";
import type { PaymentChange, OrderStatusChange } from "./summarise-state-left";
import type { SampledTrace } from "./rank-critical-time";
import type { TraceAttributeRow } from "./summarise-impact";
import type { ReportAttributes } from "./report-attributes";

// The timeout report's reads, each bounded by time: timed-out entry spans and their traces from
// `spans`, request counts and baselines from `span_rollups_1m`, state left behind from
// `audit_changes`. Values always travel as parameters. A trace's spans are looked for from a
// little before the window (clock skew) to an hour after it (a request that started at the end).

type Queryable = Pick<pg.Pool, "query">;

export interface Window {
  fromMs: number;
  toMs: number;
}

export interface EntryKey {
  service: string;
  operation: string;
  kind: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const SKEW_MS = 5 * 60_000;
const TRAILING_MS = 3_600_000;

function entryConditions(params: SqlParams, window: Window, endpoint: { service: string; operation?: string | undefined } | null): string {
  const conditions = [
    `s.start_time >= ${params.add(iso(window.fromMs), "timestamptz")}`,
    `s.start_time < ${params.add(iso(window.toMs), "timestamptz")}`,
    "s.parent_span_id IS NULL",
    "s.is_timeout",
  ];
  if (endpoint) conditions.push(`s.service_name = ${params.add(endpoint.service, "text")}`);
  if (endpoint?.operation !== undefined) conditions.push(`s.name = ${params.add(endpoint.operation, "text")}`);
  return conditions.join(" AND ");
}

export interface TimedOutEndpointRow extends EntryKey {
  timedOut: number;
  firstStartMs: number;
  lastEndMs: number;
}

/** Entry endpoints (root spans) with timed-out requests in the window. */
export async function listTimedOutEndpoints(db: Queryable, window: Window, endpoint: { service: string; operation?: string | undefined } | null): Promise<TimedOutEndpointRow[]> {
  const params = new SqlParams();
  const { rows } = await db.query<{ service: string; operation: string; kind: number; timed_out: number; first_ms: number; last_ms: number }>(
    `SELECT s.service_name AS service, s.name AS operation, s.kind::int AS kind, count(*)::int AS timed_out,
            (min(s.start_ns) / 1000000)::float8 AS first_ms, (max(s.start_ns + s.duration_ns) / 1000000)::float8 AS last_ms
       FROM spans s WHERE ${entryConditions(params, window, endpoint)}
      GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2 LIMIT 100`,
    params.values,
  );
  return rows.map((r) => ({ service: r.service, operation: r.operation, kind: r.kind, timedOut: r.timed_out, firstStartMs: r.first_ms, lastEndMs: r.last_ms }));
}

export interface TimedOutRequestRow {
  traceId: string;
  service: string;
  operation: string;
  startMs: number;
  durationMs: number;
}

/** Timed-out entry requests in start order, at most `limit`. */
export async function listTimedOutRequests(db: Queryable, window: Window, endpoint: { service: string; operation?: string | undefined } | null, limit: number): Promise<TimedOutRequestRow[]> {
  const params = new SqlParams();
  const { rows } = await db.query<{ trace_id: string; service: string; operation: string; start_ms: number; duration_ms: number }>(
    `SELECT encode(s.trace_id, 'hex') AS trace_id, s.service_name AS service, s.name AS operation,
            (s.start_ns / 1000000)::float8 AS start_ms, (s.duration_ns / 1e6)::float8 AS duration_ms
       FROM spans s WHERE ${entryConditions(params, window, endpoint)}
      ORDER BY s.start_time, s.trace_id LIMIT ${params.add(limit, "int")}`,
    params.values,
  );
  return rows.map((r) => ({ traceId: r.trace_id, service: r.service, operation: r.operation, startMs: r.start_ms, durationMs: r.duration_ms }));
}

export interface RollupBucketRow {
  /** How far back this row's window lies: 0, a day, a week. */
  shiftMs: number;
  /** Bucket start, on the report's own time axis (the shift added back). */
  timeMs: number;
  service: string;
  operation: string;
  requests: number;
  timedOut: number;
}

/** Requests and timeouts of the entry endpoints per bucket, for the window and each shifted copy of it. */
export async function readRollupBuckets(db: Queryable, window: Window, entries: readonly EntryKey[], stepMs: number, shiftsMs: readonly number[]): Promise<RollupBucketRow[]> {
  if (entries.length === 0) return [];
  const params = new SqlParams();
  const step = params.add(stepMs, "float8");
  const from = params.add(window.fromMs, "float8");
  const to = params.add(window.toMs, "float8");
  const { rows } = await db.query<{ shift_ms: number; time_ms: number; service: string; operation: string; requests: number; timed_out: number }>(
    `SELECT sh.shift_ms::float8 AS shift_ms,
            floor((extract(epoch FROM r.minute) * 1000 + sh.shift_ms) / ${step}) * ${step} AS time_ms,
            r.service_name AS service, r.operation, sum(r.count)::float8 AS requests, sum(r.timeouts)::float8 AS timed_out
       FROM unnest(${params.add(shiftsMs, "float8[]")}) AS sh(shift_ms)
       JOIN span_rollups_1m r
         ON r.minute >= to_timestamp((${from} - sh.shift_ms) / 1000) AND r.minute < to_timestamp((${to} - sh.shift_ms) / 1000)
       JOIN unnest(${params.add(entries.map((e) => e.service), "text[]")}, ${params.add(entries.map((e) => e.operation), "text[]")}, ${params.add(entries.map((e) => e.kind), "int[]")})
            AS e(service, operation, kind)
         ON r.service_name = e.service AND r.operation = e.operation AND r.kind = e.kind
      GROUP BY 1, 2, 3, 4`,
    params.values,
  );
  return rows.map((r) => ({ shiftMs: r.shift_ms, timeMs: r.time_ms, service: r.service, operation: r.operation, requests: r.requests, timedOut: r.timed_out }));
}

const traceIdsParam = (params: SqlParams, traceIds: readonly string[]) => `ARRAY(SELECT decode(t, 'hex') FROM unnest(${params.add(traceIds, "text[]")}) AS t)`;

function traceBounds(params: SqlParams, window: Window): string {
  return `s.start_time >= ${params.add(iso(window.fromMs - SKEW_MS), "timestamptz")} AND s.start_time < ${params.add(iso(window.toMs + TRAILING_MS), "timestamptz")}`;
}

/** Every span of the given traces, with start times relative to each trace's first span. */
export async function readTraceSpans(db: Queryable, window: Window, traceIds: readonly string[]): Promise<SampledTrace[]> {
  if (traceIds.length === 0) return [];
  const params = new SqlParams();
  const { rows } = await db.query<{ trace_id: string; span_id: string; parent_span_id: string | null; service: string; operation: string; kind: number; start_ns: number; duration_ns: number }>(
    `SELECT encode(s.trace_id, 'hex') AS trace_id, encode(s.span_id, 'hex') AS span_id, encode(s.parent_span_id, 'hex') AS parent_span_id,
            s.service_name AS service, s.name AS operation, s.kind::int AS kind,
            (s.start_ns - min(s.start_ns) OVER (PARTITION BY s.trace_id))::float8 AS start_ns, s.duration_ns::float8 AS duration_ns
       FROM spans s WHERE s.trace_id = ANY(${traceIdsParam(params, traceIds)}) AND ${traceBounds(params, window)}`,
    params.values,
  );
  const traces = new Map<string, SampledTrace>();
  for (const r of rows) {
    let trace = traces.get(r.trace_id);
    if (!trace) traces.set(r.trace_id, (trace = { traceId: r.trace_id, spans: [] }));
    trace.spans.push({ spanId: r.span_id, parentSpanId: r.parent_span_id, service: r.service, operation: r.operation, kind: r.kind, startNs: r.start_ns, durationNs: r.duration_ns });
  }
  return [...traces.values()];
}

/** The business attributes (customer, order, amount, currency) stated by any span of the given traces. */
export async function readBusinessAttributes(db: Queryable, window: Window, traceIds: readonly string[], keys: readonly string[]): Promise<TraceAttributeRow[]> {
  if (traceIds.length === 0 || keys.length === 0) return [];
  const params = new SqlParams();
  const keyList = params.add(keys, "text[]");
  const { rows } = await db.query<{ trace_id: string; start_ns: number; attributes: Record<string, unknown> }>(
    `SELECT encode(s.trace_id, 'hex') AS trace_id, s.start_ns::float8 AS start_ns,
            (SELECT jsonb_object_agg(a.key, a.value) FROM jsonb_each(s.attributes) AS a WHERE a.key = ANY(${keyList})) AS attributes
       FROM spans s WHERE s.trace_id = ANY(${traceIdsParam(params, traceIds)}) AND ${traceBounds(params, window)} AND s.attributes ?| ${keyList}`,
    params.values,
  );
  return rows.map((r) => ({ traceId: r.trace_id, startNs: r.start_ns, attributes: r.attributes ?? {} }));
}

/** Audited status changes of the given orders since the window began. */
export async function readOrderChanges(db: Queryable, sinceMs: number, orderIds: readonly string[], config: ReportAttributes["audit"]["orders"]): Promise<OrderStatusChange[]> {
  if (orderIds.length === 0) return [];
  const params = new SqlParams();
  const idColumn = params.add(config.idColumn, "text");
  const { rows } = await db.query<{ order_id: string; status: string | null; committed_ms: number }>(
    `SELECT a.pk ->> ${idColumn} AS order_id, a.after ->> ${params.add(config.statusColumn, "text")} AS status,
            (extract(epoch FROM a.committed_at) * 1000)::float8 AS committed_ms
       FROM audit_changes a
      WHERE a.table_name = ${params.add(config.table, "text")} AND a.committed_at >= ${params.add(iso(sinceMs - SKEW_MS), "timestamptz")}
        AND a.pk ->> ${idColumn} = ANY(${params.add(orderIds, "text[]")})`,
    params.values,
  );
  return rows.map((r) => ({ orderId: r.order_id, status: r.status, committedAtMs: r.committed_ms }));
}

/** Audited changes of the payments of the given orders since the window began. */
export async function readPaymentChanges(db: Queryable, sinceMs: number, orderIds: readonly string[], config: ReportAttributes["audit"]["payments"]): Promise<PaymentChange[]> {
  if (orderIds.length === 0) return [];
  const params = new SqlParams();
  const row = "coalesce(a.after, a.before)";
  const confirmed = config.confirmedColumn === null ? "false" : `(a.after ->> ${params.add(config.confirmedColumn, "text")}) IS NOT NULL`;
  const { rows } = await db.query<{ payment_id: string; order_id: string; status: string | null; confirmed: boolean; committed_ms: number }>(
    `SELECT a.pk ->> ${params.add(config.idColumn, "text")} AS payment_id, ${row} ->> ${params.add(config.orderColumn, "text")} AS order_id,
            a.after ->> ${params.add(config.statusColumn, "text")} AS status, ${confirmed} AS confirmed,
            (extract(epoch FROM a.committed_at) * 1000)::float8 AS committed_ms
       FROM audit_changes a
      WHERE a.table_name = ${params.add(config.table, "text")} AND a.committed_at >= ${params.add(iso(sinceMs - SKEW_MS), "timestamptz")}
        AND ${row} ->> ${params.add(config.orderColumn, "text")} = ANY(${params.add(orderIds, "text[]")})`,
    params.values,
  );
  return rows.map((r) => ({ paymentId: r.payment_id, orderId: r.order_id, status: r.status, confirmed: r.confirmed, committedAtMs: r.committed_ms }));
}
