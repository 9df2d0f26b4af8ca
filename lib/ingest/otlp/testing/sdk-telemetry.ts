// Telemetry produced by the real OpenTelemetry JS SDKs, for round-trip tests: what these
// return is exactly what a Sightline user's service hands to its OTLP exporter.

import { context, type HrTime, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { SeverityNumber } from "@opentelemetry/api-logs";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { InMemoryLogRecordExporter, LoggerProvider, type ReadableLogRecord, SimpleLogRecordProcessor } from "@opentelemetry/sdk-logs";
import { AggregationType, MeterProvider, MetricReader, type ResourceMetrics } from "@opentelemetry/sdk-metrics";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";

export const SERVICE_RESOURCE = { "service.name": "checkout", "deployment.environment.name": "test" };

/** 2026-01-01T00:00:00.123456789Z: sub-millisecond digits catch any rounding on the way. */
export const T0: HrTime = [1_767_225_600, 123_456_789];
export const T0_DATE = new Date(1_767_225_600_123);

export function hrTimeToNanos([seconds, nanos]: HrTime): bigint {
  return BigInt(seconds) * 1_000_000_000n + BigInt(nanos);
}

function later(time: HrTime, nanos: number): HrTime {
  const total = time[1] + nanos;
  return [time[0] + Math.floor(total / 1e9), total % 1e9];
}

export const REMOTE_LINK = {
  traceId: "0af7651916cd43dd8448eb211c80319c",
  spanId: "b7ad6b7169203331",
  traceFlags: 1,
  isRemote: true,
};

/** A server span with a client child that has an event, a link and an error status. */
export async function recordSpans(): Promise<ReadableSpan[]> {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes(SERVICE_RESOURCE),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
    spanLimits: { attributeCountLimit: 8 },
  });
  const tracer = provider.getTracer("checkout-tests", "1.2.3");
  const root = tracer.startSpan("POST /orders", {
    kind: SpanKind.SERVER,
    startTime: T0,
    attributes: {
      "http.request.method": "POST",
      "http.response.status_code": 201,
      "order.total": 99.95,
      "order.express": true,
      "order.items": ["sku-1", "sku-2"],
      "order.quantities": [1, 3],
    },
  });
  const child = tracer.startSpan(
    "SELECT orders",
    {
      kind: SpanKind.CLIENT,
      startTime: later(T0, 1_001),
      attributes: { "db.system.name": "postgresql", "db.query.text": "SELECT * FROM orders WHERE id = $1" },
      links: [{ context: REMOTE_LINK, attributes: { "link.reason": "batch" } }],
    },
    trace.setSpan(context.active(), root),
  );
  child.addEvent("retry", { attempt: 2, "retry.cause": "serialization_failure" }, later(T0, 2_002));
  // Ten attributes against a limit of eight: the SDK drops two and says so.
  for (let i = 0; i < 8; i++) child.setAttribute(`extra.${i}`, i);
  child.setStatus({ code: SpanStatusCode.ERROR, message: "deadlock detected" });
  child.end(later(T0, 5_000_003));
  root.end(later(T0, 1_000_000_007));
  await provider.forceFlush();
  const spans = exporter.getFinishedSpans();
  await provider.shutdown();
  return spans;
}

class ManualReader extends MetricReader {
  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}

/** A counter, an up-down counter, a gauge, an explicit histogram and an exponential histogram. */
export async function recordMetrics(): Promise<ResourceMetrics> {
  const reader = new ManualReader();
  const provider = new MeterProvider({
    resource: resourceFromAttributes(SERVICE_RESOURCE),
    readers: [reader],
    views: [{ instrumentName: "payment.amount", aggregation: { type: AggregationType.EXPONENTIAL_HISTOGRAM } }],
  });
  const meter = provider.getMeter("checkout-metrics", "4.5.6");
  const orders = meter.createCounter("orders.created", { description: "Orders created", unit: "{order}" });
  orders.add(3, { channel: "web" });
  orders.add(2, { channel: "app" });
  const inFlight = meter.createUpDownCounter("orders.in_flight");
  inFlight.add(5);
  inFlight.add(-7);
  meter.createGauge("queue.depth", { unit: "{job}" }).record(12.5, { queue: "emails" });
  const latency = meter.createHistogram("http.server.duration", {
    unit: "ms",
    advice: { explicitBucketBoundaries: [10, 50, 100] },
  });
  for (const value of [5, 20, 30, 70, 500]) latency.record(value, { route: "/orders" });
  const amount = meter.createHistogram("payment.amount", { unit: "EUR" });
  for (const value of [0, 1.5, 3, 12, 250, 1000]) amount.record(value);
  const { resourceMetrics, errors } = await reader.collect();
  if (errors.length > 0) throw new AggregateError(errors, "metric collection failed");
  await provider.shutdown();
  return resourceMetrics;
}

/** A structured log inside a span, a plain string log, and an event. */
export async function recordLogs(): Promise<ReadableLogRecord[]> {
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({
    resource: resourceFromAttributes(SERVICE_RESOURCE),
    processors: [new SimpleLogRecordProcessor({ exporter })],
  });
  const logger = provider.getLogger("checkout-logs", "7.8.9");
  const spanContext = { traceId: "5b8efff798038103d269b633813fc60c", spanId: "eee19b7ec3c1b174", traceFlags: 1 };
  logger.emit({
    timestamp: T0,
    severityNumber: SeverityNumber.ERROR,
    severityText: "ERROR",
    body: { message: "payment failed", order: { id: 42, items: ["sku-1"] }, retryable: false },
    attributes: { "payment.provider": "acme", "http.response.status_code": 502 },
    context: trace.setSpanContext(context.active(), spanContext),
  });
  logger.emit({ timestamp: later(T0, 10), severityNumber: SeverityNumber.INFO, severityText: "INFO", body: "order created" });
  logger.emit({ timestamp: later(T0, 20), eventName: "checkout.completed", body: "ok", attributes: { step: 3 } });
  await provider.forceFlush();
  const logs = exporter.getFinishedLogRecords();
  await provider.shutdown();
  return logs;
}
