import type { MetricAgg, MetricType } from "@/lib/schemas/metrics";

// How a stored metric is read. The OTLP type alone does not say: a cumulative non-monotonic sum
// (an UpDownCounter: queue length, open connections) is read like a gauge, while a monotonic
// cumulative sum or any delta sum counts events and is read by its increase.

export type MetricKind = "gauge" | "counter" | "histogram" | "summary";

/** OTLP AggregationTemporality numbers as stored. */
export const TEMPORALITY = { unspecified: 0, delta: 1, cumulative: 2 } as const;

export function metricKind(type: MetricType, temporality: number, isMonotonic: boolean): MetricKind {
  switch (type) {
    case "gauge":
      return "gauge";
    case "sum":
      return temporality === TEMPORALITY.delta || (temporality === TEMPORALITY.cumulative && isMonotonic) ? "counter" : "gauge";
    case "histogram":
    case "exponential_histogram":
      return "histogram";
    case "summary":
      return "summary";
  }
}

const PERCENTILES: readonly MetricAgg[] = ["p50", "p90", "p95", "p99"];

/** Whether an aggregation means something for a kind; percentiles of a counter's increase and the rate of a gauge do not. */
export function supportsAgg(kind: MetricKind, agg: MetricAgg): boolean {
  if (agg === "rate") return kind !== "gauge";
  if (PERCENTILES.includes(agg)) return kind !== "counter";
  return true;
}

export function defaultAgg(kind: MetricKind): MetricAgg {
  return kind === "counter" ? "rate" : kind === "gauge" ? "avg" : "p95";
}

/** `p95` → 0.95; null for the other aggregations. */
export function aggQuantile(agg: MetricAgg): number | null {
  return PERCENTILES.includes(agg) ? Number(agg.slice(1)) / 100 : null;
}
