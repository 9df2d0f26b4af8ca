import type { MetricQueryResponse } from "@/lib/schemas/metrics";

/**
 * Sums each series' points over the window, keyed by one label: the per-step increases of a
 * counter (agg=sum) add up to its increase over the whole window.
 */
export function totalByLabel(answer: MetricQueryResponse, key: string): Map<string, { total: number; labels: Record<string, string> }> {
  const totals = new Map<string, { total: number; labels: Record<string, string> }>();
  for (const series of answer.series) {
    const id = series.labels[key];
    if (id === undefined) continue;
    const entry = totals.get(id) ?? { total: 0, labels: series.labels };
    for (const [, value] of series.points) entry.total += value;
    totals.set(id, entry);
  }
  return totals;
}
