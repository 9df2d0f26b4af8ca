import { describe, expect, it } from "vitest";
import { BUCKET_COUNT, addToHistogram, bucketIndex, bucketLowerNs, bucketUpperNs, histogramQuantileNs } from "./latency-buckets";

describe("latency buckets", () => {
  it("puts every duration in the bucket whose bounds hold it", () => {
    for (const ns of [1_000, 1_500, 999_999, 1_000_000, 37_000_000, 2_500_000_000, 3_600_000_000_000]) {
      const i = bucketIndex(ns);
      expect(bucketLowerNs(i)).toBeLessThanOrEqual(ns);
      expect(bucketUpperNs(i)).toBeGreaterThan(ns);
    }
    expect(bucketIndex(0)).toBe(0);
    expect(bucketIndex(999)).toBe(0);
    expect(bucketIndex(1e18)).toBe(BUCKET_COUNT - 1);
  });

  it("reads percentiles within the bucket resolution", () => {
    const histogram: number[] = [];
    const durations = Array.from({ length: 10_000 }, (_, i) => (i + 1) * 10_000); // 10 µs .. 100 ms, uniform
    durations.forEach((d) => addToHistogram(histogram, d));
    for (const q of [0.5, 0.9, 0.95, 0.99]) {
      const exact = durations[Math.ceil(q * durations.length) - 1]!;
      const estimate = histogramQuantileNs(histogram, q)!;
      expect(Math.abs(estimate - exact) / exact).toBeLessThan(0.1);
    }
  });

  it("is null for no data and leaves trailing buckets off", () => {
    expect(histogramQuantileNs([], 0.5)).toBeNull();
    const histogram: number[] = [];
    addToHistogram(histogram, 2_000);
    expect(histogram.length).toBe(bucketIndex(2_000) + 1);
  });
});
