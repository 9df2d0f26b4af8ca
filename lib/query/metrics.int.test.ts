import { adminRequest } from "@/lib/testing/test-auth";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as labelsRoute } from "@/app/api/v1/metrics/labels/route";
import { GET as queryRoute } from "@/app/api/v1/metrics/query/route";
import { GET as listRoute } from "@/app/api/v1/metrics/route";
import { getPool } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { metricLabelsResponseSchema, metricListResponseSchema, metricQueryResponseSchema } from "@/lib/schemas/metrics";
import { counterPoints, gaugePoints, histogramPoints, seedMetrics, summaryPoints } from "@/lib/testing/seed-metrics";
import { listMetricLabelValues } from "./list-metric-label-values";
import { listMetrics } from "./list-metrics";
import { queryMetricSeries, type MetricSeriesInput } from "./query-metric-series";

const suffix = randomBytes(4).toString("hex");
const worker = `worker-${suffix}`;
const api = `api-${suffix}`;
const names = {
  queue: `queue.depth.${suffix}`,
  requests: `http.server.requests.${suffix}`,
  jobs: `jobs.completed.${suffix}`,
  duration: `http.server.request.duration.${suffix}`,
  rpc: `rpc.latency.${suffix}`,
};
const MINUTE = 60_000;
const t0 = Math.floor((Date.now() - 2 * 3_600_000) / MINUTE) * MINUTE;
const s = (seconds: number) => t0 + seconds * 1_000;
const window = { fromMs: t0, toMs: t0 + 2 * MINUTE, stepSeconds: 60 };
const query = (input: Partial<MetricSeriesInput> & { name: string }) => queryMetricSeries(getPool(), { ...window, ...input });
const points = (series: { points: [number, number][] }) => series.points.map(([time, value]) => [(time - t0) / 1_000, value]);

beforeAll(async () => {
  const longAgo = t0 - 3_600_000;
  await seedMetrics(getPool(), [
    ...gaugePoints({ name: names.queue, service: worker, attributes: { queue: "emails" }, unit: "{message}", description: "messages waiting" }, [[s(0), 1], [s(20), 2], [s(40), 3], [s(60), 10], [s(80), 20]]),
    ...gaugePoints({ name: names.queue, service: worker, attributes: { queue: "sms" }, unit: "{message}" }, [[s(10), 100]]),
    ...counterPoints({ name: names.requests, service: api, attributes: { "http.route": "/a" }, startMs: longAgo }, [[s(-30), 1000], [s(30), 1060], [s(90), 1180]]),
    ...counterPoints({ name: names.requests, service: api, attributes: { "http.route": "/b" }, startMs: longAgo }, [[s(-30), 500], [s(30), 530]]),
    // The /b process restarted at t0+60s: a new start time and a total counted from zero.
    ...counterPoints({ name: names.requests, service: api, attributes: { "http.route": "/b" }, startMs: s(60) }, [[s(90), 20]]),
    ...counterPoints({ name: names.jobs, service: worker }, [[s(10), 5], [s(20), 7], [s(70), 4]], "delta"),
    ...histogramPoints({ name: names.duration, service: api, unit: "ms", startMs: longAgo }, [10, 50, 100, 500], [
      [s(-30), [10, 0, 0, 0, 0], 50],
      [s(30), [10, 40, 50, 10, 0], 9_050],
    ]),
    ...summaryPoints({ name: names.rpc, service: api, startMs: longAgo }, [
      [s(-30), 100, 1_000, [[0.5, 8], [0.99, 40]]],
      [s(30), 160, 1_600, [[0.5, 9], [0.99, 50]]],
    ]),
  ]);
});

describe("metric names and labels", () => {
  it("lists metrics with type, unit, description, temporality and label keys", async () => {
    const { metrics } = await listMetrics(getPool());
    expect(metrics.find((m) => m.name === names.queue)).toEqual({
      name: names.queue,
      type: "gauge",
      unit: "{message}",
      description: "messages waiting",
      temporality: "unspecified",
      isMonotonic: false,
      labelKeys: ["queue", "service.name"],
      seriesCount: 2,
    });
    expect(metrics.find((m) => m.name === names.requests)).toMatchObject({ type: "sum", temporality: "cumulative", isMonotonic: true, labelKeys: ["http.route", "service.name"] });
    expect(metrics.find((m) => m.name === names.duration)).toMatchObject({ type: "histogram", unit: "ms", labelKeys: ["service.name"] });
  });

  it("filters the list by service", async () => {
    const { metrics } = await listMetrics(getPool(), { service: worker });
    expect(metrics.map((m) => m.name).sort()).toEqual([names.jobs, names.queue].sort());
  });

  it("lists the values of a label, service.name included", async () => {
    expect((await listMetricLabelValues(getPool(), { name: names.queue, key: "queue" })).values).toEqual(["emails", "sms"]);
    expect((await listMetricLabelValues(getPool(), { name: names.queue, key: "service.name" })).values).toEqual([worker]);
    expect((await listMetricLabelValues(getPool(), { name: names.queue, key: "absent" })).values).toEqual([]);
  });
});

