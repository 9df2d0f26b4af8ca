import { queryOptions } from "@tanstack/react-query";
import { gaugeQuery, metricLabelValuesQuery, POOL_MAX_METRIC, poolGauges, QUEUE_DEPTH_METRIC, QUEUE_LABEL, queueGauges } from "@/components/forecast/forecast-queries";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys, type RangeKey } from "@/lib/client/query-keys";
import { databaseActivityResponseSchema } from "@/lib/schemas/database-activity";
import { lockEventsResponseSchema } from "@/lib/schemas/locks";
import { metricLabelsResponseSchema, metricQueryResponseSchema, SERVICE_LABEL, type MetricAgg, type MetricLabelsResponse, type MetricQueryResponse } from "@/lib/schemas/metrics";

// Every request the Database page makes, each parsed with the API's own schema. The page reads
// the existing lock and metric endpoints: lock events for waits and deadlocks, the db agent's
// `postgresql.*` metrics for connections and health. Each card takes its options from a function
// here, and databaseTabQueries lists the same ones for the server to prefetch (the page's HTML
// then holds the tab's content): a card and the prefetch cannot ask for different things.

export const LOCK_EVENT_LIMIT = 1000;
/** The point attribute the db agent puts the database name in. */
export const DATABASE_LABEL = "db.namespace";

const window = (range: RangeKey) => `from=${range.from}&to=${range.to}`;

export function lockEventsQuery(range: RangeKey, database: string | null) {
  const databaseParam = database === null ? "" : `&database=${encodeURIComponent(database)}`;
  return queryOptions({
    queryKey: queryKeys.database.locks(range, database),
    queryFn: ({ signal }) => fetchJson(`/api/v1/locks?${window(range)}&limit=${LOCK_EVENT_LIMIT}${databaseParam}`, lockEventsResponseSchema, { signal }),
  });
}

/** The agent's activity samples of one database: its tables' statistics and the longest idle-in-transaction sessions. */
export function databaseActivityQuery(range: RangeKey, database: string) {
  return queryOptions({
    queryKey: queryKeys.database.activity(range, database),
    queryFn: ({ signal }) => fetchJson(`/api/v1/database/activity?${window(range)}&database=${encodeURIComponent(database)}`, databaseActivityResponseSchema, { signal }),
  });
}

/** Databases the agent has sent health metrics for (any time) — one tab each, with those that had lock events. */
export function databaseNamesQuery(range: RangeKey) {
  return queryOptions({
    queryKey: queryKeys.database.names(range),
    queryFn: ({ signal }) => fetchJson(`/api/v1/metrics/labels?name=postgresql.backends&key=${DATABASE_LABEL}`, metricLabelsResponseSchema, { signal }),
  });
}

export interface MetricRequest {
  name: string;
  agg?: MetricAgg;
  filter?: Record<string, string>;
  groupBy?: string[];
}

export function databaseMetricQuery(range: RangeKey, request: MetricRequest) {
  const params = new URLSearchParams({ name: request.name, from: String(range.from), to: String(range.to) });
  if (request.agg) params.set("agg", request.agg);
  for (const [key, value] of Object.entries(request.filter ?? {})) params.append("filter", `${key}=${value}`);
  for (const key of request.groupBy ?? []) params.append("groupBy", key);
  const search = params.toString();
  return queryOptions({
    queryKey: queryKeys.database.metric(range, search),
    queryFn: ({ signal }) => fetchJson(`/api/v1/metrics/query?${search}`, metricQueryResponseSchema, { signal }),
  });
}

/** The connections card: this database's connections by state, the whole server's, and max_connections. */
export function connectionsQueries(range: RangeKey, database: string) {
  return {
    byState: databaseMetricQuery(range, { name: "postgresql.connection.count", agg: "max", filter: { [DATABASE_LABEL]: database }, groupBy: ["state"] }),
    // Every database and state of the server: their sum is what max_connections limits.
    server: databaseMetricQuery(range, { name: "postgresql.connection.count", agg: "max", groupBy: [DATABASE_LABEL, "state"] }),
    // max_connections is a server setting: the agent sends it without a database label.
    max: databaseMetricQuery(range, { name: "postgresql.connection.max", agg: "max" }),
  };
}

export const STATEMENT_ID_LABEL = "postgresql.queryid";
export const STATEMENT_TEXT_LABEL = "db.query.text";

/** The statements card: pg_stat_statements time and calls of this database, per statement. */
export function statementsQueries(range: RangeKey, database: string) {
  const request = (name: string): MetricRequest => ({ name, agg: "sum", filter: { [DATABASE_LABEL]: database }, groupBy: [STATEMENT_ID_LABEL, STATEMENT_TEXT_LABEL] });
  return { duration: databaseMetricQuery(range, request("postgresql.statement.duration")), calls: databaseMetricQuery(range, request("postgresql.statement.calls")) };
}

