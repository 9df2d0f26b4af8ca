import { afterAll, describe, expect, it } from "vitest";
import * as logsRoute from "@/app/api/otlp/v1/logs/route";
import * as metricsRoute from "@/app/api/otlp/v1/metrics/route";
import { getPool } from "@/lib/db/client";
import { hex } from "@/lib/testing/make-records";
import { startRouteServer } from "@/lib/testing/route-server";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";
import { decodeLogs } from "../otlp/decode-logs";
import { decodeMetrics } from "../otlp/decode-metrics";
import { otlpTypes } from "../otlp/otlp-root";
import { stringAttr } from "../otlp/testing/otlp-requests";
import { forgetSeenSeries } from "../store/metric-series";
import { storeLogs } from "../store/store-logs";
import { storeMetrics } from "../store/store-metrics";
import { storePreparedLogs } from "../store/store-prepared-logs";
import { storePreparedMetrics } from "../store/store-prepared-metrics";
import { decodeLogsInWorker, decodeMetricsInWorker } from "./decode-in-worker";
import { IngestWorkerPool } from "./ingest-worker-pool";

// Metrics and logs through the worker pool (decode + COPY text in a thread, then COPY) must
// store exactly what the event loop's path (decodeMetrics + storeMetrics, decodeLogs + storeLogs)
// stores for the same request, answer the same partial success and 400s, and store a retried
// request once.

const pool = new IngestWorkerPool({ threads: 1, maxQueue: 8, maxQueuedBytes: 16 << 20, retryAfterSeconds: 2 });
afterAll(async () => {
  await pool.destroy();
  await getPool().end();
});

const q = async (sql: string, params: unknown[] = []) => (await getPool().query(sql, params)).rows;
const ms = (n: number) => BigInt(n) * 1_000_000n;
const intAttr = (key: string, value: number) => ({ key, value: { intValue: value } });
const resource = (name: string) => ({ attributes: [stringAttr("service.name", name), stringAttr("host.name", "h\t1")] });

/** Every metric type, exemplars, a point without a value, text COPY must escape, a point repeated within the request, one bad point. */
function awkwardMetrics(service: string, now: number): Uint8Array {
  const at = (agoMs: number, extraNs = 0n) => String(ms(now - agoMs) + extraNs);
  const traceId = Buffer.from(hex(16), "hex");
  const spanId = Buffer.from(hex(8), "hex");
  const exemplar = { timeUnixNano: at(61_000, 7n), asDouble: 12.5, traceId, spanId, filteredAttributes: [stringAttr("user", "a\tb\\c")] };
  const web = [stringAttr("channel", "web\n"), intAttr("shard", 3)];
  const metrics = [
    {
      name: "orders.created",
      description: "Orders\u0000 created",
      unit: "{order}",
      sum: {
        aggregationTemporality: 2,
        isMonotonic: true,
        dataPoints: [
          { attributes: web, startTimeUnixNano: at(600_000), timeUnixNano: at(60_000, 123n), asInt: 3, exemplars: [exemplar, { timeUnixNano: at(60_500), asInt: 7 }] },
          { attributes: [stringAttr("channel", "app")], startTimeUnixNano: at(600_000), timeUnixNano: at(60_000), asDouble: -0.5 },
          // the same series and time as the first point: stored once, the first one wins
          { attributes: web, startTimeUnixNano: at(600_000), timeUnixNano: at(60_000, 123n), asInt: 4 },
          { attributes: web, startTimeUnixNano: at(600_000), timeUnixNano: at(30_000), asInt: 5 },
        ],
      },
    },
    {
      name: "queue.depth",
      gauge: { dataPoints: [{ timeUnixNano: at(10_000), asDouble: 1e-300 }, { timeUnixNano: at(9_000), flags: 1 }, { timeUnixNano: "0", asDouble: 1 }] },
    },
    {
      name: "http.server.duration",
      unit: "ms",
      histogram: {
        aggregationTemporality: 1,
        dataPoints: [
          { attributes: [stringAttr("route", "/a\\b")], startTimeUnixNano: at(80_000), timeUnixNano: at(20_000), count: 5, sum: 625.5, min: 5, max: 500, bucketCounts: [1, 2, 1, 1], explicitBounds: [10, 50.5, 100] },
          { timeUnixNano: at(20_000), count: 0, bucketCounts: [], explicitBounds: [] },
        ],
      },
    },
    {
      name: "payment.amount",
      unit: "EUR",
      exponentialHistogram: {
        aggregationTemporality: 2,
        dataPoints: [
          { timeUnixNano: at(15_000), count: 6, sum: 1266.5, scale: 3, zeroCount: 1, zeroThreshold: 0.001, positive: { offset: -2, bucketCounts: [1, 0, 4] }, negative: { offset: 1, bucketCounts: [0] }, min: 0, max: 1000, exemplars: [exemplar] },
        ],
      },
    },
    { name: "rpc.latency", unit: "s", summary: { dataPoints: [{ timeUnixNano: at(12_000), count: 3, sum: 0.75, quantileValues: [{ quantile: 0.5, value: 0.2 }, { quantile: 1, value: 0.4 }] }] } },
  ];
  const type = otlpTypes.metricsRequest;
  return type
    .encode(
      type.fromObject({
        resourceMetrics: [
          { resource: resource(service), scopeMetrics: [{ scope: { name: "meter\n1", version: "1.0" }, metrics: metrics.slice(0, 3) }] },
          { resource: resource(`${service}-b`), scopeMetrics: [{ metrics: metrics.slice(3) }] },
        ],
      }),
    )
    .finish();
}

