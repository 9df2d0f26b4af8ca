import { describe, expect, it } from "vitest";
import { FIELD_LIMITS } from "../field-limits";
import { decodeLogs } from "./decode-logs";
import { decodeMetrics } from "./decode-metrics";
import { decodeTraces } from "./decode-traces";
import type { OtlpEncoding } from "./model";
import { logsRequest, metricsJsonRequest, metricsRequest, NOW_NANOS, otlpJsonBody, span, spansRequest, stringAttr, traceRequest } from "./testing/otlp-requests";
import { T0_DATE } from "./testing/sdk-telemetry";

// Values no SDK sends but a broken or hostile sender can: each is refused as its own item or
// stored in the safe form docs/ingest-limits.md names, the same way in protobuf and JSON.

const now = T0_DATE;
const U32_MAX = 2 ** 32 - 1;
const U64_MAX = "18446744073709551615";

const tracesJson = (spans: Record<string, unknown>[], resourceAttributes: unknown[] = []) =>
  otlpJsonBody({ resourceSpans: [{ resource: { attributes: resourceAttributes }, scopeSpans: [{ spans }] }] });
const traces = (encoding: OtlpEncoding, spans: Record<string, unknown>[], resourceAttributes: unknown[] = []) =>
  decodeTraces(encoding === "protobuf" ? spansRequest(spans, resourceAttributes) : tracesJson(spans, resourceAttributes), encoding, { now });

describe.each(["protobuf", "json"] as const)("store-unsafe values over %s", (encoding) => {
  it("truncates a long span name and service.name with a marker and says so", () => {
    const result = traces(encoding, [span(1, { name: `GET ${"é".repeat(3000)}` })], [stringAttr("service.name", "s".repeat(5000))]);
    expect(result.rejected).toBe(0);
    const [record] = result.records;
    expect(Buffer.byteLength(record!.name)).toBeLessThanOrEqual(FIELD_LIMITS.maxIndexedNameBytes);
    expect(record!.name).toMatch(/^GET é+…\[\+\d+ bytes\]$/);
    expect(record!.serviceName).toMatch(/^s+…\[\+\d+ bytes\]$/);
    expect(record!.resource.attributes["service.name"]).toBe("s".repeat(5000)); // the attribute keeps it whole
    expect(result.errors).toEqual([
      expect.stringMatching(/^resource 0: service\.name truncated to \d+ bytes \(\d+ bytes cut\)$/),
      expect.stringMatching(/^span 0 of resource 0: name truncated to \d+ bytes/),
    ]);
  });

  it("lists why items were refused before any warning, so the reasons survive the message cap", () => {
    const longNamed = Array.from({ length: 6 }, (_, i) => span(i + 1, { name: "n".repeat(2000) }));
    const result = traces(encoding, [...longNamed, span(9, { events: [{ timeUnixNano: "1", name: "e" }] })]);
    expect(result.rejected).toBe(1);
    expect(result.errors).toHaveLength(5);
    expect(result.errors[0]).toBe("span 6 of resource 0: event 0 timeUnixNano 1 is before the year 2000");
    expect(result.errors.slice(1).every((m) => m.includes("name truncated"))).toBe(true);
  });

  it("fits flags and dropped counts of 2^32 − 1 into integer columns", () => {
    const result = traces(encoding, [
      span(1, { flags: U32_MAX, droppedAttributesCount: U32_MAX, droppedEventsCount: U32_MAX, droppedLinksCount: U32_MAX, events: [{ timeUnixNano: String(NOW_NANOS), name: "e", droppedAttributesCount: U32_MAX }] }),
    ]);
    expect(result.rejected).toBe(0);
    expect(result.records[0]).toMatchObject({ flags: 2 ** 31 - 1, droppedAttributesCount: 2 ** 31 - 1, droppedEventsCount: 2 ** 31 - 1, droppedLinksCount: 2 ** 31 - 1 });
    expect(result.records[0]!.events[0]!.droppedAttributesCount).toBe(2 ** 31 - 1);
    expect(result.errors).toEqual(["span 0 of resource 0: flags 4294967295 has reserved bit 31 set; stored without it"]);
  });

  it("refuses only the span with an event time of 2^64 − 1", () => {
    const result = traces(encoding, [span(1), span(2, { events: [{ timeUnixNano: U64_MAX, name: "late" }] })]);
    expect(result.records.map((r) => r.name)).toEqual(["span-1"]);
    expect(result.errors).toEqual([`span 1 of resource 0: event 0 timeUnixNano ${U64_MAX} is more than 24 h in the future`]);
  });

  it("refuses a histogram point whose count cannot be stored exactly", () => {
    const point = (count: string) => ({ timeUnixNano: String(NOW_NANOS), count, bucketCounts: [count], explicitBounds: [] });
    const metrics = [{ name: "h", histogram: { aggregationTemporality: 2, dataPoints: [point("3"), point(U64_MAX)] } }];
    const result = decodeMetrics(encoding === "protobuf" ? metricsRequest(metrics) : metricsJsonRequest(metrics), encoding, { now });
    expect(result.records).toHaveLength(1);
    expect(result.errors).toEqual([`data point 1 of metric "h" in resource 0: bucketCounts[0] 18446744073709552000 is not a count Sightline can store exactly (0 to 2^53 − 1)`]);
  });

  it("refuses a log record with an out-of-range severity or observed time", () => {
    const log = (overrides: Record<string, unknown> = {}) => ({ timeUnixNano: String(NOW_NANOS), body: { stringValue: "b" }, ...overrides });
    const logs = [log(), log({ severityNumber: 2 ** 31 - 1 }), log({ observedTimeUnixNano: U64_MAX }), log({ flags: U32_MAX })];
    const body = encoding === "protobuf" ? logsRequest(logs) : otlpJsonBody({ resourceLogs: [{ scopeLogs: [{ logRecords: logs }] }] });
    const result = decodeLogs(body, encoding, { now });
    expect(result.records.map((r) => r.flags)).toEqual([0, 2 ** 31 - 1]);
    expect(result.errors).toEqual([
      "log record 1 of resource 0: severityNumber must be 0..24, got 2147483647",
      `log record 2 of resource 0: observedTimeUnixNano ${U64_MAX} is more than 24 h in the future`,
    ]);
  });
});

