import { describe, expect, it } from "vitest";
import { buildSloSeries, MAX_SLO_BUCKETS, sloBucketMs } from "./build-slo-series";

const MIN = 60_000;

describe("sloBucketMs", () => {
  it("keeps a window at most MAX_SLO_BUCKETS buckets of whole minutes or hours", () => {
    expect(sloBucketMs(60 * MIN)).toBe(MIN);
    expect(sloBucketMs(6 * 60 * MIN)).toBe(5 * MIN);
    const month = 28 * 24 * 60 * MIN;
    expect(sloBucketMs(month)).toBe(360 * MIN);
    expect(month / sloBucketMs(month)).toBeLessThanOrEqual(MAX_SLO_BUCKETS);
  });
});

describe("buildSloSeries", () => {
  it("burns per bucket and draws the budget down from 100 to the window's remainder", () => {
    // 99% target, 4 buckets of 1,000 requests: allowed bad = 1% of 4,000 = 40.
    const rows = [
      { b: 0, bad: 0, total: 1_000 },
      { b: 1, bad: 10, total: 1_000 },
      { b: 2, bad: 30, total: 600 },
      { b: 2, bad: 0, total: 400 }, // a second row of the same bucket (another operation) adds up
      { b: 3, bad: 0, total: 1_000 },
      { b: 9, bad: 99, total: 99 }, // outside the window: ignored
    ];
    const series = buildSloSeries(rows, { firstMs: 1_000, bucketMs: MIN, count: 5, targetPercent: 99 });
    expect(series.total).toBe(4_000);
    expect(series.bad).toBe(40);
    expect(series.allowed).toBeCloseTo(40, 9);
    expect(series.burn.map(([t]) => t)).toEqual([1_000, 1_000 + MIN, 1_000 + 2 * MIN, 1_000 + 3 * MIN, 1_000 + 4 * MIN]);
    // bucket burn rates: 0%, 1% → 1×, 3% → 3×, 0%, no requests
    const burn = series.burn.map(([, v]) => v);
    expect(burn[0]).toBe(0);
    expect(burn[1]).toBeCloseTo(1, 9);
    expect(burn[2]).toBeCloseTo(3, 9);
    expect(burn[3]).toBe(0);
    expect(burn[4]).toBeNull();
    // budget left after each bucket: 100, 75 (10 of 40), 0 (40 of 40), 0, 0
    const budget = series.budget.map(([, v]) => v!);
    expect(budget.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([100, 75, 0, 0, 0]);
  });

  it("has no budget curve without requests", () => {
    const series = buildSloSeries([], { firstMs: 0, bucketMs: MIN, count: 3, targetPercent: 99.5 });
    expect(series.budget.every(([, v]) => v === null)).toBe(true);
    expect(series.burn.every(([, v]) => v === null)).toBe(true);
  });
});
