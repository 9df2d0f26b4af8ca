import { randomBytes } from "node:crypto";
import { SpanKind } from "@opentelemetry/api";
import { ExportResultCode } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as logsRoute from "@/app/api/otlp/v1/logs/route";
import * as metricsRoute from "@/app/api/otlp/v1/metrics/route";
import * as tracesRoute from "@/app/api/otlp/v1/traces/route";
import { getPool } from "@/lib/db/client";
import { hex } from "@/lib/testing/make-records";
import { startRouteServer, type RouteServer } from "@/lib/testing/route-server";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";
import { otlpTypes } from "./otlp/otlp-root";
import { logsRequest, spansRequest, stringAttr } from "./otlp/testing/otlp-requests";

// Issue 10, items 1 and 6: items the store cannot hold (names past a btree entry, integers past
// a column, times past bigint) and OTLP/JSON values of the wrong type are refused as those items
// or stored in their safe form (docs/ingest-limits.md); the rest of the batch is stored, and the
// answer is never a 5xx for them, so an exporter does not retry a doomed batch.

let server: RouteServer;
beforeAll(async () => {
  server = await startRouteServer({ "/api/otlp/v1/traces": tracesRoute, "/api/otlp/v1/metrics": metricsRoute, "/api/otlp/v1/logs": logsRoute });
});
afterAll(async () => {
  await server.close();
  await getPool().end();
});

const U32_MAX = 2 ** 32 - 1;
const U64_MAX = "18446744073709551615";
const INT32_MAX = 2 ** 31 - 1;
/** Random text does not compress, so an index cannot fit it by compressing it. */
const randomText = (bytes: number) => randomBytes(bytes).toString("base64").slice(0, bytes);
const nowNs = () => BigInt(Date.now()) * 1_000_000n;
const q = async (sql: string, params: unknown[] = []) => (await getPool().query(sql, params)).rows;

async function post(signal: string, body: Uint8Array | string, contentType = "application/json") {
  const response = await fetch(`${server.url}/api/otlp/v1/${signal}`, {
    method: "POST",
    body: body as BodyInit,
    headers: { "Content-Type": contentType, Authorization: `Bearer ${TEST_INGEST_KEY}` },
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (contentType === "application/json" || response.status !== 200) {
    const text = new TextDecoder().decode(bytes);
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, any>) : {} };
  }
  const type = { traces: otlpTypes.traceResponse, metrics: otlpTypes.metricsResponse, logs: otlpTypes.logsResponse }[signal]!;
  return { status: response.status, json: type.toObject(type.decode(bytes), { longs: String }) as Record<string, any> };
}

const jsonSpan = (overrides: Record<string, unknown> = {}) => ({
  traceId: hex(16),
  spanId: hex(8),
  name: "GET /ok",
  kind: 2,
  startTimeUnixNano: String(nowNs() - 5_000_000n),
  endTimeUnixNano: String(nowNs()),
  ...overrides,
});
const resource = (service: string) => ({ attributes: [{ key: "service.name", value: { stringValue: service } }] });
const tracesJson = (groups: [string, unknown[]][]) =>
  JSON.stringify({ resourceSpans: groups.map(([service, spans]) => ({ resource: resource(service), scopeSpans: [{ scope: { name: "t" }, spans }] })) });

