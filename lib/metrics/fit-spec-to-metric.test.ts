import { describe, expect, it } from "vitest";
import type { MetricInfo } from "@/lib/schemas/metrics";
import { fitSpecToMetric } from "./fit-spec-to-metric";
import { allowedAggs, allowedChartKinds } from "./metric-aggs";

const info = (over: Partial<MetricInfo>): MetricInfo => ({
  name: "m",
  type: "gauge",
  unit: "",
  description: "",
  temporality: "unspecified",
  isMonotonic: false,
  labelKeys: ["service.name"],
  seriesCount: 1,
  ...over,
});
const histogram = info({ name: "http.server.request.duration", type: "histogram", temporality: "cumulative", labelKeys: ["http.route", "service.name"] });
const counter = info({ name: "orders", type: "sum", temporality: "cumulative", isMonotonic: true, labelKeys: ["currency", "service.name"] });
const upDown = info({ name: "pool.in_use", type: "sum", temporality: "cumulative", isMonotonic: false });

describe("metric aggregations and chart kinds", () => {
  it("offers what the metric's kind means something for", () => {
    expect(allowedAggs(counter)).toEqual(["sum", "avg", "min", "max", "rate"]);
    expect(allowedAggs(upDown)).not.toContain("rate");
    expect(allowedAggs(histogram)).toContain("p99");
    expect(allowedChartKinds(histogram)).toContain("heatmap");
    expect(allowedChartKinds(counter)).not.toContain("heatmap");
  });
});

describe("fitSpecToMetric", () => {
  it("writes the default aggregation of a new metric out", () => {
    expect(fitSpecToMetric({ filter: [], groupBy: [], chart: "line" }, histogram)).toEqual({ name: histogram.name, agg: "p95", filter: [], groupBy: [], chart: "line" });
    expect(fitSpecToMetric({ filter: [], groupBy: [], chart: "line" }, counter).agg).toBe("rate");
  });

  it("keeps what still applies to the other metric and drops the rest", () => {
    const spec = { name: histogram.name, agg: "p99" as const, filter: ["http.route=/cart", "service.name=cart"], groupBy: ["http.route", "service.name"], chart: "heatmap" as const, label: "Latency" };
    expect(fitSpecToMetric(spec, counter)).toEqual({ name: "orders", agg: "rate", filter: ["service.name=cart"], groupBy: ["service.name"], chart: "line", label: "Latency" });
    expect(fitSpecToMetric({ ...spec, agg: "max" }, counter).agg).toBe("max");
  });
});
