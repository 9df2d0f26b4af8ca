import { SPAN_KIND_NAMES, STATUS_CODE_NAMES, type SpanKindName, type StatusCodeName } from "@/lib/schemas/traces";

// Stored spans keep OTLP's numbers (smallint columns); the API speaks OTLP's names. A number
// outside the enum (a newer OTLP, a bad writer) reads as the "unspecified" value, not a crash.

export function spanKindName(kind: number): SpanKindName {
  return SPAN_KIND_NAMES[kind] ?? "UNSPECIFIED";
}

export function statusCodeName(code: number): StatusCodeName {
  return STATUS_CODE_NAMES[code] ?? "UNSET";
}
