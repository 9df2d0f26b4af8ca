// The body an OTLP exporter expects back: Export{Trace,Metrics,Logs}ServiceResponse, in the
// encoding the request used, with partial_success only when there is something to report.

import type protobuf from "protobufjs/light.js";
import type { OtlpEncoding, OtlpSignal } from "./model";
import { otlpTypes } from "./otlp-root";

export interface ExportOutcome {
  /** Items dropped by validation. */
  rejected: number;
  /** Why, for a human; "" for none. */
  errorMessage: string;
}

export interface EncodedExportResponse {
  body: Uint8Array | string;
  contentType: "application/x-protobuf" | "application/json";
}

const RESPONSES: Record<OtlpSignal, { type: protobuf.Type; rejectedField: string }> = {
  traces: { type: otlpTypes.traceResponse, rejectedField: "rejectedSpans" },
  metrics: { type: otlpTypes.metricsResponse, rejectedField: "rejectedDataPoints" },
  logs: { type: otlpTypes.logsResponse, rejectedField: "rejectedLogRecords" },
};

export function encodeExportResponse(
  signal: OtlpSignal,
  encoding: OtlpEncoding,
  { rejected, errorMessage }: ExportOutcome,
): EncodedExportResponse {
  const { type, rejectedField } = RESPONSES[signal];
  // OTLP: an empty partial_success equals full success; a message with 0 rejected is a warning.
  const object =
    rejected > 0 || errorMessage !== ""
      ? { partialSuccess: { [rejectedField]: rejected, errorMessage } }
      : {};
  const message = type.fromObject(object);
  if (encoding === "protobuf") {
    return { body: type.encode(message).finish(), contentType: "application/x-protobuf" };
  }
  // Proto3 JSON writes int64 as a decimal string; OTLP receivers accept either form.
  return { body: JSON.stringify(type.toObject(message, { longs: String })), contentType: "application/json" };
}
