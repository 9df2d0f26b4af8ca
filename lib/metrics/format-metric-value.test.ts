import { describe, expect, it } from "vitest";
import { formatMetricValue, formatNumber } from "./format-metric-value";

describe("formatMetricValue", () => {
  it("writes durations by their size whatever unit they were stored in", () => {
    expect(formatMetricValue(0.25, "s", "en")).toBe("250 ms");
    expect(formatMetricValue(1500, "ms", "en")).toBe("1.5 s");
    expect(formatMetricValue(850, "us", "en")).toBe("850 µs");
  });

  it("writes bytes, plain counts and other units", () => {
    expect(formatMetricValue(2048, "By", "en")).toBe("2 kB");
    expect(formatMetricValue(12.345, "1", "en")).toBe("12.3");
    expect(formatMetricValue(3, "{request}", "en")).toBe("3");
    expect(formatMetricValue(42, "Cel", "en")).toBe("42 Cel");
  });

  it("marks rates as per second and leaves a rate of seconds a number", () => {
    expect(formatMetricValue(2.5, "{request}", "en", { perSecond: true })).toBe("2.5/s");
    expect(formatMetricValue(0.5, "s", "en", { perSecond: true })).toBe("0.5 s/s");
  });

  it("shortens large numbers and says so for non-finite ones", () => {
    expect(formatNumber(12_345, "en")).toBe("12,345");
    expect(formatNumber(3_400_000, "en")).toBe("3.4M");
    expect(formatMetricValue(Number.NaN, "1", "en")).toBe("–");
  });
});
