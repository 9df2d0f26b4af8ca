import { describe, expect, it } from "vitest";
import { chartUnitOf, formatChartValue } from "./format-chart-value";

describe("formatChartValue", () => {
  it("formats durations, shares, rates and sizes", () => {
    expect(formatChartValue(1234, "ms", "en")).toBe("1.23 s");
    expect(formatChartValue(0.25, "s", "en")).toBe("250 ms");
    expect(formatChartValue(0.034, "ratio", "en")).toBe("3.4%");
    expect(formatChartValue(12.345, "perSecond", "en")).toBe("12.3/s");
    expect(formatChartValue(1536, "bytes", "en")).toBe("1.5 kB");
    expect(formatChartValue(123_456, "count", "en")).toBe("123K");
    expect(formatChartValue(3, { text: "connection" }, "en")).toBe("3 connection");
  });

  it("shows a dash for a missing value instead of 0", () => {
    expect(formatChartValue(null, "ms", "en")).toBe("–");
    expect(formatChartValue(Number.NaN, "count", "en")).toBe("–");
  });
});

describe("chartUnitOf", () => {
  it("maps OpenTelemetry units and unwraps annotations", () => {
    expect(chartUnitOf("s")).toBe("s");
    expect(chartUnitOf("By")).toBe("bytes");
    expect(chartUnitOf("1")).toBe("count");
    expect(chartUnitOf("{request}")).toEqual({ text: "request" });
    expect(chartUnitOf("kPa")).toEqual({ text: "kPa" });
  });
});
