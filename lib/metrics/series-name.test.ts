import { describe, expect, it } from "vitest";
import type { MetricQuerySpec } from "./metric-query-spec";
import { queryLetter, seriesName } from "./series-name";

const spec: MetricQuerySpec = { name: "http.server.request.duration", filter: [], groupBy: ["service.name"], chart: "line" };

describe("seriesName", () => {
  it("names a grouped series by its letter (or label) and group values", () => {
    expect(seriesName("A", spec, "p95", { "service.name": "cart" })).toBe("A: cart");
    expect(seriesName("B", { ...spec, label: "Latency" }, "p95", { "service.name": "cart", "http.route": "/x" })).toBe("Latency: cart, /x");
  });

  it("names an ungrouped series by its label or aggregation and metric", () => {
    expect(seriesName("A", { ...spec, groupBy: [] }, "p95", {})).toBe("A: p95 http.server.request.duration");
    expect(seriesName("C", { ...spec, label: "Latency" }, "p95", {})).toBe("C: Latency");
  });

  it("letters queries A to Z, then again with a number", () => {
    expect([0, 1, 25, 26, 27].map(queryLetter)).toEqual(["A", "B", "Z", "A1", "B1"]);
  });
});
