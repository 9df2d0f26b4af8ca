import {
  JsonLogsSerializer,
  JsonMetricsSerializer,
  JsonTraceSerializer,
  ProtobufLogsSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from "@opentelemetry/otlp-transformer";
import { describe, expect, it } from "vitest";
import { encodeExportResponse } from "./encode-export-response";
import type { OtlpSignal } from "./model";
import { otlpTypes } from "./otlp-root";

// The OpenTelemetry JS exporters' own response parsers: what a real sender will make of our body.
const exporters = {
  traces: { protobuf: ProtobufTraceSerializer, json: JsonTraceSerializer, field: "rejectedSpans", type: otlpTypes.traceResponse },
  metrics: { protobuf: ProtobufMetricsSerializer, json: JsonMetricsSerializer, field: "rejectedDataPoints", type: otlpTypes.metricsResponse },
  logs: { protobuf: ProtobufLogsSerializer, json: JsonLogsSerializer, field: "rejectedLogRecords", type: otlpTypes.logsResponse },
} as const;

const signals = Object.keys(exporters) as OtlpSignal[];

describe("encodeExportResponse", () => {
  it.each(signals)("reports a partial success in protobuf (%s)", (signal) => {
    const { protobuf, field, type } = exporters[signal];
    const encoded = encodeExportResponse(signal, "protobuf", { rejected: 3, errorMessage: "span 0 of resource 0: bad" });
    expect(encoded.contentType).toBe("application/x-protobuf");
    const body = encoded.body as Uint8Array;

    const decoded = type.toObject(type.decode(body), { longs: Number }) as { partialSuccess: Record<string, unknown> };
    expect(decoded.partialSuccess).toEqual({ [field]: 3, errorMessage: "span 0 of resource 0: bad" });
    const asExporterSees = protobuf.deserializeResponse(body) as { partialSuccess?: Record<string, unknown> };
    expect(Number(asExporterSees.partialSuccess?.[field])).toBe(3);
    expect(asExporterSees.partialSuccess?.errorMessage).toBe("span 0 of resource 0: bad");
  });

  it.each(signals)("reports a partial success in JSON (%s)", (signal) => {
    const { json, field } = exporters[signal];
    const encoded = encodeExportResponse(signal, "json", { rejected: 2, errorMessage: "two bad items" });
    expect(encoded.contentType).toBe("application/json");
    expect(JSON.parse(encoded.body as string)).toEqual({ partialSuccess: { [field]: "2", errorMessage: "two bad items" } });
    const asExporterSees = json.deserializeResponse(new TextEncoder().encode(encoded.body as string)) as {
      partialSuccess?: Record<string, unknown>;
    };
    expect(Number(asExporterSees.partialSuccess?.[field])).toBe(2);
  });

  it.each(signals)("omits partial_success when nothing was rejected (%s)", (signal) => {
    const protobuf = encodeExportResponse(signal, "protobuf", { rejected: 0, errorMessage: "" });
    expect((protobuf.body as Uint8Array).length).toBe(0);
    expect(exporters[signal].protobuf.deserializeResponse(protobuf.body as Uint8Array)).toEqual({});
    expect(encodeExportResponse(signal, "json", { rejected: 0, errorMessage: "" }).body).toBe("{}");
  });

  it("still sends a warning with nothing rejected, as OTLP allows", () => {
    const { body } = encodeExportResponse("logs", "json", { rejected: 0, errorMessage: "severity text ignored" });
    // Proto3 JSON leaves out zero values, so the count is absent rather than "0".
    expect(JSON.parse(body as string)).toEqual({ partialSuccess: { errorMessage: "severity text ignored" } });
  });
});
