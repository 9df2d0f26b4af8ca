// The OTLP protobuf types, built once from the committed JSON descriptor (see
// build-otlp-descriptor.ts). `protobufjs/light` has reflection and codecs but no .proto parser,
// which keeps the parser out of the server bundle.

import protobuf from "protobufjs/light.js";
import descriptor from "./otlp-descriptor.json";

const root = protobuf.Root.fromJSON(descriptor);

const COMMON = "opentelemetry.proto.common.v1";
const COLLECTOR = "opentelemetry.proto.collector";

export const otlpTypes = {
  resource: root.lookupType("opentelemetry.proto.resource.v1.Resource"),
  keyValue: root.lookupType(`${COMMON}.KeyValue`),
  scope: root.lookupType(`${COMMON}.InstrumentationScope`),
  span: root.lookupType("opentelemetry.proto.trace.v1.Span"),
  metric: root.lookupType("opentelemetry.proto.metrics.v1.Metric"),
  numberDataPoint: root.lookupType("opentelemetry.proto.metrics.v1.NumberDataPoint"),
  histogramDataPoint: root.lookupType("opentelemetry.proto.metrics.v1.HistogramDataPoint"),
  exponentialHistogramDataPoint: root.lookupType("opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint"),
  summaryDataPoint: root.lookupType("opentelemetry.proto.metrics.v1.SummaryDataPoint"),
  logRecord: root.lookupType("opentelemetry.proto.logs.v1.LogRecord"),
  traceRequest: root.lookupType(`${COLLECTOR}.trace.v1.ExportTraceServiceRequest`),
  traceResponse: root.lookupType(`${COLLECTOR}.trace.v1.ExportTraceServiceResponse`),
  metricsRequest: root.lookupType(`${COLLECTOR}.metrics.v1.ExportMetricsServiceRequest`),
  metricsResponse: root.lookupType(`${COLLECTOR}.metrics.v1.ExportMetricsServiceResponse`),
  logsRequest: root.lookupType(`${COLLECTOR}.logs.v1.ExportLogsServiceRequest`),
  logsResponse: root.lookupType(`${COLLECTOR}.logs.v1.ExportLogsServiceResponse`),
} as const;
