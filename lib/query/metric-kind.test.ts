import { describe, expect, it } from "vitest";
import { aggQuantile, defaultAgg, metricKind, supportsAgg } from "./metric-kind";

describe("metricKind", () => {
  it("reads monotonic cumulative and delta sums as counters, other sums as gauges", () => {
    expect(metricKind("sum", 2, true)).toBe("counter");
    expect(metricKind("sum", 1, false)).toBe("counter");
    expect(metricKind("sum", 2, false)).toBe("gauge");
    expect(metricKind("gauge", 0, false)).toBe("gauge");
    expect(metricKind("exponential_histogram", 1, false)).toBe("histogram");
    expect(metricKind("summary", 0, false)).toBe("summary");
  });
});

describe("aggregations", () => {
  it("refuses rate of a gauge and percentiles of a counter", () => {
    expect(supportsAgg("gauge", "rate")).toBe(false);
    expect(supportsAgg("counter", "p95")).toBe(false);
    expect(supportsAgg("histogram", "p99")).toBe(true);
    expect(supportsAgg("gauge", "p50")).toBe(true);
    expect(supportsAgg("summary", "rate")).toBe(true);
  });

  it("defaults by kind and names quantiles", () => {
    expect(defaultAgg("counter")).toBe("rate");
    expect(defaultAgg("gauge")).toBe("avg");
    expect(defaultAgg("histogram")).toBe("p95");
    expect(aggQuantile("p99")).toBe(0.99);
    expect(aggQuantile("avg")).toBeNull();
  });
});
