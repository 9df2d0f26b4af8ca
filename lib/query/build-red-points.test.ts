import { describe, expect, it } from "vitest";
import { addToHistogram } from "@/lib/rollup/latency-buckets";
import { buildRedPoints, type RedBucketRow } from "./build-red-points";

const t0 = Date.UTC(2025, 10, 24, 16, 0);
const minute = 60_000;

function row(timeMs: number, durationsMs: number[], errors = 0, timeouts = 0): RedBucketRow {
  const histogram: number[] = [];
  for (const ms of durationsMs) addToHistogram(histogram, ms * 1e6);
  return {
    timeMs,
    count: durationsMs.length,
    errors,
    timeouts,
    durationSumNs: durationsMs.reduce((a, b) => a + b, 0) * 1e6,
    durationMaxNs: Math.max(...durationsMs) * 1e6,
    histogram,
  };
}

describe("buildRedPoints", () => {
  it("gives every bucket of the window a point, empty ones with zero traffic and no latency", () => {
    const points = buildRedPoints([row(t0 + 5 * minute, [10, 20])], { fromMs: t0, toMs: t0 + 15 * minute, stepMs: 5 * minute });
    expect(points.map((p) => p.time)).toEqual([t0, t0 + 5 * minute, t0 + 10 * minute]);
    expect(points[0]).toEqual({ time: t0, count: 0, rate: 0, errorRate: null, timeoutRate: null, avgMs: null, maxMs: null, p50: null, p90: null, p95: null, p99: null });
    expect(points[1]!.count).toBe(2);
  });

  it("computes rates per second, error and timeout shares, average and max", () => {
    const durations = Array.from({ length: 600 }, (_, i) => (i % 2 ? 10 : 30));
    const [point] = buildRedPoints([row(t0, durations, 6, 3)], { fromMs: t0, toMs: t0 + 5 * minute, stepMs: 5 * minute });
    expect(point!.rate).toBe(2);
    expect(point!.errorRate).toBe(0.01);
    expect(point!.timeoutRate).toBe(0.005);
    expect(point!.avgMs).toBe(20);
    expect(point!.maxMs).toBe(30);
  });

  it("reads percentiles from the histogram within its ±9.5% resolution", () => {
    const durations = Array.from({ length: 1000 }, (_, i) => i + 1); // 1..1000 ms
    const [point] = buildRedPoints([row(t0, durations)], { fromMs: t0, toMs: t0 + minute, stepMs: minute });
    for (const [actual, expected] of [[point!.p50, 500], [point!.p90, 900], [point!.p95, 950], [point!.p99, 990]] as const) {
      expect(Math.abs(actual! - expected) / expected).toBeLessThan(0.095);
    }
  });

  it("divides the last bucket's count by the minutes it covers, not the whole step", () => {
    // The window ends 2.5 minutes into a 5-minute bucket: the rollups cover 3 whole minutes.
    const to = t0 + 5 * minute + 2.5 * minute;
    const points = buildRedPoints([row(t0 + 5 * minute, Array(180).fill(5))], { fromMs: t0, toMs: to, stepMs: 5 * minute });
    expect(points).toHaveLength(2);
    expect(points[1]!.rate).toBe(1);
  });

  it("starts at the bucket holding `from`", () => {
    const points = buildRedPoints([], { fromMs: t0 + 7 * minute, toMs: t0 + 12 * minute, stepMs: 5 * minute });
    expect(points.map((p) => p.time)).toEqual([t0 + 5 * minute, t0 + 10 * minute]);
  });
});
