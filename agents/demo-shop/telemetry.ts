import { randomUUID } from "node:crypto";
import type { Meter, Tracer } from "@opentelemetry/api";
import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-proto";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { RedeliveringSpanExporter } from "./redelivering-span-exporter";
import { ATTR_DEPLOYMENT_ENVIRONMENT_NAME, ATTR_SERVICE_INSTANCE_ID, ATTR_SERVICE_NAME, ATTR_SERVICE_NAMESPACE, ATTR_SERVICE_VERSION } from "./semconv";

// Each service of the shop has its own tracer and meter provider, as separate deployments
// would, exporting OTLP/HTTP protobuf to Sightline. Nothing is registered globally: the shop
// may share its process with other code, so providers are used directly and context is passed
// explicitly. Spans are held until Sightline acknowledges them (redelivering-span-exporter.ts);
// metrics, sent again in full every interval, rely on the exporter's own retry. The shop never
// waits on an export.

export interface TelemetryTarget {
  sightlineUrl: string;
  ingestKey: string;
  /** identifies this run of the shop (service.instance.id is `<instanceId>/<service>`) */
  instanceId: string;
  metricExportMs: number;
  spanExportDelayMs: number;
}

export interface ServiceTelemetry {
  serviceName: string;
  tracer: Tracer;
  meter: Meter;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

export function createServiceTelemetry(serviceName: string, serviceVersion: string, target: TelemetryTarget): ServiceTelemetry {
  const base = target.sightlineUrl.replace(/\/+$/, "");
  const headers = { Authorization: `Bearer ${target.ingestKey}` };
  const resource = resourceFromAttributes({
    [ATTR_SERVICE_NAME]: serviceName,
    [ATTR_SERVICE_VERSION]: serviceVersion,
    [ATTR_SERVICE_NAMESPACE]: "demo-shop",
    [ATTR_SERVICE_INSTANCE_ID]: `${target.instanceId}/${serviceName}`,
    [ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: "demo",
  });
  const spanExporter = new RedeliveringSpanExporter(new OTLPTraceExporter({ url: `${base}/api/otlp/v1/traces`, headers }));
  const tracerProvider = new BasicTracerProvider({
    resource,
    spanProcessors: [
      new BatchSpanProcessor(spanExporter, {
        scheduledDelayMillis: target.spanExportDelayMs,
        maxQueueSize: 4096,
      }),
    ],
  });
  const meterProvider = new MeterProvider({
    resource,
    readers: [
      new PeriodicExportingMetricReader({
        exporter: new OTLPMetricExporter({ url: `${base}/api/otlp/v1/metrics`, headers }),
        exportIntervalMillis: target.metricExportMs,
        exportTimeoutMillis: Math.min(target.metricExportMs, 10_000),
      }),
    ],
  });
  return {
    serviceName,
    tracer: tracerProvider.getTracer(`demo-shop/${serviceName}`, serviceVersion),
    meter: meterProvider.getMeter(`demo-shop/${serviceName}`, serviceVersion),
    async forceFlush() {
      // The batch processor hands its spans over; the exporter holds them until they are taken.
      await Promise.all([tracerProvider.forceFlush().then(() => spanExporter.forceFlush()), meterProvider.forceFlush()]);
    },
    async shutdown() {
      await Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
  };
}

export const newInstanceId = () => randomUUID().slice(0, 8);
