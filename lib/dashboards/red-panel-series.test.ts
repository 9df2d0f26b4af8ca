import { describe, expect, it } from "vitest";
import type { RedPoint } from "@/lib/schemas/red";
import { hasRequests, redPanelSeries } from "./red-panel-series";

const point = (time: number, count: number, extra: Partial<RedPoint> = {}): RedPoint => ({
  time,
  count,
  rate: count / 60,
  errorRate: count ? 0.1 : null,
  timeoutRate: count ? 0 : null,
  avgMs: count ? 20 : null,
  maxMs: count ? 90 : null,
  p50: count ? 10 : null,
  p90: count ? 40 : null,
  p95: count ? 50 : null,
  p99: count ? 80 : null,
  ...extra,
});

describe("redPanelSeries", () => {
  const points = [point(0, 60), point(60_000, 0)];

  it("draws the rate, with an empty bucket as zero requests", () => {
    expect(redPanelSeries(points, "rate")).toEqual([{ key: "rate", points: [[0, 1], [60_000, 0]] }]);
  });

  it("draws errors and timeouts as shares, an empty bucket as a gap", () => {
    expect(redPanelSeries(points, "errors")).toEqual([
      { key: "errors", points: [[0, 0.1], [60_000, null]] },
      { key: "timeouts", points: [[0, 0], [60_000, null]] },
    ]);
  });

  it("draws p50, p95 and p99", () => {
    expect(redPanelSeries(points, "latency").map((s) => [s.key, s.points[0]![1]])).toEqual([["p50", 10], ["p95", 50], ["p99", 80]]);
  });

  it("tells a window without requests", () => {
    expect(hasRequests(points)).toBe(true);
    expect(hasRequests([point(0, 0)])).toBe(false);
  });
});