/** Bodies of every kind, times from either field, ids valid and not, text COPY must escape, one bad record. */
function awkwardLogs(service: string, now: number, logRecords?: Record<string, unknown>[]): Uint8Array {
  const at = (agoMs: number, extraNs = 0n) => String(ms(now - agoMs) + extraNs);
  const records = logRecords ?? [
    {
      timeUnixNano: at(50_000, 1n),
      observedTimeUnixNano: at(49_000),
      severityNumber: 17,
      severityText: "ERROR",
      body: { stringValue: "payment\tfailed\nline 2 \\ NUL \u0000" },
      attributes: [stringAttr("order.id", "o-1"), intAttr("retry", 2)],
      traceId: Buffer.from(hex(16), "hex"),
      spanId: Buffer.from(hex(8), "hex"),
      flags: 1,
      eventName: "payment.failed",
      droppedAttributesCount: 3,
    },
    { observedTimeUnixNano: at(40_000), severityNumber: 9, body: { kvlistValue: { values: [stringAttr("k", 'v"\\'), intAttr("n", 1)] } } },
    { timeUnixNano: at(30_000), body: { arrayValue: { values: [{ intValue: 1 }, { boolValue: true }] } }, traceId: Buffer.alloc(16), spanId: Buffer.alloc(3) },
    { timeUnixNano: at(20_000) },
    { timeUnixNano: at(20_000), severityNumber: 99 },
  ];
  const type = otlpTypes.logsRequest;
  return type
    .encode(
      type.fromObject({
        resourceLogs: [
          { resource: resource(service), scopeLogs: [{ scope: { name: "logger\t1" }, logRecords: records.slice(0, 3) }] },
          { resource: resource(`${service}-b`), scopeLogs: [{ logRecords: records.slice(3) }] },
        ],
      }),
    )
    .finish();
}

const servicesOf = (service: string) => [service, `${service}-b`];

async function metricsSnapshot(service: string) {
  const series = `SELECT id FROM metric_series WHERE service_name = ANY($1)`;
  const services = servicesOf(service);
  return {
    series: await q(`SELECT to_jsonb(s) - 'first_seen' - 'last_seen' AS row FROM metric_series s WHERE service_name = ANY($1) ORDER BY id`, [services]),
    points: await q(`SELECT to_jsonb(p) AS row FROM metric_points p WHERE series_id IN (${series}) ORDER BY series_id, time`, [services]),
    fiveMinutes: await q(`SELECT to_jsonb(p) AS row FROM metric_points_5m p WHERE series_id IN (${series}) ORDER BY series_id, bucket`, [services]),
    hours: await q(`SELECT to_jsonb(p) AS row FROM metric_points_1h p WHERE series_id IN (${series}) ORDER BY series_id, bucket`, [services]),
    resources: await q(`SELECT to_jsonb(r) AS row FROM resources r WHERE service_name = ANY($1) ORDER BY id`, [services]),
  };
}

