import { describe, expect, it } from "vitest";
import type { MetricExemplar } from "@/lib/schemas/metrics";
import { metricTraceLink, type LinkedQuery } from "./metric-trace-link";

const window = { fromMs: 1_000_000, toMs: 1_060_000 };
const histogram = (seriesLabels: Record<string, string>[], filter: string[] = []): LinkedQuery => ({ spec: { filter }, type: "histogram", unit: "s", seriesLabels });
const exemplar = (timeMs: number, value: number, traceId: string, service = "cart"): MetricExemplar => ({ timeMs, value, traceId, spanId: null, labels: { "service.name": service } });

describe("metricTraceLink", () => {
  it("names the service when the chart is about one, slowest first for a duration histogram", () => {
    expect(metricTraceLink(window, [histogram([{ "service.name": "cart" }])])).toEqual({ ...window, service: "cart", sort: "duration" });
    expect(metricTraceLink(window, [histogram([{ "service.name": "cart" }, { "service.name": "payment" }], ["service.name=payment"])])).toMatchObject({ service: "payment" });
  });

  it("leaves the service out when the chart shows several or does not say", () => {
    expect(metricTraceLink(window, [histogram([{ "service.name": "cart" }, { "service.name": "payment" }])]).service).toBeUndefined();
    expect(metricTraceLink(window, [histogram([{}])]).service).toBeUndefined();
    const counter: LinkedQuery = { spec: { filter: [] }, type: "sum", unit: "{request}", seriesLabels: [{ "service.name": "cart" }] };
    expect(metricTraceLink(window, [counter])).toEqual({ ...window, service: "cart" });
  });

  it("offers the bucket's exemplar traces, slowest first, once each, of the chosen service", () => {
    const exemplars = [exemplar(1_010_000, 0.2, "a"), exemplar(1_020_000, 0.9, "b"), exemplar(1_030_000, 0.5, "a"), exemplar(1_070_000, 5, "late"), exemplar(1_015_000, 3, "other", "payment")];
    expect(metricTraceLink(window, [histogram([{ "service.name": "cart" }])], exemplars).traceIds).toEqual(["b", "a"]);
    expect(metricTraceLink(window, [histogram([{}])], exemplars).traceIds).toEqual(["other", "b", "a"]);
    expect(metricTraceLink(window, [histogram([{}])], []).traceIds).toBeUndefined();
  });
});
