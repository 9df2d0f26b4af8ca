import type { MetricSeries } from "@/lib/schemas/metrics";
import { groupsToSeries, seriesGroup, type AggregateOptions, type StoredMetricPoint, type StoredMetricSeries } from "./aggregate-metric-points";
import { cumulativeToDeltas, type DiffFn } from "./cumulative-to-deltas";
import { bucketQuantile, explicitBuckets } from "./merged-histogram";
import { alignDown } from "./step-buckets";

// A percentile of explicit-bucket histograms that all share one layout, merged with arrays of
// counts instead of maps keyed by bound. It is aggregateMetricSeries' arithmetic for this case,
// in the same order (so the same floating-point sums): with one set of strictly increasing,
// finite bounds every point has the same keys, so diffing and adding maps is diffing and adding
// arrays index by index. A day of 80 series at a 5-minute step is 23,000 points of 15 buckets:
// the maps cost most of the query's time in Node. merge-uniform-histograms.test.ts checks that
// both give the same series.

interface Counts {
  count: number;
  min: number | null;
  max: number | null;
  buckets: number[];
}

/** The series of aggregateMetricSeries for the `q` percentile, or null when the series do not share one layout. */
export function mergeUniformHistograms(series: StoredMetricSeries[], options: Omit<AggregateOptions, "agg">, q: number): MetricSeries[] | null {
  const bounds = sharedBounds(series);
  if (!bounds) return null;
  const groups = new Map<string, { labels: Record<string, string>; steps: Map<number, Counts> }>();
  for (const one of series) {
    const { key, labels } = seriesGroup(one.labels, options.groupBy);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { labels, steps: new Map() }));
    const points = one.points.map((p) => ({
      timeMs: p.timeMs,
      startTimeNs: p.startTimeNs,
      value: { count: p.count ?? 0, min: p.min, max: p.max, buckets: p.bucketCounts! },
    }));
    const deltas = one.cumulative ? cumulativeToDeltas(points, diffCounts, options.fetchedFromMs) : points.map((p) => ({ timeMs: p.timeMs, delta: p.value }));
    for (const { timeMs, delta } of deltas) {
      if (timeMs < options.fromMs || timeMs >= options.toMs) continue;
      const stepStart = alignDown(timeMs, options.stepMs);
      const acc = group.steps.get(stepStart);
      if (acc) add(acc, delta);
      else group.steps.set(stepStart, add({ count: 0, min: null, max: null, buckets: new Array<number>(bounds.length + 1).fill(0) }, delta));
    }
  }
  return groupsToSeries(groups, (_time, acc) => bucketQuantile(explicitBuckets(bounds, acc.buckets), q, { min: acc.min, max: acc.max }));
}

/** The bounds of every point of every series when they are one strictly increasing, finite list with a count per bucket. */
function sharedBounds(series: StoredMetricSeries[]): number[] | null {
  const bounds = series[0]?.points[0]?.explicitBounds;
  if (!bounds || !bounds.every((b, i) => Number.isFinite(b) && (i === 0 || b > bounds[i - 1]!))) return null;
  const same = (p: StoredMetricPoint) =>
    p.bucketCounts?.length === bounds.length + 1 &&
    (p.explicitBounds === bounds || (p.explicitBounds?.length === bounds.length && p.explicitBounds.every((b, i) => b === bounds[i])));
  return series.every((one) => one.kind === "histogram" && one.points.every(same)) ? bounds : null;
}

// As diffDistribution: a lower count or bucket is a reset; min and max cover more than the step.
const diffCounts: DiffFn<Counts> = (previous, current) => {
  if (current.count < previous.count) return null;
  const buckets = current.buckets.map((count, i) => count - previous.buckets[i]!);
  return buckets.some((change) => change < 0) ? null : { count: current.count - previous.count, min: null, max: null, buckets };
};

function add(acc: Counts, delta: Counts): Counts {
  for (let i = 0; i < delta.buckets.length; i++) acc.buckets[i]! += delta.buckets[i]!;
  if (delta.min !== null) acc.min = acc.min === null ? delta.min : Math.min(acc.min, delta.min);
  if (delta.max !== null) acc.max = acc.max === null ? delta.max : Math.max(acc.max, delta.max);
  return acc;
}
