import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys, type RangeKey } from "@/lib/client/query-keys";
import type { MetricQuerySpec } from "@/lib/metrics/metric-query-spec";
import { seriesRequestParams, windowParams } from "@/lib/metrics/metric-request-params";
import {
  metricExemplarsResponseSchema,
  metricHeatmapResponseSchema,
  metricLabelsResponseSchema,
  metricListResponseSchema,
  metricQueryResponseSchema,
} from "@/lib/schemas/metrics";

// Every request the metrics explorer (and a dashboard's metric panels) make, each parsed with the
// API's own schema. One series request per query: queries on different metrics share nothing.

const asWindow = (range: RangeKey) => ({ fromMs: range.from, toMs: range.to });

export function metricListQuery() {
  return queryOptions({
    queryKey: queryKeys.metrics.list(),
    queryFn: ({ signal }) => fetchJson("/api/v1/metrics", metricListResponseSchema, { signal }),
    staleTime: 60_000,
  });
}

export function metricLabelValuesQuery(name: string, key: string) {
  const params = new URLSearchParams({ name, key });
  return queryOptions({
    queryKey: queryKeys.metrics.labelValues(name, key),
    queryFn: ({ signal }) => fetchJson(`/api/v1/metrics/labels?${params}`, metricLabelsResponseSchema, { signal }),
    staleTime: 60_000,
  });
}

export function metricSeriesQuery(range: RangeKey, spec: MetricQuerySpec) {
  const search = seriesRequestParams(spec, asWindow(range)).toString();
  return queryOptions({
    queryKey: queryKeys.metrics.series(range, search),
    queryFn: ({ signal }) => fetchJson(`/api/v1/metrics/query?${search}`, metricQueryResponseSchema, { signal }),
  });
}

export function metricHeatmapQuery(range: RangeKey, spec: MetricQuerySpec) {
  const search = windowParams(spec, asWindow(range)).toString();
  return queryOptions({
    queryKey: queryKeys.metrics.heatmap(range, search),
    queryFn: ({ signal }) => fetchJson(`/api/v1/metrics/heatmap?${search}`, metricHeatmapResponseSchema, { signal }),
  });
}

export function metricExemplarsQuery(range: RangeKey, spec: Pick<MetricQuerySpec, "name" | "filter">, order: "newest" | "slowest" = "slowest") {
  const params = windowParams(spec, asWindow(range));
  params.set("order", order);
  const search = params.toString();
  return queryOptions({
    queryKey: queryKeys.metrics.exemplars(range, search),
    queryFn: ({ signal }) => fetchJson(`/api/v1/metrics/exemplars?${search}`, metricExemplarsResponseSchema, { signal }),
  });
}
