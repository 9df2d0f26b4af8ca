import { JsonMetricsSerializer, ProtobufMetricsSerializer } from "@opentelemetry/otlp-transformer";
import { DataPointType, type ExponentialHistogramMetricData, type ResourceMetrics } from "@opentelemetry/sdk-metrics";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeMetrics } from "./decode-metrics";
import type { MetricPointRecord } from "./model";
import { jsonBody, metricsJsonRequest, metricsRequest, NOW_NANOS, spanId, TRACE_ID } from "./testing/otlp-requests";
import { hrTimeToNanos, recordMetrics, SERVICE_RESOURCE, T0_DATE } from "./testing/sdk-telemetry";

type Of<T extends MetricPointRecord["type"]> = MetricPointRecord & { type: T };

describe("decodeMetrics on what the OpenTelemetry JS exporters send", () => {
  let collected: ResourceMetrics;
  beforeAll(async () => {
    collected = await recordMetrics();
  });

  const encodings = [
    ["protobuf", () => ProtobufMetricsSerializer.serializeRequest(collected)],
    ["json", () => JsonMetricsSerializer.serializeRequest(collected)],
  ] as const;

  const byName = (records: MetricPointRecord[], name: string) => records.filter((r) => r.name === name);

  it.each(encodings)("keeps counters, up-down counters and gauges (%s)", (encoding, serialize) => {
    const { records, rejected } = decodeMetrics(serialize() as Uint8Array, encoding);
    expect(rejected).toBe(0);
    expect(records).toHaveLength(6);

    const orders = byName(records, "orders.created") as Of<"sum">[];
    expect(orders.map((p) => [p.attributes, p.value])).toEqual([
      [{ channel: "web" }, 3],
      [{ channel: "app" }, 2],
    ]);
    expect(orders[0]).toMatchObject({
      type: "sum",
      description: "Orders created",
      unit: "{order}",
      isMonotonic: true,
      aggregationTemporality: 2, // CUMULATIVE in OTLP numbering
      serviceName: "checkout",
      resource: { attributes: SERVICE_RESOURCE },
      scope: { name: "checkout-metrics", version: "4.5.6" },
    });

    expect(byName(records, "orders.in_flight")).toMatchObject([{ type: "sum", isMonotonic: false, value: -2 }]);
    expect(byName(records, "queue.depth")).toMatchObject([
      { type: "gauge", unit: "{job}", aggregationTemporality: 0, attributes: { queue: "emails" }, value: 12.5 },
    ]);
  });

  it.each(encodings)("keeps histogram buckets (%s)", (encoding, serialize) => {
    const { records } = decodeMetrics(serialize() as Uint8Array, encoding);
    expect(byName(records, "http.server.duration")).toMatchObject([
      {
        type: "histogram",
        unit: "ms",
        attributes: { route: "/orders" },
        count: 5,
        sum: 625,
        min: 5,
        max: 500,
        bucketCounts: [1, 2, 1, 1],
        explicitBounds: [10, 50, 100],
      },
    ]);
  });

  it.each(encodings)("keeps exponential histogram buckets exactly as the SDK aggregated them (%s)", (encoding, serialize) => {
    const sdkMetric = collected.scopeMetrics[0]?.metrics.find(
      (m) => m.dataPointType === DataPointType.EXPONENTIAL_HISTOGRAM,
    ) as ExponentialHistogramMetricData;
    const sdkPoint = sdkMetric.dataPoints[0];
    if (!sdkPoint) throw new Error("the SDK produced no exponential histogram point");

    const { records } = decodeMetrics(serialize() as Uint8Array, encoding);
    const [point] = byName(records, "payment.amount") as Of<"exponential_histogram">[];
    expect(point).toMatchObject({
      type: "exponential_histogram",
      unit: "EUR",
      count: 6,
      sum: 1266.5,
      min: 0,
      max: 1000,
      zeroCount: 1,
      scale: sdkPoint.value.scale,
      positive: { offset: sdkPoint.value.positive.offset, bucketCounts: sdkPoint.value.positive.bucketCounts },
      negative: { offset: 0, bucketCounts: [] },
    });
    expect(point?.positive.bucketCounts.reduce((a, b) => a + b, 0)).toBe(5);
  });

  it.each(encodings)("keeps every point's timestamps to the nanosecond (%s)", (encoding, serialize) => {
    const { records } = decodeMetrics(serialize() as Uint8Array, encoding);
    const sdkPoints = collected.scopeMetrics.flatMap((s) => s.metrics.flatMap((m) => m.dataPoints.map((p) => [m.descriptor.name, p] as const)));
    expect(records.map((r) => [r.name, r.startTimeUnixNano, r.timeUnixNano])).toEqual(
      sdkPoints.map(([name, p]) => [name, hrTimeToNanos(p.startTime), hrTimeToNanos(p.endTime)]),
    );
  });

  it("decodes the JSON and protobuf forms of one export identically", () => {
    const fromProtobuf = decodeMetrics(ProtobufMetricsSerializer.serializeRequest(collected) as Uint8Array, "protobuf");
    const fromJson = decodeMetrics(JsonMetricsSerializer.serializeRequest(collected) as Uint8Array, "json");
    expect(fromJson).toEqual(fromProtobuf);
  });
});

