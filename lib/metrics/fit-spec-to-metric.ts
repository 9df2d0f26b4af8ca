import type { MetricInfo } from "@/lib/schemas/metrics";
import { allowedAggs, allowedChartKinds, defaultAggOf } from "./metric-aggs";
import type { MetricQuerySpec } from "./metric-query-spec";

/**
 * A query moved to another metric: keeps what still applies (filters and group-by keys the new
 * metric has, an aggregation and chart kind it allows) and drops the rest, so the editor never
 * holds a query the API would refuse. The aggregation is always written out (the metric type's
 * default when none applies), so a shared link says what it shows. The legend label stays.
 */
export function fitSpecToMetric(spec: Omit<MetricQuerySpec, "name"> & { name?: string }, info: MetricInfo): MetricQuerySpec {
  const keys = new Set(info.labelKeys);
  const agg = spec.agg !== undefined && allowedAggs(info).includes(spec.agg) ? spec.agg : defaultAggOf(info);
  const chart = allowedChartKinds(info).includes(spec.chart) ? spec.chart : "line";
  return {
    name: info.name,
    filter: spec.filter.filter((condition) => keys.has(condition.slice(0, condition.indexOf("=")))),
    agg,
    groupBy: spec.groupBy.filter((key) => keys.has(key)),
    chart,
    ...(spec.label ? { label: spec.label } : {}),
  };
}
