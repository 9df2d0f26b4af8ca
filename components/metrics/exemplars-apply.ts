import type { MetricQueryResponse } from "@/lib/schemas/metrics";

/**
 * Whether a query's exemplars belong on its chart: they are single measurements, so they share
 * the axis of a histogram's percentiles, average, min or max, but not of its rate or sum.
 */
export function exemplarsApply(answer: Pick<MetricQueryResponse, "type" | "agg"> | undefined): boolean {
  if (!answer) return false;
  const histogram = answer.type === "histogram" || answer.type === "exponential_histogram";
  return histogram && answer.agg !== "rate" && answer.agg !== "sum";
}