describe("over-deep nesting is refused as that item in both encodings", () => {
  const nested = (depth: number): Record<string, unknown> => {
    let value: Record<string, unknown> = { stringValue: "leaf" };
    for (let i = 1; i < depth; i++) value = { arrayValue: { values: [value] } };
    return value;
  };

  it.each([9, 60, 1000])("an attribute nested %i deep", (depth) => {
    const spans = [span(1), span(2, { attributes: [{ key: "deep", value: nested(depth) }] })];
    // protobufjs cannot encode past its own depth limit, so the deep protobuf bytes are built by hand.
    const protobuf = depth > 40 ? deepProtobufRequest(depth) : spansRequest(spans);
    const fromProtobuf = decodeTraces(protobuf, "protobuf", { now });
    const fromJson = decodeTraces(tracesJson(spans), "json", { now });
    expect(fromProtobuf.records.map((r) => r.name)).toEqual(["span-1"]);
    expect(fromJson.records.map((r) => r.name)).toEqual(["span-1"]);
    const reason = depth > 40 ? "nested deeper than 100 messages" : 'attribute "deep" is nested deeper than 8 levels';
    // The hand-built protobuf request carries the deep span in a second resource.
    expect(fromProtobuf.errors).toEqual([`${depth > 40 ? "span 0 of resource 1" : "span 1 of resource 0"}: ${reason}`]);
    expect(fromJson.errors).toEqual([`span 1 of resource 0: ${reason}`]);
  });

  it("a resource nested too deeply refuses the spans under it only", () => {
    const body = otlpJsonBody({
      resourceSpans: [
        { resource: { attributes: [{ key: "deep", value: nested(80) }] }, scopeSpans: [{ spans: [span(1), span(2)] }] },
        { scopeSpans: [{ spans: [span(3)] }] },
      ],
    });
    const result = decodeTraces(body, "json", { now });
    expect(result.rejected).toBe(2);
    expect(result.records.map((r) => r.name)).toEqual(["span-3"]);
    expect(result.errors).toEqual(["resource 0: nested deeper than 100 messages"]);
  });
});