// The db agent's health metrics of one database (agents/db/health-metrics.ts), one chart each.
const HEALTH_METRICS = [
  { key: "lockWaiting", name: "postgresql.lock.waiting", agg: "max" },
  { key: "lockWaitMax", name: "postgresql.lock.wait.max_duration", agg: "max" },
  { key: "idleInTransaction", name: "postgresql.idle_in_transaction.count", agg: "max" },
  { key: "idleInTransactionMax", name: "postgresql.idle_in_transaction.max_duration", agg: "max" },
  { key: "longestTransaction", name: "postgresql.transaction.max_duration", agg: "max" },
  { key: "deadlocks", name: "postgresql.deadlocks", agg: "sum" },
  { key: "commits", name: "postgresql.commits", agg: "rate" },
  { key: "rollbacks", name: "postgresql.rollbacks", agg: "rate" },
  { key: "cacheHitRatio", name: "postgresql.cache.hit_ratio", agg: "avg" },
  { key: "tempBytes", name: "postgresql.temp.io", agg: "sum" },
  { key: "backends", name: "postgresql.backends", agg: "max" },
  { key: "size", name: "postgresql.db_size", agg: "max" },
] as const satisfies readonly { key: string; name: string; agg: MetricAgg }[];

/** The health card's charts of this database: a key naming each (its title) and its request. */
export function healthMetricRequests(database: string) {
  return HEALTH_METRICS.map(({ key, name, agg }) => ({ key, request: { name, agg, filter: { [DATABASE_LABEL]: database } } satisfies MetricRequest }));
}

/** The saturation card's lists: which services send pool metrics, and the shop's queues by service. Not tied to one database. */
export function saturationListQueries(range: RangeKey) {
  return {
    pools: metricLabelValuesQuery(range, POOL_MAX_METRIC, SERVICE_LABEL),
    queues: gaugeQuery(range, { name: QUEUE_DEPTH_METRIC, agg: "max", groupBy: [SERVICE_LABEL, QUEUE_LABEL] }),
  };
}

/** The queues in the saturation card's queue answer, one per service and queue. */
export function queuesIn(answer: MetricQueryResponse | undefined): { service: string; queue: string }[] {
  return (answer?.series ?? []).flatMap((s) => {
    const service = s.labels[SERVICE_LABEL];
    const queue = s.labels[QUEUE_LABEL];
    return service && queue ? [{ service, queue }] : [];
  });
}

/** The saturation card's charts, each a gauge and its limit, once its lists have answered. */
export function saturationGaugeQueries(range: RangeKey, pools: MetricLabelsResponse | undefined, queues: MetricQueryResponse | undefined) {
  const gauges = [...(pools?.values ?? []).map(poolGauges), ...queuesIn(queues).map(({ service, queue }) => queueGauges(service, queue))];
  return gauges.flatMap(({ gauge, limit }) => [gaugeQuery(range, gauge), gaugeQuery(range, limit)]);
}

/**
 * What one database's tab asks for on its first render (lock events, connections, idle sessions
 * and tables, statements, health charts), but the saturation card's requests, which are the
 * same for every tab (saturationListQueries, then saturationGaugeQueries).
 */
export function databaseTabQueries(range: RangeKey, database: string) {
  return [
    lockEventsQuery(range, database),
    ...Object.values(connectionsQueries(range, database)),
    databaseActivityQuery(range, database),
    ...Object.values(statementsQueries(range, database)),
    ...healthMetricRequests(database).map(({ request }) => databaseMetricQuery(range, request)),
  ];
}

/** The overview's line per monitored database: connections, their ceiling, deadlocks, cache hit ratio. */
export function databaseHealthQueries(range: RangeKey) {
  const byDatabase = { groupBy: [DATABASE_LABEL] };
  return {
    backends: databaseMetricQuery(range, { name: "postgresql.backends", agg: "max", ...byDatabase }),
    max: databaseMetricQuery(range, { name: "postgresql.connection.max", agg: "max" }),
    deadlocks: databaseMetricQuery(range, { name: "postgresql.deadlocks", agg: "sum", ...byDatabase }),
    cache: databaseMetricQuery(range, { name: "postgresql.cache.hit_ratio", agg: "avg", ...byDatabase }),
  };
}

/** Lock events in which a process ran for this trace (the trace page's lock notes). */
export function traceLockEventsQuery(traceId: string) {
  return queryOptions({
    queryKey: queryKeys.traces.locks(traceId),
    queryFn: ({ signal }) => fetchJson(`/api/v1/locks?traceId=${traceId}&limit=100`, lockEventsResponseSchema, { signal }),
  });
}