async function forgetMetrics(service: string) {
  const series = `SELECT id FROM metric_series WHERE service_name = ANY($1)`;
  for (const table of ["metric_points", "metric_points_5m", "metric_points_1h"]) await q(`DELETE FROM ${table} WHERE series_id IN (${series})`, [servicesOf(service)]);
  await q(`DELETE FROM metric_series WHERE service_name = ANY($1)`, [servicesOf(service)]);
  forgetSeenSeries();
}

async function logsSnapshot(service: string) {
  const services = servicesOf(service);
  return {
    logs: await q(`SELECT to_jsonb(l) AS row FROM log_records l WHERE service_name = ANY($1) ORDER BY record_hash`, [services]),
    resources: await q(`SELECT to_jsonb(r) AS row FROM resources r WHERE service_name = ANY($1) ORDER BY id`, [services]),
  };
}

describe("metrics through the worker pool", () => {
  it("stores exactly what the event loop's path stores: series, points, 5-minute and hour samples, resources", async () => {
    const service = `metrics-${hex(4)}`;
    const now = new Date();
    const body = awkwardMetrics(service, now.getTime());

    const inLoop = decodeMetrics(body, "protobuf", { now });
    expect(inLoop.rejected).toBe(1);
    expect(await storeMetrics(getPool(), inLoop.records)).toEqual({ inserted: 9, duplicates: 1 });
    const expected = await metricsSnapshot(service);
    expect(expected.series).toHaveLength(7);
    expect(expected.points).toHaveLength(9);
    await forgetMetrics(service);

    const { prepared } = await pool.prepareMetrics(body.slice(), "protobuf", now);
    expect({ rejected: prepared.rejected, errors: prepared.errors }).toEqual({ rejected: inLoop.rejected, errors: inLoop.errors });
    expect(await storePreparedMetrics(getPool(), prepared)).toEqual({ inserted: 9, duplicates: 1 });
    expect(await metricsSnapshot(service)).toEqual(expected);

    // The same request again (an exporter's retry): nothing new, samples unchanged.
    expect(await storePreparedMetrics(getPool(), prepared)).toEqual({ inserted: 0, duplicates: 10 });
    expect(await metricsSnapshot(service)).toEqual(expected);
  });

  it("moves a sample to a later point sent by a later request, as the event loop's path does", async () => {
    const service = `samples-${hex(4)}`;
    const now = Date.now();
    const point = (agoMs: number, value: number) => ({ timeUnixNano: String(ms(now - agoMs)), asDouble: value });
    const request = (points: unknown[]) =>
      otlpTypes.metricsRequest.encode(otlpTypes.metricsRequest.fromObject({ resourceMetrics: [{ resource: resource(service), scopeMetrics: [{ metrics: [{ name: "depth", gauge: { dataPoints: points } }] }] }] })).finish();
    const first = request([point(3_000, 1), point(2_000, 2)]);
    const second = request([point(1_000, 3), point(4_000, 0)]);

    for (const body of [first, second]) await storeMetrics(getPool(), decodeMetrics(body, "protobuf").records);
    const expected = await metricsSnapshot(service);
    await forgetMetrics(service);
    for (const body of [first, second]) await storePreparedMetrics(getPool(), (await pool.prepareMetrics(body, "protobuf", new Date())).prepared);
    expect(await metricsSnapshot(service)).toEqual(expected);
    expect(expected.fiveMinutes.length).toBeGreaterThan(0);
  });

  it("refuses a request whose every point is bad with the event loop's 400 message", async () => {
    const body = otlpTypes.metricsRequest.encode(otlpTypes.metricsRequest.fromObject({ resourceMetrics: [{ scopeMetrics: [{ metrics: [{ name: "x", gauge: { dataPoints: [{ timeUnixNano: "0", asDouble: 1 }] } }] }] }] })).finish();
    const inLoop = decodeMetrics(body, "protobuf");
    await expect(decodeMetricsInWorker(pool)(body.slice(), "protobuf", () => {})).rejects.toMatchObject({
      code: "bad_request",
      message: `all 1 data points were rejected: ${inLoop.errors.join("; ")}`,
    });
  });
});

