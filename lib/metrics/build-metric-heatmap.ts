import { observe, type StoredMetricSeries } from "@/lib/query/aggregate-metric-points";
import { addBuckets, type BucketMap } from "@/lib/query/merged-histogram";
import { alignDown } from "@/lib/query/step-buckets";

// Histogram series → heatmap cells: each series' points are first turned into the observations
// made since its previous point (cumulative totals differenced, resets handled: the same reading
// the percentile lines use), then merged per step and bucket. Bucket layouts of all series are
// united (as merged-histogram does), so series with different bounds still share one axis.

/** More rows than this cannot be read on a chart: neighbouring buckets are merged down to it. */
export const MAX_HEATMAP_BUCKETS = 60;

export interface MetricHeatmap {
  /** Ascending; Infinity for the overflow bucket. */
  upperBounds: number[];
  /** [step start ms, bucket index, observations], empty cells left out. */
  cells: [number, number, number][];
}

export function buildMetricHeatmap(
  series: StoredMetricSeries[],
  options: { fromMs: number; toMs: number; stepMs: number; fetchedFromMs: number; maxBuckets?: number },
): MetricHeatmap {
  const steps = new Map<number, BucketMap>();
  for (const one of series) {
    if (one.kind !== "histogram") continue;
    for (const observation of observe(one, options.fetchedFromMs)) {
      if (observation.type !== "distribution" || observation.timeMs < options.fromMs || observation.timeMs >= options.toMs) continue;
      const start = alignDown(observation.timeMs, options.stepMs);
      let buckets = steps.get(start);
      if (!buckets) steps.set(start, (buckets = new Map<number, number>()));
      addBuckets(buckets, observation.value.buckets);
    }
  }

  const nonEmpty = new Set<number>();
  for (const buckets of steps.values()) for (const [upper, count] of buckets) if (count > 0) nonEmpty.add(upper);
  if (nonEmpty.size === 0) return { upperBounds: [], cells: [] };
  const all = [...new Set([...steps.values()].flatMap((buckets) => [...buckets.keys()]))].sort((a, b) => a - b);
  // Empty buckets below the lowest and above the highest observation are only noise on the axis.
  const lowest = Math.min(...nonEmpty);
  const highest = Math.max(...nonEmpty);
  const kept = all.filter((upper) => upper >= lowest && upper <= highest);
  const groupSize = Math.ceil(kept.length / (options.maxBuckets ?? MAX_HEATMAP_BUCKETS));
  // Merged rows are named by the upper bound of their highest bucket.
  const upperBounds = kept.filter((_, index) => (index + 1) % groupSize === 0 || index === kept.length - 1);
  const rowOf = new Map(kept.map((upper, index) => [upper, Math.floor(index / groupSize)]));

  const cells: [number, number, number][] = [];
  for (const [start, buckets] of [...steps.entries()].sort(([a], [b]) => a - b)) {
    const rows = new Map<number, number>();
    for (const [upper, count] of buckets) {
      const row = rowOf.get(upper);
      if (row !== undefined && count > 0) rows.set(row, (rows.get(row) ?? 0) + count);
    }
    for (const [row, count] of [...rows.entries()].sort(([a], [b]) => a - b)) cells.push([start, row, count]);
  }
  return { upperBounds, cells };
}
