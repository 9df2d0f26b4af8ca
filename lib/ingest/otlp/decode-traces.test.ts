import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { decodeTraces } from "./decode-traces";
import type { SpanRecord } from "./model";
import { jsonBody, NOW_NANOS, span, spanId, spansRequest, stringAttr, TRACE_ID, traceRequest } from "./testing/otlp-requests";
import { hrTimeToNanos, recordSpans, REMOTE_LINK, SERVICE_RESOURCE, T0, T0_DATE } from "./testing/sdk-telemetry";

const now = T0_DATE;

describe("decodeTraces on what the OpenTelemetry JS exporters send", () => {
  let spans: ReadableSpan[];
  beforeAll(async () => {
    spans = await recordSpans();
  });

  const encodings = [
    ["protobuf", () => ProtobufTraceSerializer.serializeRequest(spans)],
    ["json", () => JsonTraceSerializer.serializeRequest(spans)],
  ] as const;

  it.each(encodings)("keeps every span field intact (%s)", (encoding, serialize) => {
    const result = decodeTraces(serialize() as Uint8Array, encoding, { now });
    expect(result.rejected).toBe(0);
    expect(result.errors).toEqual([]);
    expect(result.records).toEqual(spans.map(expectedRecord));
  });

  it.each(encodings)("links parent and child, kinds, timings and status (%s)", (encoding, serialize) => {
    const { records } = decodeTraces(serialize() as Uint8Array, encoding, { now });
    const root = records.find((r) => r.name === "POST /orders") as SpanRecord;
    const child = records.find((r) => r.name === "SELECT orders") as SpanRecord;
    expect(root.parentSpanId).toBeNull();
    expect(child.parentSpanId).toBe(root.spanId);
    expect(child.traceId).toBe(root.traceId);
    expect(root.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect([root.kind, child.kind]).toEqual([2, 3]); // SERVER, CLIENT in OTLP numbering
    expect(root.startTimeUnixNano).toBe(1_767_225_600_123_456_789n);
    expect(root.endTimeUnixNano - root.startTimeUnixNano).toBe(1_000_000_007n);
    expect(child.endTimeUnixNano - child.startTimeUnixNano).toBe(5_000_003n - 1_001n);
    expect(child.status).toEqual({ code: 2, message: "deadlock detected" });
    expect(child.droppedAttributesCount).toBe(2);
    expect(child.flags & 0xff).toBe(1);
    expect(child.events).toEqual([
      {
        timeUnixNano: hrTimeToNanos(T0) + 2_002n,
        name: "retry",
        attributes: { attempt: 2, "retry.cause": "serialization_failure" },
        droppedAttributesCount: 0,
      },
    ]);
    expect(child.links).toHaveLength(1);
    expect(child.links[0]).toMatchObject({
      traceId: REMOTE_LINK.traceId,
      spanId: REMOTE_LINK.spanId,
      attributes: { "link.reason": "batch" },
    });
    expect((child.links[0]?.flags ?? 0) & 0x200).toBe(0x200); // SPAN_FLAGS_CONTEXT_IS_REMOTE
    expect(root.attributes).toEqual({
      "http.request.method": "POST",
      "http.response.status_code": 201,
      "order.total": 99.95,
      "order.express": true,
      "order.items": ["sku-1", "sku-2"],
      "order.quantities": [1, 3],
    });
    expect(root.serviceName).toBe("checkout");
    expect(root.scope).toMatchObject({ name: "checkout-tests", version: "1.2.3" });
  });

  it("decodes the JSON and protobuf forms of one export identically", () => {
    const fromProtobuf = decodeTraces(ProtobufTraceSerializer.serializeRequest(spans) as Uint8Array, "protobuf", { now });
    const fromJson = decodeTraces(JsonTraceSerializer.serializeRequest(spans) as Uint8Array, "json", { now });
    expect(fromJson).toEqual(fromProtobuf);
  });
});

function expectedRecord(s: ReadableSpan): SpanRecord {
  return {
    traceId: s.spanContext().traceId,
    spanId: s.spanContext().spanId,
    parentSpanId: s.parentSpanContext?.spanId ?? null,
    traceState: "",
    flags: expect.any(Number) as number,
    name: s.name,
    kind: (s.kind + 1) as SpanRecord["kind"],
    startTimeUnixNano: hrTimeToNanos(s.startTime),
    endTimeUnixNano: hrTimeToNanos(s.endTime),
    attributes: s.attributes as SpanRecord["attributes"],
    droppedAttributesCount: s.droppedAttributesCount,
    events: s.events.map((e) => ({
      timeUnixNano: hrTimeToNanos(e.time),
      name: e.name,
      attributes: (e.attributes ?? {}) as SpanRecord["attributes"],
      droppedAttributesCount: e.droppedAttributesCount ?? 0,
    })),
    droppedEventsCount: s.droppedEventsCount,
    links: s.links.map((l) => ({
      traceId: l.context.traceId,
      spanId: l.context.spanId,
      traceState: "",
      attributes: (l.attributes ?? {}) as SpanRecord["attributes"],
      droppedAttributesCount: l.droppedAttributesCount ?? 0,
      flags: expect.any(Number) as number,
    })),
    droppedLinksCount: s.droppedLinksCount,
    status: { code: s.status.code, message: s.status.message ?? "" },
    resource: { attributes: SERVICE_RESOURCE, droppedAttributesCount: 0, schemaUrl: "" },
    scope: { name: "checkout-tests", version: "1.2.3", attributes: {}, droppedAttributesCount: 0, schemaUrl: "" },
    serviceName: "checkout",
  };
}

describe("decodeTraces validation (partial success)", () => {
  const decode = (spans: Record<string, unknown>[]) => decodeTraces(spansRequest(spans), "protobuf", { now });
  const nested = (depth: number): Record<string, unknown> =>
    depth === 1 ? { stringValue: "leaf" } : { arrayValue: { values: [nested(depth - 1)] } };

  it.each([
    ["a short traceId", { traceId: Buffer.alloc(5, 1) }, "traceId must be 16 bytes, got 5"],
    ["an all-zero traceId", { traceId: Buffer.alloc(16) }, "traceId must not be all zeros"],
    ["a missing spanId", { spanId: Buffer.alloc(0) }, "spanId must be 8 bytes, got 0"],
    ["an all-zero spanId", { spanId: Buffer.alloc(8) }, "spanId must not be all zeros"],
    ["a 3-byte parentSpanId", { parentSpanId: Buffer.alloc(3, 7) }, "parentSpanId must be empty or 8 bytes, got 3"],
    ["a start before 2000", { startTimeUnixNano: "946684799000000000" }, "startTimeUnixNano 946684799000000000 is before the year 2000"],
    ["a time given in milliseconds", { startTimeUnixNano: "1767225600123", endTimeUnixNano: "1767225600124" }, "is before the year 2000"],
    ["an end over 24 h ahead", { endTimeUnixNano: String(NOW_NANOS + 86_400_000_000_001n) }, "endTimeUnixNano"],
    ["an end before the start", { endTimeUnixNano: String(NOW_NANOS - 3_000_000n) }, "is before startTimeUnixNano"],
    ["an unknown kind", { kind: 9 }, "kind must be 0..5, got 9"],
    ["an unknown status code", { status: { code: 7 } }, "status code must be 0..2, got 7"],
    ["attributes nested 9 deep", { attributes: [{ key: "deep", value: nested(9) }] }, 'attribute "deep" is nested deeper than 8 levels'],
    [
      "a 64 KiB + 1 string",
      { attributes: [stringAttr("http.request.body", "x".repeat(65_537))] },
      'attribute "http.request.body" has a 65537-byte string value, limit 65536',
    ],
    [
      "a string of 22,000 three-byte characters (66,000 bytes)",
      { attributes: [stringAttr("note", "€".repeat(22_000))] },
      'attribute "note" has a 66000-byte string value, limit 65536',
    ],
    [
      "1025 attributes",
      { attributes: Array.from({ length: 1025 }, (_, i) => stringAttr(`k${i}`, "v")) },
      "1025 attributes, limit 1024",
    ],
    [
      "an oversized event attribute",
      { events: [{ name: "e", timeUnixNano: String(NOW_NANOS), attributes: [stringAttr("payload", "y".repeat(70_000))] }] },
      'event 0: attribute "payload" has a 70000-byte string value',
    ],
    ["a link without a traceId", { links: [{ spanId: spanId(99) }] }, "link 0 traceId must be 16 bytes, got 0"],
  ])("rejects only the span with %s", (_case, overrides, message) => {
    const result = decode([span(1), span(2, overrides), span(3)]);
    expect(result.rejected).toBe(1);
    expect(result.records.map((r) => r.name)).toEqual(["span-1", "span-3"]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toContain("span 1 of resource 0: ");
    expect(result.errors[0]).toContain(message);
  });

  it("accepts values right at the limits", () => {
    const result = decode([
      span(1, {
        attributes: [
          { key: "deep", value: nested(8) },
          stringAttr("body", "x".repeat(65_536)),
          stringAttr("accents", "é".repeat(32_768)), // two bytes each: exactly 64 KiB
          ...Array.from({ length: 1021 }, (_, i) => stringAttr(`k${i}`, "v")),
        ],
      }),
      span(2, { startTimeUnixNano: String(NOW_NANOS + 86_000_000_000_000n), endTimeUnixNano: String(NOW_NANOS + 86_400_000_000_000n) }),
      span(3, { parentSpanId: Buffer.alloc(8) }), // all-zero parent is how some bridges say "root"
    ]);
    expect(result.errors).toEqual([]);
    expect(result.records).toHaveLength(3);
    expect(Object.keys(result.records[0]?.attributes ?? {})).toHaveLength(1024);
    expect(result.records[2]?.parentSpanId).toBeNull();
  });

  it("counts every rejection but keeps only the first five messages", () => {
    const bad = Array.from({ length: 7 }, (_, i) => span(i + 1, { traceId: Buffer.alloc(4, 1) }));
    const result = decode([...bad, span(50)]);
    expect(result.rejected).toBe(7);
    expect(result.errors).toHaveLength(5);
    expect(result.errors[4]).toBe("span 4 of resource 0: traceId must be 16 bytes, got 4");
    expect(result.records).toHaveLength(1);
  });

  it("rejects every span of a resource whose attributes break a limit, and keeps other resources", () => {
    const tooMany = Array.from({ length: 1500 }, (_, i) => stringAttr(`r${i}`, "v"));
    const body = traceRequest([
      { resource: { attributes: tooMany }, scopeSpans: [{ spans: [span(1), span(2)] }, { spans: [span(3)] }] },
      { resource: { attributes: [stringAttr("service.name", "payments")] }, scopeSpans: [{ spans: [span(4)] }] },
    ]);
    const result = decodeTraces(body, "protobuf", { now });
    expect(result.rejected).toBe(3);
    expect(result.errors).toEqual(["resource 0: 1500 attributes, limit 1024"]);
    expect(result.records.map((r) => [r.name, r.serviceName])).toEqual([["span-4", "payments"]]);
  });

  it("numbers spans across the scopes of a resource and names a bad scope", () => {
    const body = traceRequest([
      {
        scopeSpans: [
          { scope: { name: "a" }, spans: [span(1)] },
          { scope: { name: "b", attributes: [{ key: "deep", value: nested(9) }] }, spans: [span(2)] },
          { scope: { name: "c" }, spans: [span(3, { spanId: Buffer.alloc(2, 1) })] },
        ],
      },
    ]);
    const result = decodeTraces(body, "protobuf", { now });
    expect(result.rejected).toBe(2);
    expect(result.errors).toEqual([
      'scope 1 of resource 0: attribute "deep" is nested deeper than 8 levels',
      "span 2 of resource 0: spanId must be 8 bytes, got 2",
    ]);
    expect(result.records[0]?.serviceName).toBe("unknown_service");
  });

  it("uses `now` to judge the future", () => {
    const body = spansRequest([span(1)]);
    const dayBefore = new Date(T0_DATE.getTime() - 25 * 3600 * 1000);
    expect(decodeTraces(body, "protobuf", { now: dayBefore }).rejected).toBe(1);
    expect(decodeTraces(body, "protobuf", { now }).rejected).toBe(0);
  });
});

describe("decodeTraces on OTLP/JSON specifics", () => {
  const hexSpan = (n: number, overrides: Record<string, unknown> = {}) => ({
    traceId: TRACE_ID.toString("hex"),
    spanId: spanId(n).toString("hex"),
    name: `span-${n}`,
    kind: 2,
    startTimeUnixNano: String(NOW_NANOS - 2_000_000n),
    endTimeUnixNano: Number(NOW_NANOS - 1_000_000n), // 64-bit ints may come as JSON numbers
    ...overrides,
  });
  const decodeJson = (spans: unknown[]) =>
    decodeTraces(jsonBody({ resourceSpans: [{ scopeSpans: [{ spans }] }] }), "json", { now });

  it("reads hex ids, enum names and integers, and ignores unknown fields", () => {
    const result = decodeJson([
      hexSpan(1, {
        parentSpanId: "00000000000000AB",
        kind: "SPAN_KIND_CONSUMER",
        status: { code: "STATUS_CODE_ERROR", message: "boom" },
        somethingNew: { from: "a future OTLP version" },
        attributes: [{ key: "n", value: { intValue: "9007199254740993" } }, { key: "b", value: { bytesValue: "AQID" } }],
      }),
    ]);
    expect(result.errors).toEqual([]);
    expect(result.records[0]).toMatchObject({
      traceId: "5b8efff798038103d269b633813fc60c",
      spanId: "0000000000000001",
      parentSpanId: "00000000000000ab",
      kind: 5,
      status: { code: 2, message: "boom" },
      attributes: { n: "9007199254740993", b: "AQID" },
    });
  });

  it.each([
    ["a base64 traceId", { traceId: "W47/95gDgQPSabYzgT/GDA==" }, 'traceId must be a hex string, got "W47/95gDgQPSabYzgT/GDA=="'],
    ["an odd-length spanId", { spanId: "abc" }, 'spanId must be a hex string, got "abc"'],
    ["a numeric parentSpanId", { parentSpanId: 12 }, "parentSpanId must be a hex string, got number"],
    ["a non-hex link id", { links: [{ traceId: "zz", spanId: "0000000000000001" }] }, "links[0].traceId must be a hex string"],
    ["attributes that are not a list", { attributes: { a: 1 } }, "attributes must be an array, got an object"],
  ])("rejects only the span with %s", (_case, overrides, message) => {
    const result = decodeJson([hexSpan(1), hexSpan(2, overrides), 7, hexSpan(3)]);
    expect(result.rejected).toBe(2);
    expect(result.records.map((r) => r.name)).toEqual(["span-1", "span-3"]);
    expect(result.errors[0]).toContain("span 1 of resource 0: ");
    expect(result.errors[0]).toContain(message);
    expect(result.errors[1]).toBe("span 2 of resource 0: must be a JSON object");
  });
});

describe("decodeTraces on unusable bodies", () => {
  const badRequest = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe("bad_request");
      return (error as ApiError).message;
    }
    throw new Error("expected an ApiError");
  };

  it("reports malformed protobuf as a 400", () => {
    const truncated = spansRequest([span(1)]).subarray(0, 40);
    expect(badRequest(() => decodeTraces(truncated, "protobuf"))).toMatch(
      /^malformed protobuf ExportTraceServiceRequest: index out of range/,
    );
  });

  it.each([
    ["{", /^malformed JSON: /],
    ["", /the body is empty/],
    ["[1,2]", /the request body must be an object/],
    ['{"resourceSpans":{}}', /resourceSpans must be an array/],
    ['{"resourceSpans":[{"scopeSpans":[{"spans":"x"}]}]}', /resourceSpans\[0\]\.scopeSpans\[0\]\.spans must be an array/],
  ])("reports the JSON body %j as a 400", (text, pattern) => {
    expect(badRequest(() => decodeTraces(new TextEncoder().encode(text), "json"))).toMatch(pattern);
  });

  it("refuses JSON that is not UTF-8", () => {
    expect(badRequest(() => decodeTraces(Uint8Array.from([0x7b, 0xff, 0x7d]), "json"))).toMatch(/not valid UTF-8/);
  });

  it("accepts an empty protobuf request (no spans) and an empty JSON object", () => {
    expect(decodeTraces(new Uint8Array(0), "protobuf")).toEqual({ records: [], rejected: 0, errors: [] });
    expect(decodeTraces(jsonBody({}), "json")).toEqual({ records: [], rejected: 0, errors: [] });
  });
});
