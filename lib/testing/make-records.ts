import { randomBytes } from "node:crypto";
import type { LogRecordRecord, NumberPointRecord, ResourceInfo, SpanRecord } from "@/lib/ingest/otlp/model";

// Factories for decoded OTLP records, for tests that exercise the store without an SDK.

export const hex = (bytes: number) => randomBytes(bytes).toString("hex");

export function makeResource(serviceName: string, extra: Record<string, string> = {}): ResourceInfo {
  return { attributes: { "service.name": serviceName, ...extra }, droppedAttributesCount: 0, schemaUrl: "" };
}

export function makeSpan(overrides: Partial<SpanRecord> & { startMs?: number; durationMs?: number } = {}): SpanRecord {
  const { startMs = Date.now() - 60_000, durationMs = 25, ...rest } = overrides;
  const start = BigInt(Math.round(startMs * 1e3)) * 1000n;
  const serviceName = rest.serviceName ?? "order";
  return {
    traceId: hex(16),
    spanId: hex(8),
    parentSpanId: null,
    traceState: "",
    flags: 1,
    name: "GET /orders/:id",
    kind: 2,
    startTimeUnixNano: start,
    endTimeUnixNano: start + BigInt(Math.round(durationMs * 1e6)),
    attributes: { "http.route": "/orders/:id", "http.response.status_code": 200 },
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { code: 0, message: "" },
    resource: makeResource(serviceName),
    scope: { name: "test", version: "1.0.0", attributes: {}, droppedAttributesCount: 0, schemaUrl: "" },
    serviceName,
    ...rest,
  };
}

export function makeLog(overrides: Partial<LogRecordRecord> = {}): LogRecordRecord {
  const serviceName = overrides.serviceName ?? "order";
  return {
    timeUnixNano: BigInt(Date.now() - 30_000) * 1_000_000n,
    observedTimeUnixNano: BigInt(Date.now() - 30_000) * 1_000_000n,
    severityNumber: 9,
    severityText: "INFO",
    body: "order created",
    attributes: {},
    droppedAttributesCount: 0,
    flags: 0,
    traceId: null,
    spanId: null,
    eventName: "",
    resource: makeResource(serviceName),
    scope: { name: "test", version: "", attributes: {}, droppedAttributesCount: 0, schemaUrl: "" },
    serviceName,
    ...overrides,
  };
}

export function makeGaugePoint(overrides: Partial<NumberPointRecord> = {}): NumberPointRecord {
  const serviceName = overrides.serviceName ?? "order";
  return {
    name: "db.client.connections.usage",
    description: "connections in use",
    unit: "{connection}",
    type: "gauge",
    aggregationTemporality: 0,
    isMonotonic: false,
    metadata: {},
    attributes: { state: "used" },
    resource: makeResource(serviceName),
    scope: { name: "test", version: "", attributes: {}, droppedAttributesCount: 0, schemaUrl: "" },
    serviceName,
    startTimeUnixNano: 0n,
    timeUnixNano: BigInt(Date.now() - 30_000) * 1_000_000n,
    flags: 0,
    exemplars: [],
    value: 7,
    ...overrides,
  };
}