describe("item 1: spans the store cannot hold as sent", () => {
  it("stores long names truncated and wide integers fitted, refuses the span with an impossible event time, keeps the rest (JSON)", async () => {
    const service = `poison-${hex(4)}`;
    const longService = randomText(4000);
    const longName = randomText(5000);
    const body = tracesJson([
      [
        service,
        [
          jsonSpan({ name: "valid" }),
          jsonSpan({ name: longName }),
          jsonSpan({ name: "wide", flags: U32_MAX, droppedAttributesCount: U32_MAX, droppedEventsCount: U32_MAX, droppedLinksCount: U32_MAX }),
          jsonSpan({ name: "late event", events: [{ timeUnixNano: U64_MAX, name: "e" }] }),
        ],
      ],
      [longService, [jsonSpan({ name: "from a long service" })]],
    ]);
    const result = await post("traces", body);
    // Before: 503 "the store could not take this batch (index row size … exceeds btree maximum …); nothing was written, retry".
    expect(result.status).toBe(200);
    expect(result.json.partialSuccess.rejectedSpans).toBe("1");
    const message: string = result.json.partialSuccess.errorMessage;
    expect(message).toContain(`span 3 of resource 0: event 0 timeUnixNano ${U64_MAX} is more than 24 h in the future`);
    expect(message).toMatch(/span 1 of resource 0: name truncated to \d+ bytes \(\d+ bytes cut\)/);
    expect(message).toContain("span 2 of resource 0: flags 4294967295 has reserved bit 31 set; stored without it");
    expect(message).toMatch(/resource 1: service\.name truncated to \d+ bytes/);

    const stored = await q("SELECT name, flags, dropped_attributes_count AS a, dropped_events_count AS e, dropped_links_count AS l FROM spans WHERE service_name = $1 ORDER BY name", [service]);
    // Compared as a set: the truncated name starts with random text, so its place in any order is random.
    expect(stored.map((r) => r.name)).toHaveLength(3);
    expect(stored.map((r) => r.name)).toEqual(expect.arrayContaining(["valid", "wide", expect.stringMatching(/…\[\+\d+ bytes\]$/)]));
    const truncated = stored.find((r) => r.name.endsWith("bytes]"));
    expect(longName.startsWith(truncated.name.slice(0, truncated.name.indexOf("…")))).toBe(true);
    expect(Buffer.byteLength(truncated.name)).toBeLessThanOrEqual(1024);
    expect(stored.find((r) => r.name === "wide")).toEqual({ name: "wide", flags: INT32_MAX, a: INT32_MAX, e: INT32_MAX, l: INT32_MAX });
    expect(await q("SELECT count(*)::int AS n FROM spans WHERE name = 'late event'")).toEqual([{ n: 0 }]);

    const [fromLong] = await q("SELECT s.service_name, r.attributes->>'service.name' AS full_name FROM spans s JOIN resources r ON r.id = s.resource_id WHERE s.name = 'from a long service'");
    expect(fromLong.service_name).toBe(`${longService.slice(0, fromLong.service_name.indexOf("…"))}…[+${4000 - fromLong.service_name.indexOf("…")} bytes]`);
    expect(fromLong.full_name).toBe(longService); // the resource keeps it whole
    expect(await q("SELECT count(*)::int AS n FROM span_rollups_1m WHERE service_name = $1", [fromLong.service_name])).toEqual([{ n: 1 }]);
  });

  it("saturates a minute's duration sum instead of overflowing bigint with spans decades long", async () => {
    const service = `decades-${hex(4)}`;
    const start = BigInt(Date.UTC(2000, 0, 1)) * 1_000_000n + 1n;
    const spans = () => Array.from({ length: 12 }, () => jsonSpan({ name: "forever", startTimeUnixNano: String(start), endTimeUnixNano: String(nowNs()) }));
    // Before: 503 "… value out of range for type bigint …; nothing was written, retry".
    expect(await post("traces", tracesJson([[service, spans()]]))).toEqual({ status: 200, json: {} });
    expect(await post("traces", tracesJson([[service, spans()]]))).toEqual({ status: 200, json: {} }); // and again, into the same row
    expect(await q("SELECT count, duration_sum_ns::text AS sum FROM span_rollups_1m WHERE service_name = $1", [service])).toEqual([{ count: "24", sum: "9223372036854775807" }]);
    expect(await q("SELECT count(*)::int AS n FROM spans WHERE service_name = $1", [service])).toEqual([{ n: 24 }]);
  });

  it("stores strings PostgreSQL cannot hold as sent (NUL, lone surrogates) with U+FFFD instead of failing the batch", async () => {
    const service = `surrogate-${hex(4)}`;
    const body = tracesJson([[service, [jsonSpan({ name: "lone \ud800", attributes: [{ key: "k\udc00", value: { stringValue: "v\ud800\u0000" } }] })]]]);
    expect(body).toContain("\\ud800"); // sent as the JSON escape, as a sender's encoder would
    const result = await post("traces", body);
    // Before: 503 "… invalid input syntax for type json …; nothing was written, retry".
    expect(result).toEqual({ status: 200, json: {} });
    expect(await q("SELECT name, attributes FROM spans WHERE service_name = $1", [service])).toEqual([{ name: "lone \uFFFD", attributes: { "k\uFFFD": "v\uFFFD\uFFFD" } }]);
  });

  it("counts span names that differ only in what PostgreSQL cannot hold as one rollup key", async () => {
    const service = `same-key-${hex(4)}`;
    const start = String(nowNs() - 5_000_000n);
    const body = tracesJson([[service, ["GET \u0000", "GET \ufffd", "GET \ud800"].map((name) => jsonSpan({ name, startTimeUnixNano: start }))]]);
    // Before: 503 "… ON CONFLICT DO UPDATE command cannot affect row a second time …", forever.
    expect(await post("traces", body)).toEqual({ status: 200, json: {} });
    expect(await q("SELECT operation, count FROM span_rollups_1m WHERE service_name = $1", [service])).toEqual([{ operation: "GET \uFFFD", count: "3" }]);
  });

  it("a real SDK exporter with a very long span and service name gets success, not a retry loop (protobuf)", async () => {
    const service = randomText(3000);
    const spanName = randomText(3000);
    const exporter = new OTLPTraceExporter({ url: `${server.url}/api/otlp/v1/traces`, headers: { Authorization: `Bearer ${TEST_INGEST_KEY}` }, timeoutMillis: 5_000 });
    const recorded = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ resource: resourceFromAttributes({ "service.name": service }), spanProcessors: [new SimpleSpanProcessor(recorded)] });
    provider.getTracer("t").startSpan(spanName, { kind: SpanKind.SERVER }).end();
    const spans = recorded.getFinishedSpans();
    // The exporter's own retry policy decides what a 503 means to it: it retries until timeoutMillis.
    const outcome = await new Promise<ExportResultCode>((resolve) => exporter.export(spans, (r) => resolve(r.code)));
    await exporter.shutdown();
    // Before: the exporter saw 503 and retried until its timeout, then FAILED; nothing stored.
    expect(outcome).toBe(ExportResultCode.SUCCESS);
    const rows = await q("SELECT service_name, name FROM spans WHERE trace_id = decode($1, 'hex')", [spans[0]!.spanContext().traceId]);
    expect(rows).toHaveLength(1);
    expect(service.startsWith(rows[0].service_name.split("…")[0])).toBe(true);
    expect(spanName.startsWith(rows[0].name.split("…")[0])).toBe(true);
  });

  it("the same rules over protobuf: one bad span refused, the others stored fitted", async () => {
    const service = `poison-pb-${hex(4)}`;
    const pbSpan = (name: string, overrides: Record<string, unknown> = {}) => ({
      traceId: Buffer.from(hex(16), "hex"),
      spanId: Buffer.from(hex(8), "hex"),
      name,
      kind: 1,
      startTimeUnixNano: String(nowNs() - 2_000_000n),
      endTimeUnixNano: String(nowNs() - 1_000_000n),
      ...overrides,
    });
    const body = spansRequest(
      [pbSpan("ok"), pbSpan(randomText(5000)), pbSpan("wide", { flags: U32_MAX, droppedAttributesCount: U32_MAX }), pbSpan("late", { events: [{ timeUnixNano: U64_MAX, name: "e" }] })],
      [stringAttr("service.name", service)],
    );
    const result = await post("traces", body, "application/x-protobuf");
    expect(result.status).toBe(200);
    expect(result.json.partialSuccess.rejectedSpans).toBe("1");
    expect(result.json.partialSuccess.errorMessage).toContain("event 0 timeUnixNano");
    expect(await q("SELECT count(*)::int AS n, max(flags) AS flags FROM spans WHERE service_name = $1", [service])).toEqual([{ n: 3, flags: INT32_MAX }]);
  });
});

