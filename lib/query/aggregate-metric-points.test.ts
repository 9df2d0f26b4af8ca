import { describe, expect, it } from "vitest";
import { aggregateMetricSeries, type StoredMetricPoint, type StoredMetricSeries } from "./aggregate-metric-points";

const t0 = Date.UTC(2025, 10, 24, 16, 0);
const step = 60_000;
const base = { fromMs: t0, toMs: t0 + 3 * step, stepMs: step, fetchedFromMs: t0 - 5 * step, groupBy: [] as string[] };

function point(timeMs: number, fields: Partial<StoredMetricPoint>): StoredMetricPoint {
  return { timeMs, startTimeNs: null, value: null, count: null, sum: null, min: null, max: null, bucketCounts: null, explicitBounds: null, exponential: null, quantiles: null, ...fields };
}

const gauge = (labels: Record<string, string>, values: [number, number][]): StoredMetricSeries => ({
  labels,
  kind: "gauge",
  cumulative: false,
  points: values.map(([t, value]) => point(t, { value })),
});

describe("gauges", () => {
  const a = gauge({ host: "a", pool: "main" }, [[t0, 10], [t0 + 30_000, 20], [t0 + step, 30]]);
  const b = gauge({ host: "b", pool: "main" }, [[t0, 40], [t0 + step + 10_000, 50]]);

  it("averages, sums (each series by its mean), and takes min and max per step", () => {
    expect(aggregateMetricSeries([a, b], { ...base, agg: "avg" })).toEqual([{ labels: {}, points: [[t0, 70 / 3], [t0 + step, 40]] }]);
    expect(aggregateMetricSeries([a, b], { ...base, agg: "sum" })[0]!.points).toEqual([[t0, 55], [t0 + step, 80]]);
    expect(aggregateMetricSeries([a, b], { ...base, agg: "min" })[0]!.points).toEqual([[t0, 10], [t0 + step, 30]]);
    expect(aggregateMetricSeries([a, b], { ...base, agg: "max" })[0]!.points).toEqual([[t0, 40], [t0 + step, 50]]);
  });

  it("interpolates percentiles of the samples", () => {
    expect(aggregateMetricSeries([a, b], { ...base, agg: "p50" })[0]!.points[0]).toEqual([t0, 20]);
  });

  it("groups by labels, leaving out labels a series lacks", () => {
    const c = gauge({ pool: "main" }, [[t0, 1]]);
    const result = aggregateMetricSeries([a, b, c], { ...base, agg: "avg", groupBy: ["host"] });
    expect(result.map((s) => s.labels)).toEqual([{ host: "a" }, { host: "b" }, {}]);
    expect(result[0]!.points).toEqual([[t0, 15], [t0 + step, 30]]);
  });

  it("leaves out points outside the window and steps without data", () => {
    const late = gauge({}, [[t0 - 1, 99], [t0 + 2 * step, 5], [t0 + 3 * step, 99]]);
    expect(aggregateMetricSeries([late], { ...base, agg: "avg" })[0]!.points).toEqual([[t0 + 2 * step, 5]]);
  });
});

describe("counters", () => {
  const started = String(BigInt(t0 - 60 * step) * 1_000_000n);
  const cumulative = (labels: Record<string, string>, values: [number, number][]): StoredMetricSeries => ({
    labels,
    kind: "counter",
    cumulative: true,
    points: values.map(([t, value]) => point(t, { value, startTimeNs: started })),
  });

  it("turns totals into increases per series, counting a drop as a restart, then sums and rates them", () => {
    const a = cumulative({ host: "a" }, [[t0 - 10_000, 100], [t0 + 20_000, 160], [t0 + step + 20_000, 220]]);
    // b restarts in the second step: 500 → 30 counts 30, not -470.
    const b = cumulative({ host: "b" }, [[t0 - 10_000, 400], [t0 + 20_000, 500], [t0 + step + 20_000, 30]]);
    expect(aggregateMetricSeries([a, b], { ...base, agg: "sum" })[0]!.points).toEqual([[t0, 160], [t0 + step, 90]]);
    expect(aggregateMetricSeries([a, b], { ...base, agg: "rate" })[0]!.points).toEqual([[t0, 160 / 60], [t0 + step, 1.5]]);
    expect(aggregateMetricSeries([a, b], { ...base, agg: "max" })[0]!.points).toEqual([[t0, 100], [t0 + step, 60]]);
  });

  it("uses delta points as they are", () => {
    const delta: StoredMetricSeries = { labels: {}, kind: "counter", cumulative: false, points: [point(t0, { value: 5 }), point(t0 + 1_000, { value: 7 })] };
    expect(aggregateMetricSeries([delta], { ...base, agg: "sum" })[0]!.points).toEqual([[t0, 12]]);
  });

  it("divides the rate of a last, partial step by the seconds it covers", () => {
    const delta: StoredMetricSeries = { labels: {}, kind: "counter", cumulative: false, points: [point(t0 + 2 * step + 1_000, { value: 30 })] };
    const result = aggregateMetricSeries([delta], { ...base, toMs: t0 + 2 * step + 30_000, agg: "rate" });
    expect(result[0]!.points).toEqual([[t0 + 2 * step, 1]]);
  });
});

