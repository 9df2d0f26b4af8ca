import { describe, expect, it } from "vitest";
import { brushWindow, bucketAt, inferStepMs } from "./time-series-model";

describe("inferStepMs", () => {
  it("takes the given step, else the smallest gap between points", () => {
    expect(inferStepMs([], 30_000)).toBe(30_000);
    expect(inferStepMs([[[0, 1], [60_000, 2], [180_000, 3]], [[0, 1], [120_000, 1]]])).toBe(60_000);
    expect(inferStepMs([[[0, 1]]])).toBe(60_000);
  });
});

describe("bucketAt", () => {
  const range = { fromMs: 1_000_000, toMs: 1_600_000 };
  it("opens the bucket a time falls in, on the points' grid", () => {
    expect(bucketAt(1_130_000, 60_000, range, 960_000)).toEqual({ fromMs: 1_080_000, toMs: 1_140_000 });
  });
  it("clips the first and last bucket to the chart's range", () => {
    expect(bucketAt(1_010_000, 60_000, range, 960_000)).toEqual({ fromMs: 1_000_000, toMs: 1_020_000 });
    expect(bucketAt(1_590_000, 60_000, range, 960_000)).toEqual({ fromMs: 1_560_000, toMs: 1_600_000 });
  });
});

describe("brushWindow", () => {
  it("reads a horizontal brush in either direction and refuses anything else", () => {
    expect(brushWindow([{ coordRange: [2_000.7, 1_000.2] }])).toEqual({ fromMs: 1_000, toMs: 2_001 });
    expect(brushWindow([{ coordRange: [[0, 1], [0, 1]] }])).toBeNull();
    expect(brushWindow([{ coordRange: [5, 5] }])).toBeNull();
    expect(brushWindow([])).toBeNull();
  });
});