describe("item 1: metrics and logs the store cannot hold as sent", () => {
  it("a metric with a long name and service stores truncated; a point with an impossible count or flags is refused or fitted", async () => {
    const service = randomText(3000);
    const name = randomText(3000);
    const time = String(nowNs() - 1_000_000n);
    const body = otlpTypes.metricsRequest
      .encode(
        otlpTypes.metricsRequest.fromObject({
          resourceMetrics: [
            {
              resource: { attributes: [stringAttr("service.name", service)] },
              scopeMetrics: [
                {
                  metrics: [
                    { name, gauge: { dataPoints: [{ timeUnixNano: time, asDouble: 1, flags: U32_MAX - 1 }] } },
                    { name: "poison.histogram", histogram: { aggregationTemporality: 2, dataPoints: [{ timeUnixNano: time, count: U64_MAX, bucketCounts: [U64_MAX], explicitBounds: [] }] } },
                  ],
                },
              ],
            },
          ],
        }),
      )
      .finish();
    const result = await post("metrics", body, "application/x-protobuf");
    // Before: 503 (index row size exceeds btree maximum / bigint out of range), nothing stored.
    expect(result.status).toBe(200);
    expect(result.json.partialSuccess.rejectedDataPoints).toBe("1");
    expect(result.json.partialSuccess.errorMessage).toContain('metric "poison.histogram"');
    expect(result.json.partialSuccess.errorMessage).toContain("is not a count Sightline can store exactly");
    const rows = await q("SELECT s.name, s.service_name, p.flags FROM metric_points p JOIN metric_series s ON s.id = p.series_id WHERE s.name LIKE $1", [`${name.slice(0, 100)}%`]);
    expect(rows).toHaveLength(1);
    expect(rows[0].flags).toBe(INT32_MAX - 1);
    expect(Buffer.byteLength(rows[0].name)).toBeLessThanOrEqual(1024);
    expect(Buffer.byteLength(rows[0].service_name)).toBeLessThanOrEqual(1024);
    expect(await q("SELECT count(*)::int AS n FROM metric_series WHERE name = 'poison.histogram'")).toEqual([{ n: 0 }]);
  });

  it("logs: a long service name is truncated; a severity past smallint or an impossible observed time refuses that record only", async () => {
    const service = randomText(3000);
    const time = String(nowNs() - 1_000_000n);
    const log = (text: string, overrides: Record<string, unknown> = {}) => ({ timeUnixNano: time, body: { stringValue: text }, ...overrides });
    const body = otlpTypes.logsRequest
      .encode(
        otlpTypes.logsRequest.fromObject({
          resourceLogs: [{ resource: { attributes: [stringAttr("service.name", service)] }, scopeLogs: [{ logRecords: [log("poison-ok", { flags: U32_MAX, droppedAttributesCount: U32_MAX }), log("poison-sev", { severityNumber: INT32_MAX }), log("poison-observed", { observedTimeUnixNano: U64_MAX })] }] }],
        }),
      )
      .finish();
    const result = await post("logs", body, "application/x-protobuf");
    expect(result.status).toBe(200);
    expect(result.json.partialSuccess.rejectedLogRecords).toBe("2");
    expect(result.json.partialSuccess.errorMessage).toContain("log record 1 of resource 0: severityNumber must be 0..24, got 2147483647");
    expect(result.json.partialSuccess.errorMessage).toContain(`log record 2 of resource 0: observedTimeUnixNano ${U64_MAX} is more than 24 h in the future`);
    const rows = await q("SELECT body_text, flags, dropped_attributes_count AS dropped, service_name FROM log_records WHERE body_text LIKE 'poison-%'");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ body_text: "poison-ok", flags: INT32_MAX, dropped: INT32_MAX });
    expect(service.startsWith(rows[0].service_name.split("…")[0])).toBe(true);
    // A log request whose every record is bad is a 400 naming why.
    const allBad = await post("logs", logsRequest([log("x", { severityNumber: 99 })]), "application/x-protobuf");
    expect(allBad.status).toBe(400);
    expect(allBad.json.error.message).toBe("all 1 log records were rejected: log record 0 of resource 0: severityNumber must be 0..24, got 99");
  });
});

