import { context, trace, SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { SeverityNumber } from "@opentelemetry/api-logs";
import { OTLPLogExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { OTLPTraceExporter as JsonTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { LoggerProvider, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as logsRoute from "@/app/api/otlp/v1/logs/route";
import * as metricsRoute from "@/app/api/otlp/v1/metrics/route";
import * as tracesRoute from "@/app/api/otlp/v1/traces/route";
import { getPool } from "@/lib/db/client";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";

// The real OpenTelemetry JS SDK exporters send to the real OTLP route handlers over HTTP;
// what they sent must come back from the store with ids, parents, attributes and times intact.

const headers = { Authorization: `Bearer ${TEST_INGEST_KEY}` };
let server: RouteServer;

beforeAll(async () => {
  server = await startRouteServer({
    "/api/otlp/v1/traces": tracesRoute,
    "/api/otlp/v1/metrics": metricsRoute,
    "/api/otlp/v1/logs": logsRoute,
  });
});
afterAll(async () => {
  await server.close();
  await getPool().end();
});

async function sendTrace(exporter: SpanExporter, service: string) {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": service, "service.version": "1.4.2", "host.name": "shop-1" }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("checkout-instrumentation", "0.1.0");
  const root = tracer.startSpan("POST /checkout", { kind: SpanKind.SERVER, attributes: { "http.route": "/checkout", "enduser.id": "u-42", "order.amount": 129.5 } });
  const child = tracer.startSpan("charge card", { kind: SpanKind.CLIENT, attributes: { "peer.service": "payment-provider", retries: 2, "feature.flags": ["a", "b"] } }, trace.setSpan(context.active(), root));
  child.addEvent("exception", { "exception.type": "TimeoutError", "exception.message": "provider timed out" });
  child.setStatus({ code: SpanStatusCode.ERROR, message: "provider timed out" });
  child.end();
  root.end();
  await provider.forceFlush();
  await provider.shutdown();
  return { root: root.spanContext(), child: child.spanContext(), rootSpan: root, childSpan: child };
}

async function storedSpans(traceId: string) {
  const { rows } = await getPool().query(
    `SELECT encode(span_id, 'hex') AS span_id, encode(parent_span_id, 'hex') AS parent, service_name, name, kind, start_ns::text,
            duration_ns::text, status_code, status_message, is_timeout, attributes, scope_name,
            (SELECT attributes FROM resources r WHERE r.id = s.resource_id) AS resource
       FROM spans s WHERE trace_id = decode($1, 'hex') ORDER BY parent_span_id NULLS FIRST`,
    [traceId],
  );
  return rows;
}

describe.each([
  ["http/protobuf", (url: string) => new ProtoTraceExporter({ url, headers })],
  ["http/json", (url: string) => new JsonTraceExporter({ url, headers })],
])("traces over %s", (name, makeExporter) => {
  it("arrive with ids, parents, kinds, attributes, events and timings intact", async () => {
    const service = `checkout-${name.replace("/", "-")}`;
    const sent = await sendTrace(makeExporter(`${server.url}/api/otlp/v1/traces`), service);
    const spans = await storedSpans(sent.root.traceId);
    expect(spans).toHaveLength(2);
    const [root, child] = spans;
    expect(root).toMatchObject({ span_id: sent.root.spanId, parent: null, service_name: service, name: "POST /checkout", kind: 2, status_code: 0, scope_name: "checkout-instrumentation" });
    expect(root.attributes).toEqual({ "http.route": "/checkout", "enduser.id": "u-42", "order.amount": 129.5 });
    expect(root.resource).toMatchObject({ "service.name": service, "service.version": "1.4.2", "host.name": "shop-1" });
    expect(child).toMatchObject({ span_id: sent.child.spanId, parent: sent.root.spanId, kind: 3, status_code: 2, status_message: "provider timed out", is_timeout: true });
    expect(child.attributes).toEqual({ "peer.service": "payment-provider", retries: 2, "feature.flags": ["a", "b"] });
    // nanosecond timestamps survive the trip exactly
    const [sec, nanos] = (sent.rootSpan as unknown as { startTime: [number, number] }).startTime;
    expect(root.start_ns).toBe((BigInt(sec) * 1_000_000_000n + BigInt(nanos)).toString());
    const events = await getPool().query("SELECT name, attributes FROM span_events WHERE trace_id = decode($1, 'hex')", [sent.root.traceId]);
    expect(events.rows).toEqual([{ name: "exception", attributes: { "exception.type": "TimeoutError", "exception.message": "provider timed out" } }]);
  });
});

describe("metrics over http/protobuf", () => {
  it("arrive as series and points, histogram buckets included", async () => {
    const exporter = new OTLPMetricExporter({ url: `${server.url}/api/otlp/v1/metrics`, headers });
    const provider = new MeterProvider({
      resource: resourceFromAttributes({ "service.name": "inventory" }),
      readers: [new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 600_000 })],
    });
    const meter = provider.getMeter("inventory-metrics");
    meter.createCounter("orders.reserved", { unit: "{order}" }).add(5, { warehouse: "east" });
    const latency = meter.createHistogram("http.server.request.duration", { unit: "s" });
    for (const v of [0.004, 0.02, 0.02, 0.3, 1.7]) latency.record(v, { "http.route": "/reserve" });
    await provider.forceFlush();
    await provider.shutdown(); // exports the cumulative points once more: the newest per series is read

    const { rows } = await getPool().query(
      `SELECT DISTINCT ON (s.name) s.name, s.type, s.unit, s.temporality, s.is_monotonic, s.attributes, p.value, p.count::int, p.sum, p.min, p.max,
              p.bucket_counts::int[] AS buckets, p.explicit_bounds AS bounds
         FROM metric_points p JOIN metric_series s ON s.id = p.series_id
        WHERE s.service_name = 'inventory' ORDER BY s.name, p.time DESC`,
    );
    expect(rows).toHaveLength(2);
    const [histogram, counter] = rows;
    expect(counter).toMatchObject({ name: "orders.reserved", type: "sum", unit: "{order}", temporality: 2, is_monotonic: true, attributes: { warehouse: "east" }, value: 5 });
    expect(histogram).toMatchObject({ name: "http.server.request.duration", type: "histogram", unit: "s", count: 5, min: 0.004, max: 1.7 });
    expect(histogram.sum).toBeCloseTo(2.044, 6);
    expect(histogram.buckets.reduce((a: number, b: number) => a + b, 0)).toBe(5);
    expect(histogram.bounds.length + 1).toBe(histogram.buckets.length);
  });
});

describe("logs over http/protobuf", () => {
  it("arrive with severity, body, attributes and trace context", async () => {
    const provider = new LoggerProvider({
      resource: resourceFromAttributes({ "service.name": "payment" }),
      processors: [new SimpleLogRecordProcessor({ exporter: new OTLPLogExporter({ url: `${server.url}/api/otlp/v1/logs`, headers }) })],
    });
    const tracer = new BasicTracerProvider().getTracer("t");
    const span = tracer.startSpan("charge");
    provider.getLogger("payment-logger").emit({
      severityNumber: SeverityNumber.WARN,
      severityText: "WARN",
      body: "card issuer slow",
      attributes: { "payment.provider": "acme" },
      context: trace.setSpan(context.active(), span),
    });
    span.end();
    await provider.forceFlush();
    await provider.shutdown();
    const { rows } = await getPool().query(
      "SELECT severity_number, severity_text, body, body_text, attributes, encode(trace_id, 'hex') AS trace_id, encode(span_id, 'hex') AS span_id FROM log_records WHERE service_name = 'payment'",
    );
    expect(rows).toEqual([
      { severity_number: 13, severity_text: "WARN", body: "card issuer slow", body_text: "card issuer slow", attributes: { "payment.provider": "acme" }, trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId },
    ]);
  });
});