const now = T0_DATE;
const at = (offsetNanos: bigint) => String(NOW_NANOS + offsetNanos);

const bothEncodings = [
  ["protobuf", metricsRequest],
  ["json", metricsJsonRequest],
] as const;

describe("decodeMetrics on types and fields the JS SDK does not emit", () => {
  it.each(bothEncodings)("decodes a summary (%s)", (encoding, request) => {
    const body = request([
      {
        name: "rpc.latency",
        unit: "s",
        summary: {
          dataPoints: [
            {
              startTimeUnixNano: at(-60_000_000_000n),
              timeUnixNano: at(0n),
              count: "1000",
              sum: 123.5,
              quantileValues: [
                { quantile: 0, value: 0.01 },
                { quantile: 0.99, value: 1.2 },
                { quantile: 1, value: 2.5 },
              ],
              attributes: [{ key: "method", value: { stringValue: "Pay" } }],
            },
          ],
        },
      },
    ]);
    const { records, rejected } = decodeMetrics(body, encoding, { now });
    expect(rejected).toBe(0);
    expect(records).toEqual([
      expect.objectContaining({
        type: "summary",
        name: "rpc.latency",
        aggregationTemporality: 0,
        count: 1000,
        sum: 123.5,
        quantileValues: [
          { quantile: 0, value: 0.01 },
          { quantile: 0.99, value: 1.2 },
          { quantile: 1, value: 2.5 },
        ],
        attributes: { method: "Pay" },
        startTimeUnixNano: NOW_NANOS - 60_000_000_000n,
        timeUnixNano: NOW_NANOS,
        serviceName: "unknown_service",
      }),
    ]);
  });

  it.each(bothEncodings)("decodes an exponential histogram with both ranges, a zero threshold and exemplars (%s)", (encoding, request) => {
    const body = request([
      {
        name: "queue.wait",
        exponentialHistogram: {
          aggregationTemporality: 1,
          dataPoints: [
            {
              timeUnixNano: at(0n),
              count: "9",
              scale: -2,
              zeroCount: "2",
              zeroThreshold: 0.001,
              positive: { offset: -3, bucketCounts: ["1", "0", "4"] },
              negative: { offset: 2, bucketCounts: ["2"] },
              exemplars: [
                { timeUnixNano: at(-5n), asDouble: 7.5, traceId: TRACE_ID, spanId: spanId(3), filteredAttributes: [{ key: "user", value: { stringValue: "u1" } }] },
                { timeUnixNano: at(-6n), asInt: "4", traceId: Buffer.alloc(16), spanId: Buffer.alloc(3, 1) },
              ],
              flags: 0,
            },
          ],
        },
      },
    ]);
    const { records, rejected } = decodeMetrics(body, encoding, { now });
    expect(rejected).toBe(0);
    expect(records[0]).toMatchObject({
      type: "exponential_histogram",
      aggregationTemporality: 1,
      count: 9,
      sum: null, // optional and unset: absent, not 0
      min: null,
      max: null,
      scale: -2,
      zeroCount: 2,
      zeroThreshold: 0.001,
      positive: { offset: -3, bucketCounts: [1, 0, 4] },
      negative: { offset: 2, bucketCounts: [2] },
      startTimeUnixNano: 0n,
      exemplars: [
        {
          timeUnixNano: NOW_NANOS - 5n,
          value: 7.5,
          traceId: TRACE_ID.toString("hex"),
          spanId: spanId(3).toString("hex"),
          filteredAttributes: { user: "u1" },
        },
        // Invalid exemplar ids mean "no trace", not a broken point.
        { timeUnixNano: NOW_NANOS - 6n, value: 4, traceId: null, spanId: null, filteredAttributes: {} },
      ],
    });
  });

  it.each(bothEncodings)("decodes integer points and a staleness marker without a value (%s)", (encoding, request) => {
    const body = request([
      {
        name: "jobs",
        sum: {
          aggregationTemporality: 2,
          isMonotonic: true,
          dataPoints: [
            { timeUnixNano: at(0n), asInt: "9007199254740991" },
            { timeUnixNano: at(0n), flags: 1 },
          ],
        },
      },
    ]);
    const { records, rejected } = decodeMetrics(body, encoding, { now });
    expect(rejected).toBe(0);
    expect(records.map((r) => [(r as Of<"sum">).value, r.flags])).toEqual([
      [9007199254740991, 0],
      [null, 1],
    ]);
  });

  it("reads OTLP/JSON exemplar ids in hex and rejects the point with a non-hex one", () => {
    const point = (traceId: string) => ({
      timeUnixNano: at(0n),
      asDouble: 1,
      exemplars: [{ timeUnixNano: at(-1n), asDouble: 1, traceId, spanId: "0000000000000003" }],
    });
    const body = jsonBody({
      resourceMetrics: [
        {
          scopeMetrics: [{ metrics: [{ name: "g", gauge: { dataPoints: [point(TRACE_ID.toString("hex")), point("not-hex")] } }] }],
        },
      ],
    });
    const result = decodeMetrics(body, "json", { now });
    expect(result.records).toHaveLength(1);
    expect((result.records[0] as Of<"gauge">).exemplars[0]?.traceId).toBe(TRACE_ID.toString("hex"));
    expect(result.rejected).toBe(1);
    expect(result.errors).toEqual([
      'data point 1 of metric "g" in resource 0: exemplars[0].traceId must be a hex string, got "not-hex"',
    ]);
  });
});

