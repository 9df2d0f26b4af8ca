import { JsonLogsSerializer, ProtobufLogsSerializer } from "@opentelemetry/otlp-transformer";
import type { ReadableLogRecord } from "@opentelemetry/sdk-logs";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeLogs } from "./decode-logs";
import { jsonBody, logsRequest, NOW_NANOS, spanId, TRACE_ID } from "./testing/otlp-requests";
import { hrTimeToNanos, recordLogs, SERVICE_RESOURCE, T0, T0_DATE } from "./testing/sdk-telemetry";

const now = T0_DATE;
// The SDK stamps observed times with the real clock, which must not look like the future.
const sdkNow = new Date(Math.max(T0_DATE.getTime(), Date.now()));

describe("decodeLogs on what the OpenTelemetry JS exporters send", () => {
  let logs: ReadableLogRecord[];
  beforeAll(async () => {
    logs = await recordLogs();
  });

  const encodings = [
    ["protobuf", () => ProtobufLogsSerializer.serializeRequest(logs)],
    ["json", () => JsonLogsSerializer.serializeRequest(logs)],
  ] as const;

  it.each(encodings)("keeps bodies, severities, trace context and times (%s)", (encoding, serialize) => {
    const { records, rejected } = decodeLogs(serialize() as Uint8Array, encoding, { now: sdkNow });
    expect(rejected).toBe(0);
    expect(records).toHaveLength(3);
    const [failure, created, event] = records;
    expect(failure).toEqual({
      timeUnixNano: hrTimeToNanos(T0),
      observedTimeUnixNano: hrTimeToNanos(logs[0]?.hrTimeObserved ?? [0, 0]),
      severityNumber: 17,
      severityText: "ERROR",
      body: { message: "payment failed", order: { id: 42, items: ["sku-1"] }, retryable: false },
      attributes: { "payment.provider": "acme", "http.response.status_code": 502 },
      droppedAttributesCount: 0,
      flags: 1,
      traceId: "5b8efff798038103d269b633813fc60c",
      spanId: "eee19b7ec3c1b174",
      eventName: "",
      resource: { attributes: SERVICE_RESOURCE, droppedAttributesCount: 0, schemaUrl: "" },
      scope: { name: "checkout-logs", version: "7.8.9", attributes: {}, droppedAttributesCount: 0, schemaUrl: "" },
      serviceName: "checkout",
    });
    expect(created).toMatchObject({ body: "order created", severityNumber: 9, traceId: null, spanId: null });
    expect(created?.timeUnixNano).toBe(hrTimeToNanos(T0) + 10n);
    expect(event).toMatchObject({ eventName: "checkout.completed", body: "ok", attributes: { step: 3 } });
  });

  it("decodes the JSON and protobuf forms of one export identically", () => {
    const fromProtobuf = decodeLogs(ProtobufLogsSerializer.serializeRequest(logs) as Uint8Array, "protobuf", { now: sdkNow });
    const fromJson = decodeLogs(JsonLogsSerializer.serializeRequest(logs) as Uint8Array, "json", { now: sdkNow });
    expect(fromJson).toEqual(fromProtobuf);
  });
});

describe("decodeLogs validation (partial success)", () => {
  const at = (offsetNanos: bigint) => String(NOW_NANOS + offsetNanos);
  const log = (overrides: Record<string, unknown> = {}) => ({
    timeUnixNano: at(-10n),
    observedTimeUnixNano: at(-5n),
    body: { stringValue: "hello" },
    ...overrides,
  });

  it("falls back to the observed time when the event time is unset", () => {
    const { records } = decodeLogs(logsRequest([log({ timeUnixNano: "0" })]), "protobuf", { now });
    expect(records[0]?.timeUnixNano).toBe(NOW_NANOS - 5n);
    expect(records[0]?.observedTimeUnixNano).toBe(NOW_NANOS - 5n);
  });

  it("treats invalid trace context as absent, as the spec asks, and keeps the record", () => {
    const { records, rejected } = decodeLogs(
      logsRequest([
        log({ traceId: Buffer.alloc(16), spanId: Buffer.alloc(8) }),
        log({ traceId: Buffer.alloc(5, 1), spanId: spanId(9) }),
        log({ traceId: TRACE_ID, spanId: spanId(9) }),
      ]),
      "protobuf",
      { now },
    );
    expect(rejected).toBe(0);
    expect(records.map((r) => [r.traceId, r.spanId])).toEqual([
      [null, null],
      [null, spanId(9).toString("hex")],
      [TRACE_ID.toString("hex"), spanId(9).toString("hex")],
    ]);
  });

  const deepBody = (depth: number): Record<string, unknown> =>
    depth === 1 ? { stringValue: "x" } : { kvlistValue: { values: [{ key: "k", value: deepBody(depth - 1) }] } };

  it.each([
    ["no time at all", { timeUnixNano: "0", observedTimeUnixNano: "0" }, "neither timeUnixNano nor observedTimeUnixNano is set"],
    ["an observed time in the future", { timeUnixNano: "0", observedTimeUnixNano: at(90_000_000_000_000n) }, "observedTimeUnixNano"],
    ["a body nested 9 deep", { body: deepBody(9) }, 'attribute "body" is nested deeper than 8 levels'],
    ["a 100 KB body", { body: { stringValue: "z".repeat(100_000) } }, 'attribute "body" has a 100000-byte string value'],
  ])("rejects only the record with %s", (_case, overrides, message) => {
    const result = decodeLogs(logsRequest([log(), log(overrides), log()]), "protobuf", { now });
    expect(result.rejected).toBe(1);
    expect(result.records).toHaveLength(2);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain(`log record 1 of resource 0: ${message}`);
  });

  it("rejects an OTLP/JSON record whose trace id is not hex", () => {
    const body = jsonBody({
      resourceLogs: [
        {
          scopeLogs: [
            {
              logRecords: [
                { timeUnixNano: at(0n), body: { stringValue: "a" }, traceId: TRACE_ID.toString("hex") },
                { timeUnixNano: at(0n), body: { stringValue: "b" }, traceId: TRACE_ID.toString("base64") },
              ],
            },
          ],
        },
      ],
    });
    const result = decodeLogs(body, "json", { now });
    expect(result.records.map((r) => [r.body, r.traceId])).toEqual([["a", TRACE_ID.toString("hex")]]);
    expect(result.errors).toEqual([
      `log record 1 of resource 0: traceId must be a hex string, got "${TRACE_ID.toString("base64")}"`,
    ]);
  });
});
