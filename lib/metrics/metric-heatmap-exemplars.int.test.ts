import { adminRequest } from "@/lib/testing/test-auth";
import { context, trace } from "@opentelemetry/api";
import { ProtobufMetricsSerializer } from "@opentelemetry/otlp-transformer";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exemplarsRoute } from "@/app/api/v1/metrics/exemplars/route";
import { GET as heatmapRoute } from "@/app/api/v1/metrics/heatmap/route";
import { GET as queryRoute } from "@/app/api/v1/metrics/query/route";
import * as metricsIngestRoute from "@/app/api/otlp/v1/metrics/route";
import { getPool } from "@/lib/db/client";
import { otlpTypes } from "@/lib/ingest/otlp/otlp-root";
import { metricExemplarsResponseSchema, metricHeatmapResponseSchema, metricQueryResponseSchema } from "@/lib/schemas/metrics";
import { gaugePoints, histogramPoints, seedMetrics } from "@/lib/testing/seed-metrics";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";

// The heatmap, exemplar and downsampling answers of the metrics API, through the real route
// handlers. Exemplars come from a real OpenTelemetry JS SDK histogram sent through the real
// OTLP route: the JS SDK (sdk-metrics 2.12) has exemplar reservoirs in its source but does not
// attach them to exported points, so the test adds them to the SDK's own export request with
// the generated OTLP protobuf types, taking trace and span ids from real SDK spans.

const suffix = randomBytes(4).toString("hex");
const names = { duration: `heat.duration.${suffix}`, queue: `heat.queue.${suffix}`, sdk: `sdk.request.duration.${suffix}` };
const service = `heat-${suffix}`;
const MINUTE = 60_000;
const t0 = Math.floor((Date.now() - 2 * 3_600_000) / MINUTE) * MINUTE;
const s = (seconds: number) => t0 + seconds * 1_000;
const get = async <T>(route: typeof heatmapRoute, path: string, schema: { parse: (v: unknown) => T }) => {
  const response = await route(adminRequest(path), {});
  return { status: response.status, body: response.status === 200 ? schema.parse(await response.json()) : ((await response.json()) as unknown) };
};

let server: RouteServer;

beforeAll(async () => {
  server = await startRouteServer({ "/api/otlp/v1/metrics": metricsIngestRoute });
  await seedMetrics(getPool(), [
    ...histogramPoints({ name: names.duration, service, attributes: { route: "/a" }, unit: "ms", startMs: t0 - 3_600_000 }, [10, 50, 100, 500], [
      [s(-30), [5, 0, 0, 0, 0], 20],
      [s(30), [10, 40, 0, 0, 0], 1_000],
      [s(90), [10, 40, 30, 0, 2], 5_000],
    ]),
    ...gaugePoints({ name: names.queue, service }, [[s(10), 3]]),
  ]);
});
afterAll(async () => {
  await server.close();
});

describe("GET /api/v1/metrics/heatmap", () => {
  it("counts each step's new observations per bucket", async () => {
    const { status, body } = await get(heatmapRoute, `/api/v1/metrics/heatmap?name=${names.duration}&from=${t0}&to=${s(120)}&step=60`, metricHeatmapResponseSchema);
    expect(status).toBe(200);
    expect(body).toEqual({
      name: names.duration,
      type: "histogram",
      unit: "ms",
      step: 60,
      requestedStep: 60,
      // Empty buckets between observed ones stay; the overflow bucket's bound is null (+Infinity).
      upperBounds: [10, 50, 100, 500, null],
      cells: [
        [t0, 0, 5],
        [t0, 1, 40],
        [s(60), 2, 30],
        [s(60), 4, 2],
      ],
    });
  });

  it("filters by label and answers an empty heatmap when nothing matches", async () => {
    const { body } = await get(heatmapRoute, `/api/v1/metrics/heatmap?name=${names.duration}&filter=route%3D%2Fb&from=${t0}&to=${s(120)}`, metricHeatmapResponseSchema);
    expect(body).toMatchObject({ type: null, upperBounds: [], cells: [] });
  });

  it("refuses a metric that is not a histogram, naming it", async () => {
    const { status, body } = await get(heatmapRoute, `/api/v1/metrics/heatmap?name=${names.queue}&from=${t0}&to=${s(120)}`, metricHeatmapResponseSchema);
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: "bad_request", message: `name: ${names.queue} is a gauge metric; a heatmap needs a histogram` } });
  });

  it("raises a step that would give more than 1000 columns and says so", async () => {
    const { body } = await get(heatmapRoute, `/api/v1/metrics/heatmap?name=${names.duration}&from=${t0 - 7 * 86_400_000}&to=${s(120)}&step=10s`, metricHeatmapResponseSchema);
    expect(body).toMatchObject({ requestedStep: 10 });
    expect((body as { step: number }).step).toBeGreaterThanOrEqual(605);
  });
});

describe("GET /api/v1/metrics/query downsampling", () => {
  it("raises a requested step over a long window instead of refusing it, at most 1000 points a series", async () => {
    const from = t0 - 7 * 86_400_000;
    const { status, body } = await get(queryRoute, `/api/v1/metrics/query?name=${names.duration}&agg=p50&from=${from}&to=${s(120)}&step=10s`, metricQueryResponseSchema);
    expect(status).toBe(200);
    const answer = body as { step: number; requestedStep: number; series: { points: unknown[] }[] };
    expect(answer.requestedStep).toBe(10);
    expect(answer.step).toBe(900);
    expect(Math.ceil((s(120) - from) / (answer.step * 1_000))).toBeLessThanOrEqual(1_000);
    expect(answer.series[0]?.points.length).toBeGreaterThan(0);
  });

  it("keeps a requested step that fits", async () => {
    const { body } = await get(queryRoute, `/api/v1/metrics/query?name=${names.duration}&agg=p50&from=${t0}&to=${s(120)}&step=30s`, metricQueryResponseSchema);
    expect(body).toMatchObject({ step: 30, requestedStep: 30 });
  });
});