describe("decodeMetrics validation (partial success)", () => {
  const gauge = (dataPoints: Record<string, unknown>[]) => metricsRequest([{ name: "g", gauge: { dataPoints } }]);
  const good = { timeUnixNano: at(0n), asDouble: 1 };

  it.each([
    ["no value", { timeUnixNano: at(0n) }, "data point has neither asInt nor asDouble"],
    ["no time", { asDouble: 1 }, "timeUnixNano is missing"],
    ["a time in seconds", { asDouble: 1, timeUnixNano: "1767225600" }, "timeUnixNano 1767225600 is before the year 2000"],
    [
      "a start after its time",
      { asDouble: 1, timeUnixNano: at(0n), startTimeUnixNano: at(1n) },
      `startTimeUnixNano ${NOW_NANOS + 1n} is after timeUnixNano ${NOW_NANOS}`,
    ],
    [
      "too many attributes",
      { ...{ timeUnixNano: at(0n), asDouble: 1 }, attributes: Array.from({ length: 1025 }, (_, i) => ({ key: `k${i}`, value: { intValue: i } })) },
      "1025 attributes, limit 1024",
    ],
    ["an exemplar without a value", { ...{ timeUnixNano: at(0n), asDouble: 1 }, exemplars: [{ timeUnixNano: at(0n) }] }, "exemplar 0 has neither asInt nor asDouble"],
  ])("rejects only the point with %s", (_case, bad, message) => {
    const result = decodeMetrics(gauge([good, bad, good]), "protobuf", { now });
    expect(result.rejected).toBe(1);
    expect(result.records).toHaveLength(2);
    expect(result.errors).toEqual([`data point 1 of metric "g" in resource 0: ${message}`]);
  });

  it("rejects a histogram point whose buckets do not match its bounds", () => {
    const body = metricsRequest([
      {
        name: "h",
        histogram: {
          aggregationTemporality: 2,
          dataPoints: [
            { timeUnixNano: at(0n), count: "3", bucketCounts: ["1", "2"], explicitBounds: [5, 10] },
            { timeUnixNano: at(0n), count: "3", bucketCounts: ["1", "2"], explicitBounds: [5] },
            { timeUnixNano: at(0n), count: "3" }, // count and sum only: allowed
          ],
        },
      },
    ]);
    const result = decodeMetrics(body, "protobuf", { now });
    expect(result.errors).toEqual(['data point 0 of metric "h" in resource 0: histogram has 2 bucket counts for 2 explicit bounds']);
    expect(result.records.map((r) => (r as Of<"histogram">).bucketCounts)).toEqual([[1, 2], []]);
  });

  it("rejects every point of a metric with an unknown temporality", () => {
    const body = metricsRequest([
      { name: "s", sum: { aggregationTemporality: 5, dataPoints: [good, good] } },
      { name: "ok", sum: { aggregationTemporality: 1, dataPoints: [good] } },
    ]);
    const result = decodeMetrics(body, "protobuf", { now });
    expect(result.rejected).toBe(2);
    expect(result.errors).toEqual(['metric "s" in resource 0: aggregationTemporality must be 0..2, got 5']);
    expect(result.records.map((r) => r.name)).toEqual(["ok"]);
  });
});
