import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys, type RangeKey } from "@/lib/client/query-keys";
import { metricLabelsResponseSchema, metricQueryResponseSchema, type MetricAgg } from "@/lib/schemas/metrics";

// The requests saturation forecasts make: a gauge and its limit through /api/v1/metrics/query,
// and which services send a metric through /api/v1/metrics/labels; parsed with the API's schemas.

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