class ManualReader extends MetricReader {
  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}

interface RecordedExemplar {
  value: number;
  traceId: string;
  spanId: string;
  timeNs: bigint;
}

/** A real SDK histogram recorded inside real spans, exported through the OTLP route with exemplars added (see the top). */
async function exportHistogramWithExemplars(values: number[]): Promise<RecordedExemplar[]> {
  const tracer = new BasicTracerProvider().getTracer("checkout");
  const reader = new ManualReader();
  const meters = new MeterProvider({ resource: resourceFromAttributes({ "service.name": service }), readers: [reader] });
  const histogram = meters.getMeter("checkout").createHistogram(names.sdk, { unit: "ms", advice: { explicitBucketBoundaries: [10, 50, 100, 500] } });
  const recorded: RecordedExemplar[] = [];
  values.forEach((value, index) => {
    const span = tracer.startSpan("POST /checkout");
    context.with(trace.setSpan(context.active(), span), () => histogram.record(value, { "http.route": "/checkout" }));
    const { traceId, spanId } = span.spanContext();
    recorded.push({ value, traceId, spanId, timeNs: BigInt(Date.now() - (values.length - index) * 1_000) * 1_000_000n });
    span.end();
  });
  const { resourceMetrics, errors } = await reader.collect();
  expect(errors).toEqual([]);
  const bytes = ProtobufMetricsSerializer.serializeRequest(resourceMetrics);
  if (!bytes) throw new Error("the SDK serialised nothing");

  const request = otlpTypes.metricsRequest.toObject(otlpTypes.metricsRequest.decode(bytes), { longs: String, bytes: Array }) as {
    resourceMetrics: { scopeMetrics: { metrics: { name: string; histogram?: { dataPoints: { exemplars?: unknown[] }[] } }[] }[] }[];
  };
  const point = request.resourceMetrics[0]?.scopeMetrics[0]?.metrics.find((m) => m.name === names.sdk)?.histogram?.dataPoints[0];
  if (!point) throw new Error("the SDK export holds no histogram point");
  // The JS SDK does not export exemplars today; the recorded ones are put on its own point.
  point.exemplars = recorded.map((r) => ({
    timeUnixNano: r.timeNs.toString(),
    asDouble: r.value,
    traceId: [...Buffer.from(r.traceId, "hex")],
    spanId: [...Buffer.from(r.spanId, "hex")],
    filteredAttributes: [{ key: "user.tier", value: { stringValue: "gold" } }],
  }));
  const body = otlpTypes.metricsRequest.encode(otlpTypes.metricsRequest.fromObject(request)).finish();
  const response = await fetch(`${server.url}/api/otlp/v1/metrics`, {
    method: "POST",
    headers: { Authorization: `Bearer ${TEST_INGEST_KEY}`, "Content-Type": "application/x-protobuf" },
    body: Buffer.from(body),
  });
  expect(response.status).toBe(200);
  await meters.shutdown();
  return recorded;
}

describe("GET /api/v1/metrics/exemplars", () => {
  let recorded: RecordedExemplar[];
  const window = () => `from=${Date.now() - 10 * MINUTE}&to=${Date.now() + MINUTE}`;

  beforeAll(async () => {
    recorded = await exportHistogramWithExemplars([12, 480, 75, 30]);
  });

  it("lists the exemplars an SDK export carried, newest first, with their trace, span and labels", async () => {
    const { status, body } = await get(exemplarsRoute, `/api/v1/metrics/exemplars?name=${names.sdk}&${window()}`, metricExemplarsResponseSchema);
    expect(status).toBe(200);
    const answer = body as { unit: string; exemplars: { timeMs: number; value: number; traceId: string; spanId: string | null; labels: Record<string, string> }[] };
    expect(answer.unit).toBe("ms");
    expect(answer.exemplars.map((e) => e.traceId)).toEqual([...recorded].reverse().map((r) => r.traceId));
    expect(answer.exemplars[0]).toEqual({
      timeMs: Number(recorded[3]!.timeNs / 1_000_000n),
      value: 30,
      traceId: recorded[3]!.traceId,
      spanId: recorded[3]!.spanId,
      labels: { "user.tier": "gold", "http.route": "/checkout", "service.name": service },
    });
  });

  it("orders by value for the slowest first, and bounds the list", async () => {
    const { body } = await get(exemplarsRoute, `/api/v1/metrics/exemplars?name=${names.sdk}&order=slowest&limit=2&${window()}`, metricExemplarsResponseSchema);
    expect((body as { exemplars: { value: number }[] }).exemplars.map((e) => e.value)).toEqual([480, 75]);
  });

  it("filters by label and window", async () => {
    const other = await get(exemplarsRoute, `/api/v1/metrics/exemplars?name=${names.sdk}&filter=http.route%3D%2Fother&${window()}`, metricExemplarsResponseSchema);
    expect((other.body as { exemplars: unknown[] }).exemplars).toEqual([]);
    const earlier = await get(exemplarsRoute, `/api/v1/metrics/exemplars?name=${names.sdk}&from=${t0}&to=${s(120)}`, metricExemplarsResponseSchema);
    expect((earlier.body as { exemplars: unknown[] }).exemplars).toEqual([]);
  });

  it("refuses a limit above the ceiling", async () => {
    const { status } = await get(exemplarsRoute, `/api/v1/metrics/exemplars?name=${names.sdk}&limit=5000`, metricExemplarsResponseSchema);
    expect(status).toBe(400);
  });
});
