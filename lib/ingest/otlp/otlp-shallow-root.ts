// The OTLP request types with every item (span, log record, data point) and every resource,
// scope and metric metadata entry left as bytes. Protobuf nests a message exactly as it writes
// a bytes field, so these read the same wire format, one level deep: the decoders then decode
// each item on its own, and an item that cannot be decoded (malformed, or nested past
// protobufjs' depth limit) is refused alone, as a bad item of an OTLP/JSON body is.

import protobuf from "protobufjs/light.js";
import descriptor from "./otlp-descriptor.json";

const PROTO = "opentelemetry.proto";

/** message → fields read as bytes instead of as that message. */
const AS_BYTES: Record<string, string[]> = {
  [`${PROTO}.trace.v1.ResourceSpans`]: ["resource"],
  [`${PROTO}.trace.v1.ScopeSpans`]: ["scope", "spans"],
  [`${PROTO}.logs.v1.ResourceLogs`]: ["resource"],
  [`${PROTO}.logs.v1.ScopeLogs`]: ["scope", "logRecords"],
  [`${PROTO}.metrics.v1.ResourceMetrics`]: ["resource"],
  [`${PROTO}.metrics.v1.ScopeMetrics`]: ["scope"],
  [`${PROTO}.metrics.v1.Metric`]: ["metadata"],
  [`${PROTO}.metrics.v1.Gauge`]: ["dataPoints"],
  [`${PROTO}.metrics.v1.Sum`]: ["dataPoints"],
  [`${PROTO}.metrics.v1.Histogram`]: ["dataPoints"],
  [`${PROTO}.metrics.v1.ExponentialHistogram`]: ["dataPoints"],
  [`${PROTO}.metrics.v1.Summary`]: ["dataPoints"],
};

interface DescriptorNode {
  nested?: Record<string, DescriptorNode>;
  fields?: Record<string, { type: string }>;
}

function shallowDescriptor(): DescriptorNode {
  const copy = structuredClone(descriptor) as DescriptorNode;
  for (const [message, fields] of Object.entries(AS_BYTES)) {
    let node: DescriptorNode | undefined = copy;
    for (const part of message.split(".")) node = node?.nested?.[part];
    for (const field of fields) {
      const spec = node?.fields?.[field];
      if (!spec) throw new Error(`OTLP descriptor has no ${message}.${field}`);
      spec.type = "bytes";
    }
  }
  return copy;
}

const root = protobuf.Root.fromJSON(shallowDescriptor());
const COLLECTOR = `${PROTO}.collector`;

export const otlpTypes = {
  traceRequest: root.lookupType(`${COLLECTOR}.trace.v1.ExportTraceServiceRequest`),
  metricsRequest: root.lookupType(`${COLLECTOR}.metrics.v1.ExportMetricsServiceRequest`),
  logsRequest: root.lookupType(`${COLLECTOR}.logs.v1.ExportLogsServiceRequest`),
} as const;