describe("queryMetricSeries", () => {
  it("averages a gauge per step and label group", async () => {
    const result = await query({ name: names.queue, agg: "avg", groupBy: ["queue"] });
    expect(result).toMatchObject({ type: "gauge", unit: "{message}", agg: "avg", step: 60 });
    expect(result.series.map((x) => [x.labels, points(x)])).toEqual([
      [{ queue: "emails" }, [[0, 2], [60, 15]]],
      [{ queue: "sms" }, [[0, 100]]],
    ]);
    const summed = await query({ name: names.queue, agg: "sum" });
    expect(summed.series.map(points)).toEqual([[[0, 102], [60, 15]]]);
  });

  it("filters series by label and by service", async () => {
    const sms = await query({ name: names.queue, agg: "max", filter: [{ key: "queue", value: "sms" }] });
    expect(sms.series.map(points)).toEqual([[[0, 100]]]);
    const none = await query({ name: names.queue, agg: "max", filter: [{ key: "service.name", value: "someone-else" }] });
    expect(none).toMatchObject({ type: null, series: [] });
  });

  it("turns cumulative counters into increases, across a restart, and rates them per second", async () => {
    const sum = await query({ name: names.requests, agg: "sum" });
    expect(sum.series.map(points)).toEqual([[[0, 90], [60, 140]]]);
    const rate = await query({ name: names.requests });
    expect(rate.agg).toBe("rate");
    expect(rate.series.map(points)).toEqual([[[0, 1.5], [60, 140 / 60]]]);
    const byRoute = await query({ name: names.requests, agg: "sum", groupBy: ["http.route"] });
    expect(byRoute.series.map((x) => [x.labels, points(x)])).toEqual([
      [{ "http.route": "/a" }, [[0, 60], [60, 120]]],
      [{ "http.route": "/b" }, [[0, 30], [60, 20]]],
    ]);
  });

  it("adds delta counter points up", async () => {
    expect((await query({ name: names.jobs, agg: "sum" })).series.map(points)).toEqual([[[0, 12], [60, 4]]]);
  });

  it("reads histogram percentiles from bucket deltas", async () => {
    const p = async (agg: "p50" | "p90" | "p95") => (await query({ name: names.duration, agg })).series.map(points);
    expect(await p("p50")).toEqual([[[0, 60]]]);
    expect(await p("p90")).toEqual([[[0, 100]]]);
    expect(await p("p95")).toEqual([[[0, 300]]]);
    expect((await query({ name: names.duration, agg: "avg" })).series.map(points)).toEqual([[[0, 90]]]);
    expect((await query({ name: names.duration, agg: "rate" })).series.map(points)).toEqual([[[0, 100 / 60]]]);
  });

  it("passes summary quantiles through", async () => {
    expect((await query({ name: names.rpc, agg: "p99" })).series.map(points)).toEqual([[[0, 50]]]);
    expect((await query({ name: names.rpc, agg: "avg" })).series.map(points)).toEqual([[[0, 10]]]);
  });

  it("refuses aggregations that mean nothing for the metric's kind", async () => {
    await expect(query({ name: names.queue, agg: "rate" })).rejects.toThrow(ApiError);
    await expect(query({ name: names.requests, agg: "p99" })).rejects.toThrow(/agg: p99 does not apply/);
  });
});

describe("metric routes", () => {
  const call = (path: string) => adminRequest(path);

  it("serves names, label values and series", async () => {
    const list = metricListResponseSchema.parse(await (await listRoute(call(`/api/v1/metrics?service=${worker}`), {})).json());
    expect(list.metrics).toHaveLength(2);
    const labels = metricLabelsResponseSchema.parse(await (await labelsRoute(call(`/api/v1/metrics/labels?name=${names.queue}&key=queue`), {})).json());
    expect(labels.values).toEqual(["emails", "sms"]);
    const response = await queryRoute(call(`/api/v1/metrics/query?name=${names.queue}&agg=avg&groupBy=queue&filter=queue%3Demails&from=${t0}&to=${new Date(t0 + 2 * MINUTE).toISOString()}&step=1m`), {});
    expect(response.status).toBe(200);
    const body = metricQueryResponseSchema.parse(await response.json());
    expect(body.series.map(points)).toEqual([[[0, 2], [60, 15]]]);
  });

  it("answers 400 for an aggregation the metric does not support", async () => {
    const response = await queryRoute(call(`/api/v1/metrics/query?name=${names.queue}&agg=rate`), {});
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "bad_request", message: expect.stringMatching(/^agg: /) } });
  });
});
