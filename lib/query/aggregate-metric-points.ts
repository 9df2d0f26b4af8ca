import type { MetricAgg, MetricSeries } from "@/lib/schemas/metrics";
import { cumulativeToDeltas, diffCounter, type CumulativePoint, type DiffFn } from "./cumulative-to-deltas";
import { aggQuantile, type MetricKind } from "./metric-kind";
import { addBuckets, bucketQuantile, diffBuckets, explicitBuckets, exponentialBuckets, type BucketMap, type ExponentialHistogramData } from "./merged-histogram";
import { alignDown, coveredSeconds } from "./step-buckets";

// Stored points of many series → one chart series per group, one value per step. Each series
// is first read as what happened at each point in time (a gauge sample, a counter increase, a
// histogram's new observations), which undoes cumulative temporality per series; only then are
// series merged, so a restart of one process never shows up as a negative spike in the sum.

export interface StoredMetricPoint {
  timeMs: number;
  startTimeNs: string | null;
  value: number | null;
  count: number | null;
  sum: number | null;
  min: number | null;
  max: number | null;
  bucketCounts: number[] | null;
  explicitBounds: number[] | null;
  exponential: ExponentialHistogramData | null;
  quantiles: { quantile: number; value: number }[] | null;
}

export interface StoredMetricSeries {
  labels: Record<string, string>;
  kind: MetricKind;
  /** Cumulative temporality: values are totals since the start time (summaries always are). */
  cumulative: boolean;
  /** Sorted by time. */
  points: StoredMetricPoint[];
}

export interface AggregateOptions {
  agg: MetricAgg;
  groupBy: string[];
  fromMs: number;
  toMs: number;
  stepMs: number;
  /** Start of the points fetched (before `fromMs`, so cumulative series have a baseline). */
  fetchedFromMs: number;
}

export interface Distribution {
  count: number;
  sum: number;
  min: number | null;
  max: number | null;
  buckets: BucketMap;
}

export type Observation =
  | { timeMs: number; type: "sample" | "increase"; value: number }
  | { timeMs: number; type: "distribution"; value: Distribution; quantiles: StoredMetricPoint["quantiles"] };

interface StepAccumulator {
  samples: number[];
  /** Per series index: sum and number of its gauge samples, or its counter increase. */
  perSeries: Map<number, { total: number; n: number }>;
  count: number;
  sum: number;
  min: number | null;
  max: number | null;
  buckets: BucketMap;
  /** Summary quantile values matching the requested quantile. */
  quantileValues: number[];
}

export function aggregateMetricSeries(series: StoredMetricSeries[], options: AggregateOptions): MetricSeries[] {
  const groups = new Map<string, { labels: Record<string, string>; steps: Map<number, StepAccumulator> }>();
  series.forEach((one, index) => {
    const { key: groupKey, labels } = seriesGroup(one.labels, options.groupBy);
    let group = groups.get(groupKey);
    if (!group) groups.set(groupKey, (group = { labels, steps: new Map() }));
    for (const observation of observe(one, options.fetchedFromMs)) {
      if (observation.timeMs < options.fromMs || observation.timeMs >= options.toMs) continue;
      const stepStart = alignDown(observation.timeMs, options.stepMs);
      let acc = group.steps.get(stepStart);
      if (!acc) group.steps.set(stepStart, (acc = newAccumulator()));
      accumulate(acc, index, observation, options.agg);
    }
  });
  return groupsToSeries(groups, (time, acc) => stepValue(acc, options.agg, coveredSeconds(time, options.stepMs, options.toMs)));
}

/** Groups of per-step accumulators → chart series: groups in key order, steps in time order, steps without a finite value left out. */
export function groupsToSeries<A>(groups: Map<string, { labels: Record<string, string>; steps: Map<number, A> }>, valueAt: (time: number, acc: A) => number | null): MetricSeries[] {
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => ({
      labels: group.labels,
      points: [...group.steps.entries()]
        .sort(([a], [b]) => a - b)
        .flatMap(([time, acc]): [number, number][] => {
          const value = valueAt(time, acc);
          return value === null || !Number.isFinite(value) ? [] : [[time, value]];
        }),
    }));
}

/** The group of a series: its labels named in `groupBy`, and a key that orders the groups of a chart. */
export function seriesGroup(seriesLabels: Record<string, string>, groupBy: string[]): { key: string; labels: Record<string, string> } {
  const labels = Object.fromEntries(groupBy.flatMap((key) => (seriesLabels[key] !== undefined ? [[key, seriesLabels[key]]] : [])));
  return { key: JSON.stringify(groupBy.map((key) => labels[key] ?? null)), labels };
}

