import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys, type RangeKey } from "@/lib/client/query-keys";
import { databaseActivityResponseSchema } from "@/lib/schemas/database-activity";
import { lockEventsResponseSchema } from "@/lib/schemas/locks";
import { metricLabelsResponseSchema, metricQueryResponseSchema, type MetricAgg } from "@/lib/schemas/metrics";

// Every request the Database page makes, each parsed with the API's own schema. The page reads
// the existing lock and metric endpoints: lock events for waits and deadlocks, the db agent's
// `postgresql.*` metrics for connections and health.

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