describe("logs through the worker pool", () => {
  it("stores exactly what the event loop's path stores: records and resources", async () => {
    const service = `logs-${hex(4)}`;
    const now = new Date();
    const body = awkwardLogs(service, now.getTime());

    const inLoop = decodeLogs(body, "protobuf", { now });
    expect(inLoop.rejected).toBe(1);
    expect(await storeLogs(getPool(), inLoop.records)).toEqual({ inserted: 4, duplicates: 0 });
    const expected = await logsSnapshot(service);
    expect(expected.logs).toHaveLength(4);
    await q(`DELETE FROM log_records WHERE service_name = ANY($1)`, [servicesOf(service)]);

    const { prepared } = await pool.prepareLogs(body.slice(), "protobuf", now);
    expect({ rejected: prepared.rejected, errors: prepared.errors }).toEqual({ rejected: inLoop.rejected, errors: inLoop.errors });
    expect(await storePreparedLogs(getPool(), prepared)).toEqual({ inserted: 4 });
    expect(await logsSnapshot(service)).toEqual(expected);

    // The same request again: nothing is written, and the caller is told to skip duplicates.
    expect(await storePreparedLogs(getPool(), prepared)).toBe("duplicates");
    expect(await logsSnapshot(service)).toEqual(expected);
  });

  it("stores a retried request, and a record repeated within one, once (through the event loop's path)", async () => {
    const service = `logs-retry-${hex(4)}`;
    const now = Date.now();
    const line = { timeUnixNano: String(ms(now - 5_000)), body: { stringValue: "same line" } };
    const body = awkwardLogs(service, now, [line, line, { ...line, timeUnixNano: String(ms(now - 4_000)) }]);
    for (let attempt = 0; attempt < 2; attempt++) {
      const decoded = await decodeLogsInWorker(pool)(body.slice(), "protobuf", () => {});
      await decoded.store();
    }
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM log_records WHERE service_name = ANY($1)`, [servicesOf(service)]);
    expect(n).toBe(2);
  });

  it("refuses a request whose every record is bad with the event loop's 400 message", async () => {
    const body = awkwardLogs(`bad-${hex(4)}`, Date.now(), [{ timeUnixNano: "0" }]);
    const inLoop = decodeLogs(body, "protobuf");
    await expect(decodeLogsInWorker(pool)(body.slice(), "protobuf", () => {})).rejects.toMatchObject({
      code: "bad_request",
      message: `all 1 log records were rejected: ${inLoop.errors.join("; ")}`,
    });
  });
});

describe("the OTLP routes", () => {
  it("decode metrics and logs in the worker once it is ready, answering partial success as before", async () => {
    globalThis.sightlineIngestWorkerPool = pool;
    await pool.whenReady();
    const server = await startRouteServer({ "/api/otlp/v1/metrics": metricsRoute, "/api/otlp/v1/logs": logsRoute });
    try {
      const service = `routes-${hex(4)}`;
      const now = Date.now();
      const post = async (signal: "metrics" | "logs", body: Uint8Array) => {
        const response = await fetch(`${server.url}/api/otlp/v1/${signal}`, { method: "POST", body: body as BodyInit, headers: { "Content-Type": "application/x-protobuf", Authorization: `Bearer ${TEST_INGEST_KEY}` } });
        return { status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
      };
      const before = pool.load.completed;
      const metrics = await post("metrics", awkwardMetrics(service, now));
      const logs = await post("logs", awkwardLogs(service, now));
      expect(pool.load.completed - before).toBe(2);
      expect(metrics.status).toBe(200);
      expect(otlpTypes.metricsResponse.toObject(otlpTypes.metricsResponse.decode(metrics.body), { longs: Number })).toMatchObject({ partialSuccess: { rejectedDataPoints: 1 } });
      expect(logs.status).toBe(200);
      expect(otlpTypes.logsResponse.toObject(otlpTypes.logsResponse.decode(logs.body), { longs: Number })).toMatchObject({ partialSuccess: { rejectedLogRecords: 1 } });
      expect((await metricsSnapshot(service)).points).toHaveLength(9);
      expect((await logsSnapshot(service)).logs).toHaveLength(4);
    } finally {
      globalThis.sightlineIngestWorkerPool = undefined;
      await server.close();
    }
  });
});