/** A series' points as what happened at each point in time (cumulative totals turned into deltas). */
export function observe(series: StoredMetricSeries, fetchedFromMs: number): Observation[] {
  const { kind, points } = series;
  if (kind === "gauge") {
    return points.flatMap((p) => (p.value === null ? [] : [{ timeMs: p.timeMs, type: "sample" as const, value: p.value }]));
  }
  if (kind === "counter") {
    const values = points.flatMap((p) => (p.value === null ? [] : [{ timeMs: p.timeMs, startTimeNs: p.startTimeNs, value: p.value }]));
    const increases = series.cumulative ? cumulativeToDeltas(values, diffCounter, fetchedFromMs).map((d) => ({ timeMs: d.timeMs, value: d.delta })) : values;
    return increases.map((d) => ({ timeMs: d.timeMs, type: "increase" as const, value: d.value }));
  }
  const distributions: (CumulativePoint<Distribution> & { quantiles: StoredMetricPoint["quantiles"] })[] = points.map((p) => ({
    timeMs: p.timeMs,
    startTimeNs: p.startTimeNs,
    quantiles: p.quantiles,
    value: { count: p.count ?? 0, sum: p.sum ?? 0, min: p.min, max: p.max, buckets: pointBuckets(p) },
  }));
  const quantilesAt = new Map(distributions.map((d) => [d.timeMs, d.quantiles]));
  const deltas = series.cumulative ? cumulativeToDeltas(distributions, diffDistribution, fetchedFromMs) : distributions.map((d) => ({ timeMs: d.timeMs, delta: d.value }));
  return deltas.map((d) => ({ timeMs: d.timeMs, type: "distribution" as const, value: d.delta, quantiles: quantilesAt.get(d.timeMs) ?? null }));
}

function pointBuckets(point: StoredMetricPoint): BucketMap {
  if (point.bucketCounts && point.explicitBounds) return explicitBuckets(point.explicitBounds, point.bucketCounts);
  if (point.exponential) return exponentialBuckets(point.exponential);
  return new Map();
}

// min and max of a cumulative point cover everything since its start, not the step: dropped.
const diffDistribution: DiffFn<Distribution> = (previous, current) => {
  if (current.count < previous.count) return null;
  const buckets = diffBuckets(previous.buckets, current.buckets);
  return buckets && { count: current.count - previous.count, sum: current.sum - previous.sum, min: null, max: null, buckets };
};

function newAccumulator(): StepAccumulator {
  return { samples: [], perSeries: new Map(), count: 0, sum: 0, min: null, max: null, buckets: new Map(), quantileValues: [] };
}

function accumulate(acc: StepAccumulator, seriesIndex: number, observation: Observation, agg: MetricAgg) {
  if (observation.type !== "distribution") {
    if (observation.type === "sample") acc.samples.push(observation.value);
    const own = acc.perSeries.get(seriesIndex) ?? { total: 0, n: 0 };
    own.total += observation.value;
    own.n += 1;
    acc.perSeries.set(seriesIndex, own);
    return;
  }
  const d = observation.value;
  acc.count += d.count;
  acc.sum += d.sum;
  if (d.min !== null) acc.min = acc.min === null ? d.min : Math.min(acc.min, d.min);
  if (d.max !== null) acc.max = acc.max === null ? d.max : Math.max(acc.max, d.max);
  addBuckets(acc.buckets, d.buckets);
  // Summaries: the quantile a percentile, min (0) or max (1) asks for, as reported.
  const q = agg === "min" ? 0 : agg === "max" ? 1 : aggQuantile(agg);
  const reported = q === null ? undefined : observation.quantiles?.find((v) => Math.abs(v.quantile - q) < 1e-9);
  if (reported) acc.quantileValues.push(reported.value);
}

function stepValue(acc: StepAccumulator, agg: MetricAgg, seconds: number): number | null {
  const q = aggQuantile(agg);
  if (acc.samples.length > 0) return gaugeValue(acc, agg, q);
  if (acc.perSeries.size > 0) return counterValue(acc, agg, seconds);
  // Distributions: histograms carry buckets; summaries carry reported quantiles instead.
  const isSummary = acc.buckets.size === 0 && acc.quantileValues.length > 0;
  switch (agg) {
    case "rate":
      return seconds > 0 ? acc.count / seconds : null;
    case "sum":
      return acc.sum;
    case "avg":
      return acc.count > 0 ? acc.sum / acc.count : null;
    case "min":
      return isSummary ? mean(acc.quantileValues) : acc.min;
    case "max":
      return isSummary ? mean(acc.quantileValues) : acc.max;
    default:
      if (acc.buckets.size === 0) return mean(acc.quantileValues);
      return q === null ? null : bucketQuantile(acc.buckets, q, { min: acc.min, max: acc.max });
  }
}

function gaugeValue(acc: StepAccumulator, agg: MetricAgg, q: number | null): number | null {
  switch (agg) {
    case "avg":
      return mean(acc.samples);
    case "min":
      return extreme(acc.samples, Math.min);
    case "max":
      return extreme(acc.samples, Math.max);
    // The sum of a gauge over series: each series counts once per step, by its mean.
    case "sum":
      return [...acc.perSeries.values()].reduce((total, s) => total + s.total / s.n, 0);
    default:
      return q === null ? null : sampleQuantile(acc.samples, q);
  }
}

function counterValue(acc: StepAccumulator, agg: MetricAgg, seconds: number): number | null {
  const increases = [...acc.perSeries.values()].map((s) => s.total);
  const total = increases.reduce((a, b) => a + b, 0);
  switch (agg) {
    case "sum":
      return total;
    case "rate":
      return seconds > 0 ? total / seconds : null;
    case "avg":
      return mean(increases);
    case "min":
      return extreme(increases, Math.min);
    case "max":
      return extreme(increases, Math.max);
    default:
      return null;
  }
}

// A loop, not Math.min(...values): a spread of a long week of samples overflows the stack.
function extreme(values: number[], pick: (a: number, b: number) => number): number | null {
  return values.length ? values.reduce((a, b) => pick(a, b)) : null;
}

function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** Linear interpolation between closest ranks (what numpy and Prometheus' quantile_over_time do). */
function sampleQuantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}
