// Hand-built OTLP requests for the cases the SDKs never emit (invalid ids, implausible times,
// oversized attributes, summaries). Built with protobufjs `fromObject` on the official schema,
// so the bytes are what any conforming sender would put on the wire.

import { otlpTypes } from "../otlp-root";
import { T0_DATE } from "./sdk-telemetry";

/** Nanoseconds of T0_DATE, the `now` the validation tests inject. */
export const NOW_NANOS = BigInt(T0_DATE.getTime()) * 1_000_000n;

export const TRACE_ID = Buffer.from("5b8efff798038103d269b633813fc60c", "hex");

export function spanId(n: number): Buffer {
  return Buffer.from(n.toString(16).padStart(16, "0"), "hex");
}

export function span(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    traceId: TRACE_ID,
    spanId: spanId(n),
    name: `span-${n}`,
    kind: 1,
    startTimeUnixNano: String(NOW_NANOS - 2_000_000n),
    endTimeUnixNano: String(NOW_NANOS - 1_000_000n),
    ...overrides,
  };
}

export function stringAttr(key: string, value: string): Record<string, unknown> {
  return { key, value: { stringValue: value } };
}

export function traceRequest(resourceSpans: Record<string, unknown>[]): Uint8Array {
  const type = otlpTypes.traceRequest;
  return type.encode(type.fromObject({ resourceSpans })).finish();
}

/** One resource with one scope holding `spans`. */
export function spansRequest(spans: Record<string, unknown>[], resourceAttributes: unknown[] = []): Uint8Array {
  return traceRequest([{ resource: { attributes: resourceAttributes }, scopeSpans: [{ spans }] }]);
}

export function metricsRequest(metrics: Record<string, unknown>[]): Uint8Array {
  const type = otlpTypes.metricsRequest;
  return type.encode(type.fromObject({ resourceMetrics: [{ scopeMetrics: [{ metrics }] }] })).finish();
}

export function logsRequest(logRecords: Record<string, unknown>[]): Uint8Array {
  const type = otlpTypes.logsRequest;
  return type.encode(type.fromObject({ resourceLogs: [{ scopeLogs: [{ logRecords }] }] })).finish();
}

export function jsonBody(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

/**
 * The OTLP/JSON form of a request object written for `fromObject`: Buffers (the ids in these
 * fixtures) become hex strings, as OTLP/JSON requires; everything else maps unchanged.
 */
export function otlpJsonBody(value: unknown): Uint8Array {
  const text = JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && (v as { type?: unknown }).type === "Buffer"
      ? Buffer.from((v as { data: number[] }).data).toString("hex")
      : v,
  );
  return new TextEncoder().encode(text);
}

export function metricsJsonRequest(metrics: Record<string, unknown>[]): Uint8Array {
  return otlpJsonBody({ resourceMetrics: [{ scopeMetrics: [{ metrics }] }] });
}
