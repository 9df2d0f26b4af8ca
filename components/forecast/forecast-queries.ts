import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys, type RangeKey } from "@/lib/client/query-keys";
import { metricLabelsResponseSchema, metricQueryResponseSchema, SERVICE_LABEL, type MetricAgg } from "@/lib/schemas/metrics";

// The requests saturation forecasts make: a gauge and its limit through /api/v1/metrics/query,
// and which services send a metric through /api/v1/metrics/labels; parsed with the API's schemas.
// The gauges of pools and queues are named here, not in their components, so that a server page
// prefetching them (app/(dashboard)/database/page.tsx) asks for exactly what the components will.

export interface GaugeRequest {
  name: string;
  agg: MetricAgg;
  filter?: Record<string, string>;
  groupBy?: string[];
}

export function gaugeQuery(range: RangeKey, request: GaugeRequest) {
  const params = new URLSearchParams({ name: request.name, agg: request.agg, from: String(range.from), to: String(range.to) });
  for (const [key, value] of Object.entries(request.filter ?? {})) params.append("filter", `${key}=${value}`);
  for (const key of request.groupBy ?? []) params.append("groupBy", key);
  const search = params.toString();
  return queryOptions({
    queryKey: queryKeys.forecast.metric(range, search),
    queryFn: ({ signal }) => fetchJson(`/api/v1/metrics/query?${search}`, metricQueryResponseSchema, { signal }),
  });
}

/** Values of one label of a metric (e.g. the services that send pool metrics); refreshed with the window. */
export function metricLabelValuesQuery(range: RangeKey, name: string, key: string) {
  const search = new URLSearchParams({ name, key }).toString();
  return queryOptions({
    queryKey: queryKeys.forecast.labels(range, name, key),
    queryFn: ({ signal }) => fetchJson(`/api/v1/metrics/labels?${search}`, metricLabelsResponseSchema, { signal }),
  });
}

// OpenTelemetry's database client pool metrics (semantic conventions: db.client.connection.*).
const POOL_COUNT_METRIC = "db.client.connection.count";
export const POOL_MAX_METRIC = "db.client.connection.max";
const POOL_STATE_LABEL = "db.client.connection.state";
const POOL_LABEL = "db.client.connection.pool.name";

/** A service's connections in use and its pools' maximum, one series per pool (summed when drawn: two pools of 4 are 8 connections). */
export function poolGauges(service: string): { gauge: GaugeRequest; limit: GaugeRequest } {
  return {
    gauge: { name: POOL_COUNT_METRIC, agg: "max", filter: { [SERVICE_LABEL]: service, [POOL_STATE_LABEL]: "used" }, groupBy: [POOL_LABEL] },
    limit: { name: POOL_MAX_METRIC, agg: "max", filter: { [SERVICE_LABEL]: service }, groupBy: [POOL_LABEL] },
  };
}

// The demo shop's queue gauges (agents/demo-shop/services/notification.ts): depth and the
// capacity it is sized for, labelled by the queue's messaging.destination.name.
export const QUEUE_DEPTH_METRIC = "shop.queue.depth";
const QUEUE_CAPACITY_METRIC = "shop.queue.capacity";
export const QUEUE_LABEL = "messaging.destination.name";

/** A consumer's queue: messages waiting and the capacity it is sized for. */
export function queueGauges(service: string, queue: string): { gauge: GaugeRequest; limit: GaugeRequest } {
  const filter = { [SERVICE_LABEL]: service, [QUEUE_LABEL]: queue };
  return { gauge: { name: QUEUE_DEPTH_METRIC, agg: "max", filter }, limit: { name: QUEUE_CAPACITY_METRIC, agg: "max", filter } };
}
