import { describe, expect, it } from "vitest";
import type { StoredMetricPoint, StoredMetricSeries } from "@/lib/query/aggregate-metric-points";
import { buildMetricHeatmap } from "./build-metric-heatmap";

const minute = 60_000;
const T0 = Date.UTC(2026, 0, 1, 12, 0);

function point(timeMs: number, counts: number[], bounds = [1, 5, 10]): StoredMetricPoint {
  return {
    timeMs,
    startTimeNs: String(BigInt(T0 - 10 * minute) * 1_000_000n),
    value: null,
    count: counts.reduce((a, b) => a + b, 0),
    sum: 0,
    min: null,
    max: null,
    bucketCounts: counts,
    explicitBounds: bounds,
    exponential: null,
    quantiles: null,
  };
}

const cumulative = (points: StoredMetricPoint[]): StoredMetricSeries => ({ labels: {}, kind: "histogram", cumulative: true, points });
const options = { fromMs: T0, toMs: T0 + 3 * minute, stepMs: minute, fetchedFromMs: T0 - 5 * minute };

describe("buildMetricHeatmap", () => {
  it("counts each step's new observations per bucket, summed over series", () => {
    const a = cumulative([point(T0 - minute, [1, 0, 0, 0]), point(T0 + 10_000, [3, 1, 0, 0]), point(T0 + minute + 10_000, [3, 4, 0, 1])]);
    const b = cumulative([point(T0 - minute, [0, 0, 0, 0]), point(T0 + 20_000, [0, 2, 0, 0])]);
    const heatmap = buildMetricHeatmap([a, b], options);
    // The 5..10 bucket stays (between observed ones); the overflow bucket is Infinity.
    expect(heatmap.upperBounds).toEqual([1, 5, 10, Infinity]);
    expect(heatmap.cells).toEqual([
      [T0, 0, 2],
      [T0, 1, 3],
      [T0 + minute, 1, 3],
      [T0 + minute, 3, 1],
    ]);
  });

  it("reads a counter reset as a restart, never as negative counts", () => {
    const restarted = cumulative([point(T0 - minute, [5, 5, 0, 0]), point(T0 + 10_000, [1, 0, 0, 0])]);
    expect(buildMetricHeatmap([restarted], options).cells).toEqual([[T0, 0, 1]]);
  });

  it("leaves out empty buckets at both ends and observations outside the window", () => {
    const series = cumulative([point(T0 - minute, [0, 0, 0, 0]), point(T0 + 10_000, [0, 2, 0, 0]), point(T0 + 4 * minute, [0, 9, 9, 0])]);
    expect(buildMetricHeatmap([series], options)).toEqual({ upperBounds: [5], cells: [[T0, 0, 2]] });
  });

  it("merges neighbouring buckets when there are more than the axis can show", () => {
    const bounds = [1, 2, 3, 4, 5];
    const series: StoredMetricSeries = { labels: {}, kind: "histogram", cumulative: false, points: [point(T0, [1, 1, 1, 1, 1, 1], bounds)] };
    const heatmap = buildMetricHeatmap([series], { ...options, maxBuckets: 3 });
    expect(heatmap.upperBounds).toEqual([2, 4, Infinity]);
    expect(heatmap.cells).toEqual([
      [T0, 0, 2],
      [T0, 1, 2],
      [T0, 2, 2],
    ]);
  });

  it("is empty without histogram observations", () => {
    expect(buildMetricHeatmap([], options)).toEqual({ upperBounds: [], cells: [] });
  });
});
