import { describe, expect, it } from "vitest";
import { addBuckets, bucketQuantile, diffBuckets, explicitBuckets, exponentialBuckets } from "./merged-histogram";

describe("explicit buckets", () => {
  it("keys counts by upper bound, the last one by Infinity", () => {
    expect([...explicitBuckets([10, 100], [1, 2, 3])]).toEqual([[10, 1], [100, 2], [Infinity, 3]]);
  });

  it("interpolates percentiles linearly inside the bucket, from 0 for the first", () => {
    const buckets = explicitBuckets([100, 200, 400], [50, 30, 20, 0]);
    expect(bucketQuantile(buckets, 0.25)).toBe(50);
    expect(bucketQuantile(buckets, 0.5)).toBe(100);
    expect(bucketQuantile(buckets, 0.65)).toBe(150);
    expect(bucketQuantile(buckets, 0.9)).toBe(300);
  });

  it("reports the highest finite bound for the overflow bucket, or the observed max", () => {
    const buckets = explicitBuckets([100], [0, 10]);
    expect(bucketQuantile(buckets, 0.99)).toBe(100);
    expect(bucketQuantile(buckets, 0.5, { max: 300 })).toBe(200);
  });

  it("keeps a percentile within the observed min and max", () => {
    const buckets = explicitBuckets([1000], [10, 0]);
    expect(bucketQuantile(buckets, 0.5, { min: 400, max: 600 })).toBe(600);
    expect(bucketQuantile(buckets, 0, { min: 400, max: 600 })).toBe(400);
  });

  it("has no percentile without observations", () => {
    expect(bucketQuantile(explicitBuckets([1, 2], [0, 0, 0]), 0.5)).toBeNull();
  });

  it("merges series with the same layout exactly", () => {
    const merged = explicitBuckets([100, 200], [10, 0, 0]);
    addBuckets(merged, explicitBuckets([100, 200], [0, 10, 0]));
    expect(bucketQuantile(merged, 0.5)).toBe(100);
    expect(bucketQuantile(merged, 0.75)).toBe(150);
  });
});

describe("exponential buckets", () => {
  it("maps scale-0 indexes to powers of two, negatives and the zero bucket included", () => {
    const buckets = exponentialBuckets({ scale: 0, zeroCount: 2, zeroThreshold: 0, positive: { offset: 1, bucketCounts: [3, 4] }, negative: { offset: 0, bucketCounts: [1] } });
    // negative index 0: [-2, -1) → upper -1; positive index 1: (2, 4]; index 2: (4, 8]
    expect([...buckets].sort(([a], [b]) => a - b)).toEqual([[-1, 1], [0, 2], [4, 3], [8, 4]]);
  });

  it("uses finer bases at higher scales", () => {
    const buckets = exponentialBuckets({ scale: 1, zeroCount: 0, zeroThreshold: 0, positive: { offset: 2, bucketCounts: [5] }, negative: { offset: 0, bucketCounts: [] } });
    // base √2: index 2 holds (2, 2√2]
    expect([...buckets.keys()].filter((k) => k > 0)[0]).toBeCloseTo(2 * Math.SQRT2);
  });
});

describe("diffBuckets", () => {
  it("subtracts bucket by bucket", () => {
    const delta = diffBuckets(explicitBuckets([10, 20], [1, 2, 0]), explicitBuckets([10, 20], [1, 6, 0]));
    expect(delta && [...delta]).toEqual([[10, 0], [20, 4], [Infinity, 0]]);
    // The empty first bucket still bounds the second one from below.
    expect(bucketQuantile(delta!, 0.5)).toBe(15);
  });

  it("reports a reset when a bucket goes down or disappears", () => {
    expect(diffBuckets(explicitBuckets([10], [5, 2]), explicitBuckets([10], [1, 2]))).toBeNull();
    expect(diffBuckets(explicitBuckets([10, 20], [1, 1, 0]), explicitBuckets([15], [3, 3]))).toBeNull();
  });
});