describe("histograms", () => {
  const bounds = [100, 200, 400];
  const cumulativeHistogram = (values: [number, number[]][]): StoredMetricSeries => ({
    labels: {},
    kind: "histogram",
    cumulative: true,
    points: values.map(([t, counts]) =>
      point(t, { startTimeNs: "1", explicitBounds: bounds, bucketCounts: counts, count: counts.reduce((a, b) => a + b, 0), sum: counts[0]! * 50 + counts[1]! * 150 }),
    ),
  });

  it("merges bucket deltas across series and reads percentiles from them", () => {
    const a = cumulativeHistogram([[t0 - 10_000, [5, 0, 0, 0]], [t0 + 10_000, [55, 0, 0, 0]]]);
    const b = cumulativeHistogram([[t0 - 10_000, [0, 1, 0, 0]], [t0 + 10_000, [0, 51, 0, 0]]]);
    const p50 = aggregateMetricSeries([a, b], { ...base, agg: "p50" })[0]!.points;
    expect(p50).toEqual([[t0, 100]]);
    expect(aggregateMetricSeries([a, b], { ...base, agg: "p90" })[0]!.points).toEqual([[t0, 180]]);
    expect(aggregateMetricSeries([a, b], { ...base, agg: "rate" })[0]!.points).toEqual([[t0, 100 / 60]]);
    expect(aggregateMetricSeries([a, b], { ...base, agg: "avg" })[0]!.points).toEqual([[t0, (50 * 50 + 50 * 150) / 100]]);
  });

  it("treats a histogram whose buckets went down as restarted", () => {
    const a = cumulativeHistogram([[t0 - 10_000, [50, 0, 0, 0]], [t0 + 10_000, [0, 0, 4, 0]]]);
    expect(aggregateMetricSeries([a], { ...base, agg: "p50" })[0]!.points).toEqual([[t0, 300]]);
  });

  it("uses min and max of delta points to bound percentiles", () => {
    const delta: StoredMetricSeries = {
      labels: {},
      kind: "histogram",
      cumulative: false,
      points: [point(t0, { explicitBounds: [1000], bucketCounts: [0, 10], count: 10, sum: 15_000, min: 1200, max: 1800 })],
    };
    expect(aggregateMetricSeries([delta], { ...base, agg: "p50" })[0]!.points).toEqual([[t0, 1400]]);
    expect(aggregateMetricSeries([delta], { ...base, agg: "max" })[0]!.points).toEqual([[t0, 1800]]);
  });
});

describe("summaries", () => {
  it("passes reported quantiles through, averaged across series, and rates their count", () => {
    const summary = (p99: number, counts: [number, number]): StoredMetricSeries => ({
      labels: {},
      kind: "summary",
      cumulative: true,
      points: [
        point(t0 - 10_000, { startTimeNs: "1", count: counts[0], sum: 0, quantiles: [{ quantile: 0.99, value: p99 - 1 }] }),
        point(t0 + 10_000, { startTimeNs: "1", count: counts[1], sum: 600, quantiles: [{ quantile: 0.5, value: 1 }, { quantile: 0.99, value: p99 }] }),
      ],
    });
    const series = [summary(10, [100, 160]), summary(20, [0, 60])];
    expect(aggregateMetricSeries(series, { ...base, agg: "p99" })[0]!.points).toEqual([[t0, 15]]);
    expect(aggregateMetricSeries(series, { ...base, agg: "rate" })[0]!.points).toEqual([[t0, 2]]);
    expect(aggregateMetricSeries(series, { ...base, agg: "avg" })[0]!.points).toEqual([[t0, 10]]);
    expect(aggregateMetricSeries(series, { ...base, agg: "p90" })[0]!.points).toEqual([]);
  });
});
