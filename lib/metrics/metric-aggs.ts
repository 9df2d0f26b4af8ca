import { defaultAgg, metricKind, supportsAgg, type MetricKind } from "@/lib/query/metric-kind";
import { METRIC_AGGS, type MetricAgg, type MetricInfo } from "@/lib/schemas/metrics";
import type { MetricChartKind } from "./metric-query-spec";

// What a query editor may offer for one metric: the aggregations its type means something for
// (the same rule the query API enforces, so a picked choice is never refused), and the chart
// kinds (a heatmap needs histogram buckets).

const TEMPORALITY_NUMBER = { unspecified: 0, delta: 1, cumulative: 2 } as const;

export function kindOfMetric(info: Pick<MetricInfo, "type" | "temporality" | "isMonotonic">): MetricKind {
  return metricKind(info.type, TEMPORALITY_NUMBER[info.temporality], info.isMonotonic);
}

export function allowedAggs(info: Pick<MetricInfo, "type" | "temporality" | "isMonotonic">): MetricAgg[] {
  const kind = kindOfMetric(info);
  return METRIC_AGGS.filter((agg) => supportsAgg(kind, agg));
}

export function defaultAggOf(info: Pick<MetricInfo, "type" | "temporality" | "isMonotonic">): MetricAgg {
  return defaultAgg(kindOfMetric(info));
}

export function allowedChartKinds(info: Pick<MetricInfo, "type"> | null): MetricChartKind[] {
  const histogram = info?.type === "histogram" || info?.type === "exponential_histogram";
  return histogram ? ["line", "area", "bar", "heatmap"] : ["line", "area", "bar"];
}
