import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { Attributes, LogRecordRecord, ResourceInfo, ScopeInfo, SpanEventRecord, SpanKindNumber, SpanRecord, StatusCodeNumber } from "@/lib/ingest/otlp/model";
import { storeLogs } from "@/lib/ingest/store/store-logs";
import { storeTraces } from "@/lib/ingest/store/store-traces";

// Realistic telemetry for integration tests, written through the real ingest writers (so the
// rollups, resources and timeout flags a query reads are exactly what ingest produces). Traces
// are described as trees with millisecond offsets; ids are random, so tests never collide.

const MS = 1_000_000n;

export function randomTraceId(): string {
  return randomBytes(16).toString("hex");
}

export function randomSpanId(): string {
  return randomBytes(8).toString("hex");
}

/** A resource as an OpenTelemetry SDK sends it. */
export function makeResource(serviceName: string, extra: Attributes = {}): ResourceInfo {
  return {
    attributes: { "service.name": serviceName, "service.version": "1.4.2", "deployment.environment.name": "test", "telemetry.sdk.language": "nodejs", ...extra },
    droppedAttributesCount: 0,
    schemaUrl: "https://opentelemetry.io/schemas/1.26.0",
  };
}

export function makeScope(name = "@opentelemetry/instrumentation-http", version = "0.57.0"): ScopeInfo {
  return { name, version, attributes: {}, droppedAttributesCount: 0, schemaUrl: "" };
}

export interface SpanTree {
  service: string;
  name: string;
  kind?: SpanKindNumber;
  /** Start relative to the parent's start (the trace start for the root), in ms. */
  offsetMs?: number;
  durationMs: number;
  status?: StatusCodeNumber;
  statusMessage?: string;
  attributes?: Attributes;
  resourceAttributes?: Attributes;
  events?: { offsetMs: number; name: string; attributes?: Attributes }[];
  children?: SpanTree[];
  /** Leave the span out (a root that has not arrived yet); its children keep their parent id. */
  missing?: boolean;
}

/** The spans of one trace from a tree; `startMs` is the root's start in Unix milliseconds. */
export function buildTrace(root: SpanTree, startMs: number, traceId = randomTraceId()): SpanRecord[] {
  const spans: SpanRecord[] = [];
  const resources = new Map<string, ResourceInfo>();
  const visit = (node: SpanTree, parentSpanId: string | null, parentStartMs: number) => {
    const spanId = randomSpanId();
    const nodeStartMs = parentStartMs + (node.offsetMs ?? 0);
    const resourceKey = `${node.service}\u0000${JSON.stringify(node.resourceAttributes ?? {})}`;
    let resource = resources.get(resourceKey);
    if (!resource) resources.set(resourceKey, (resource = makeResource(node.service, node.resourceAttributes)));
    if (!node.missing) spans.push(makeSpan({ traceId, spanId, parentSpanId, node, startMs: nodeStartMs, resource }));
    for (const child of node.children ?? []) visit(child, spanId, nodeStartMs);
  };
  visit(root, null, startMs);
  return spans;
}

function makeSpan(input: { traceId: string; spanId: string; parentSpanId: string | null; node: SpanTree; startMs: number; resource: ResourceInfo }): SpanRecord {
  const { node } = input;
  const start = msToNs(input.startMs);
  const events: SpanEventRecord[] = (node.events ?? []).map((event) => ({
    timeUnixNano: start + msToNs(event.offsetMs),
    name: event.name,
    attributes: event.attributes ?? {},
    droppedAttributesCount: 0,
  }));
  return {
    traceId: input.traceId,
    spanId: input.spanId,
    parentSpanId: input.parentSpanId,
    traceState: "",
    flags: 1,
    name: node.name,
    kind: node.kind ?? 1,
    startTimeUnixNano: start,
    endTimeUnixNano: start + msToNs(node.durationMs),
    attributes: node.attributes ?? {},
    droppedAttributesCount: 0,
    events,
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { code: node.status ?? 0, message: node.statusMessage ?? "" },
    resource: input.resource,
    scope: makeScope(),
    serviceName: node.service,
  };
}

/** Fractional milliseconds to nanoseconds, exactly to the microsecond. */
export function msToNs(ms: number): bigint {
  return BigInt(Math.round(ms * 1_000)) * (MS / 1_000n);
}

/** A typical checkout request: frontend → checkout → payment (+ database), with a coupon lookup. */
export function checkoutTree(options: { suffix: string; paymentMs?: number; paymentStatus?: StatusCodeNumber; userId?: string; orderId?: number }): SpanTree {
  const paymentMs = options.paymentMs ?? 40;
  const s = (name: string) => `${name}-${options.suffix}`;
  return {
    service: s("frontend"),
    name: "POST /api/checkout",
    kind: 2,
    durationMs: paymentMs + 60,
    status: options.paymentStatus === 2 ? 2 : 0,
    attributes: { "http.request.method": "POST", "http.route": "/api/checkout", "http.response.status_code": options.paymentStatus === 2 ? 502 : 200, "enduser.id": options.userId ?? "user-1" },
    children: [
      {
        service: s("checkout"),
        name: "POST /orders",
        kind: 2,
        offsetMs: 5,
        durationMs: paymentMs + 45,
        status: options.paymentStatus === 2 ? 2 : 0,
        attributes: { "http.route": "/orders", "order.id": options.orderId ?? 1001, "order.total": 59.9 },
        children: [
          { service: s("checkout"), name: "SELECT coupons", kind: 3, offsetMs: 2, durationMs: 3, attributes: { "db.system": "postgresql", "db.operation.name": "SELECT" } },
          {
            service: s("payment"),
            name: "POST /charges",
            kind: 2,
            offsetMs: 10,
            durationMs: paymentMs,
            status: options.paymentStatus ?? 0,
            statusMessage: options.paymentStatus === 2 ? "card declined" : "",
            attributes: { "http.route": "/charges", "payment.provider": "stripe", "http.response.status_code": options.paymentStatus === 2 ? 402 : 200 },
            events: options.paymentStatus === 2 ? [{ offsetMs: paymentMs - 1, name: "exception", attributes: { "exception.type": "CardDeclined", "exception.message": "card declined" } }] : [],
          },
        ],
      },
    ],
  };
}

export async function seedTraces(pool: pg.Pool, traces: SpanRecord[][]): Promise<void> {
  await storeTraces(pool, traces.flat());
}

export function makeLog(input: {
  service: string;
  timeMs: number;
  severityNumber: number;
  severityText?: string;
  body: LogRecordRecord["body"];
  traceId?: string | null;
  spanId?: string | null;
  attributes?: Attributes;
}): LogRecordRecord {
  const time = msToNs(input.timeMs);
  return {
    timeUnixNano: time,
    observedTimeUnixNano: time + 2n * MS,
    severityNumber: input.severityNumber,
    severityText: input.severityText ?? "",
    body: input.body,
    attributes: input.attributes ?? {},
    droppedAttributesCount: 0,
    flags: 0,
    traceId: input.traceId ?? null,
    spanId: input.spanId ?? null,
    eventName: "",
    resource: makeResource(input.service),
    scope: makeScope("pino", "9.0.0"),
    serviceName: input.service,
  };
}

export async function seedLogs(pool: pg.Pool, logs: LogRecordRecord[]): Promise<void> {
  await storeLogs(pool, logs);
}