// One span whose attribute value nests `depth` AnyValues: encoded by hand (tag, length, body).
function deepProtobufRequest(depth: number): Uint8Array {
  const field = (tag: number, body: Buffer) => Buffer.concat([Buffer.from([(tag << 3) | 2]), varint(body.length), body]);
  let anyValue = field(1, Buffer.from("leaf"));
  for (let i = 1; i < depth; i++) anyValue = field(5, field(1, anyValue)); // arrayValue { values: [anyValue] }
  const good = Buffer.from(spansRequest([span(1)]));
  const deepSpan = Buffer.from(traceRequest([{ scopeSpans: [{ spans: [span(2)] }] }]));
  // Append the attribute (Span field 9: KeyValue { key = "deep", value = anyValue }) to span 2,
  // sent as a second ResourceSpans (repeated fields concatenate on the wire).
  const request = (spanBytes: Buffer) => field(1, field(2, field(2, spanBytes)));
  const span2 = innermost(deepSpan);
  const withAttribute = Buffer.concat([span2, field(9, Buffer.concat([field(1, Buffer.from("deep")), field(2, anyValue)]))]);
  return Buffer.concat([good, request(withAttribute)]);
}

/** The bytes of the only span in a one-resource, one-scope, one-span request. */
function innermost(request: Buffer): Buffer {
  let bytes = request;
  for (let level = 0; level < 3; level++) {
    let at = 1;
    let length = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++]!;
      length |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
    }
    bytes = bytes.subarray(at, at + length);
  }
  return bytes;
}

function varint(n: number): Buffer {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return Buffer.from(out);
}

describe("OTLP/JSON type confusion is refused as that item", () => {
  const attr = (value: unknown) => ({ attributes: [{ key: "k", value }] });
  it.each([
    ["intValue \"abc\"", attr({ intValue: "abc" }), 'attributes[0].value.intValue must be a int64 (an integer from -9223372036854775808 to 9223372036854775807), got "abc"'],
    ["a 23-digit intValue", attr({ intValue: "12345678901234567890123" }), "attributes[0].value.intValue must be a int64"],
    ["a 23-digit intValue number", attr({ intValue: 12345678901234567890123 }), "attributes[0].value.intValue must be a int64"],
    ["a name object", { name: { a: 1 } }, "name must be a string, got an object"],
    ["boolValue \"yes\"", attr({ boolValue: "yes" }), 'attributes[0].value.boolValue must be a bool, got "yes"'],
    ["doubleValue \"fast\"", attr({ doubleValue: "fast" }), 'attributes[0].value.doubleValue must be a double, got "fast"'],
    ["two oneof members", attr({ stringValue: "a", intValue: "1" }), "attributes[0].value sets stringValue and intValue; only one may be set"],
    ["an unknown kind name", { kind: "SPAN_KIND_SIDEWAYS" }, 'kind must be a SpanKind name or number, got "SPAN_KIND_SIDEWAYS"'],
    ["flags of 2^32", { flags: 2 ** 32 }, "flags must be a fixed32 (an integer from 0 to 4294967295), got 4294967296"],
    ["a fractional start time", { startTimeUnixNano: 1.5 }, "startTimeUnixNano must be a fixed64"],
    ["bytesValue that is not base64", attr({ bytesValue: "not base64!" }), 'attributes[0].value.bytesValue must be a base64 string, got "not base64!"'],
  ])("%s", (_case, overrides, message) => {
    const result = decodeTraces(tracesJson([span(1), span(2, overrides)]), "json", { now });
    expect(result.records.map((r) => r.name)).toEqual(["span-1"]);
    expect(result.rejected).toBe(1);
    expect(result.errors[0]).toContain("span 1 of resource 0: ");
    expect(result.errors[0]).toContain(message);
  });

  it("accepts what the JSON mapping allows: numbers or strings for ints, names for enums, NaN for doubles", () => {
    const result = decodeTraces(
      tracesJson([span(1, { kind: "SPAN_KIND_SERVER", flags: "1", ...attr({ doubleValue: "NaN" }), droppedAttributesCount: 2, status: { code: 2 } })]),
      "json",
      { now },
    );
    expect(result.errors).toEqual([]);
    expect(result.records[0]).toMatchObject({ kind: 2, flags: 1, attributes: { k: "NaN" }, droppedAttributesCount: 2, status: { code: 2 } });
  });

  it("refuses the points of a metric whose identity has the wrong type, and keeps other metrics", () => {
    const point = { timeUnixNano: String(NOW_NANOS), asDouble: 1 };
    const body = metricsJsonRequest([
      { name: { not: "a string" }, gauge: { dataPoints: [point, point] } },
      { name: "ok", gauge: { dataPoints: [point] } },
    ]);
    const result = decodeMetrics(body, "json", { now });
    expect(result.records.map((r) => r.name)).toEqual(["ok"]);
    expect(result.rejected).toBe(2);
    expect(result.errors[0]).toContain("metric: name must be a string, got an object");
  });
});