describe("item 6: OTLP/JSON values of the wrong type are refused, not coerced", () => {
  it("refuses each confused span alone and stores none of the coerced values", async () => {
    const service = `confused-${hex(4)}`;
    const attr = (key: string, value: unknown) => ({ attributes: [{ key, value }] });
    const body = tracesJson([
      [
        service,
        [
          jsonSpan({ name: "valid", ...attr("n", { intValue: "42" }) }),
          jsonSpan({ name: "abc", ...attr("n", { intValue: "abc" }) }),
          jsonSpan({ name: "wraps", ...attr("n", { intValue: "12345678901234567890123" }) }),
          jsonSpan({ name: { an: "object" } }),
          jsonSpan({ name: "yes", ...attr("b", { boolValue: "yes" }) }),
        ],
      ],
    ]);
    const result = await post("traces", body);
    // Before: 200 {} — all five stored, as n = 0, n = a wrapped number, name "[object Object]", b = true.
    expect(result.status).toBe(200);
    expect(result.json.partialSuccess.rejectedSpans).toBe("4");
    const message: string = result.json.partialSuccess.errorMessage;
    expect(message).toContain('span 1 of resource 0: attributes[0].value.intValue must be a int64 (an integer from -9223372036854775808 to 9223372036854775807), got "abc"');
    expect(message).toContain('span 2 of resource 0: attributes[0].value.intValue must be a int64 (an integer from -9223372036854775808 to 9223372036854775807), got "12345678901234567890123"');
    expect(message).toContain("span 3 of resource 0: name must be a string, got an object");
    expect(message).toContain('span 4 of resource 0: attributes[0].value.boolValue must be a bool, got "yes"');
    expect(await q("SELECT name, attributes FROM spans WHERE service_name = $1", [service])).toEqual([{ name: "valid", attributes: { n: 42 } }]);
  });

  it("treats a value nested past the depth limit the same in protobuf and JSON: that span refused, the rest stored", async () => {
    let deep: Record<string, unknown> = { stringValue: "leaf" };
    for (let i = 0; i < 60; i++) deep = { arrayValue: { values: [deep] } };
    const jsonService = `deep-json-${hex(4)}`;
    const json = await post("traces", tracesJson([[jsonService, [jsonSpan({ name: "shallow" }), jsonSpan({ name: "deep", attributes: [{ key: "d", value: deep }] })]]]));
    expect(json.status).toBe(200);
    expect(json.json.partialSuccess).toEqual({ rejectedSpans: "1", errorMessage: "span 1 of resource 0: nested deeper than 100 messages" });
    expect(await q("SELECT name FROM spans WHERE service_name = $1", [jsonService])).toEqual([{ name: "shallow" }]);

    // protobufjs will not encode past its depth limit, so the deep span is written by hand.
    const pbService = `deep-pb-${hex(4)}`;
    const field = (tag: number, bytes: Buffer) => Buffer.concat([Buffer.from([(tag << 3) | 2]), varint(bytes.length), bytes]);
    let anyValue = field(1, Buffer.from("leaf"));
    for (let i = 0; i < 60; i++) anyValue = field(5, field(1, anyValue));
    const shallowSpan = Buffer.from(otlpTypes.span.encode(otlpTypes.span.fromObject(pbSpanObject("shallow"))).finish());
    const deepSpan = Buffer.concat([
      Buffer.from(otlpTypes.span.encode(otlpTypes.span.fromObject(pbSpanObject("deep"))).finish()),
      field(9, Buffer.concat([field(1, Buffer.from("d")), field(2, anyValue)])),
    ]);
    const resourceBytes = Buffer.from(otlpTypes.resource.encode(otlpTypes.resource.fromObject({ attributes: [stringAttr("service.name", pbService)] })).finish());
    const request = field(1, Buffer.concat([field(1, resourceBytes), field(2, Buffer.concat([field(2, shallowSpan), field(2, deepSpan)]))]));
    const pb = await post("traces", request, "application/x-protobuf");
    // Before: 400 "malformed protobuf ExportTraceServiceRequest: max depth exceeded", nothing stored.
    expect(pb.status).toBe(200);
    expect(pb.json.partialSuccess).toEqual({ rejectedSpans: "1", errorMessage: "span 1 of resource 0: nested deeper than 100 messages" });
    expect(await q("SELECT name FROM spans WHERE service_name = $1", [pbService])).toEqual([{ name: "shallow" }]);
  });
});

function pbSpanObject(name: string) {
  return { traceId: Buffer.from(hex(16), "hex"), spanId: Buffer.from(hex(8), "hex"), name, kind: 1, startTimeUnixNano: String(nowNs() - 2_000_000n), endTimeUnixNano: String(nowNs() - 1_000_000n) };
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
