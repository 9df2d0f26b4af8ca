import { adminRequest } from "@/lib/testing/test-auth";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as compactRoute } from "@/app/api/v1/traces/[traceId]/compact/route";
import { GET as findRoute } from "@/app/api/v1/traces/[traceId]/find/route";
import { GET as spanRoute } from "@/app/api/v1/traces/[traceId]/spans/[spanId]/route";
import { GET as attributesRoute } from "@/app/api/v1/span-attributes/route";
import { getPool } from "@/lib/db/client";
import { storeTraces } from "@/lib/ingest/store/store-traces";
import { compactTraceSchema, findInTraceResponseSchema, SPAN_FLAG, traceSpanResponseSchema } from "@/lib/schemas/trace-compact";
import { spanAttributesResponseSchema } from "@/lib/schemas/span-attributes";
import { makeResource, makeSpan } from "@/lib/testing/make-records";
import { assembleCompactTrace } from "./assemble-compact-trace";
import { buildTraceModel } from "./build-trace-model";
import { countTraceSpansUpTo } from "./count-trace-spans";
import { getCompactTraceJson } from "./get-compact-trace";

// The trace page's endpoints against a real store: spans written by the ingest writer, read
// back through the route handlers, parsed with the schemas the browser uses.

const suffix = randomBytes(4).toString("hex");
const svc = (name: string) => `${name}-${suffix}`;
const traceId = randomBytes(16).toString("hex");
const orphanTraceId = randomBytes(16).toString("hex");
const base = Date.now() - 20 * 60_000;
const ids = { root: "1000000000000001", charge: "1000000000000002", db: "1000000000000003", linked: "1000000000000004" };

const call = (path: string) => adminRequest(path);
const params = <T>(value: T) => ({ params: Promise.resolve(value) });

beforeAll(async () => {
  const gateway = makeResource(svc("gateway"), { "k8s.pod.name": "gateway-5d8c" });
  const payment = makeResource(svc("payment"));
  await storeTraces(getPool(), [
    makeSpan({ traceId, spanId: ids.root, serviceName: svc("gateway"), resource: gateway, name: "POST /checkout", kind: 2, startMs: base, durationMs: 120, status: { code: 2, message: "upstream failed" } }),
    makeSpan({
      traceId,
      spanId: ids.charge,
      parentSpanId: ids.root,
      serviceName: svc("payment"),
      resource: payment,
      name: "POST /charges",
      kind: 2,
      startMs: base + 10,
      durationMs: 100,
      status: { code: 2, message: "card declined" },
      attributes: { "payment.provider": "stripe", "order.id": 4242 },
      events: [{ timeUnixNano: BigInt(base + 100) * 1_000_000n, name: "exception", attributes: { "exception.type": "CardDeclined", "exception.stacktrace": "CardDeclined: card declined\n    at charge (payment.ts:42)" }, droppedAttributesCount: 0 }],
    }),
    makeSpan({ traceId, spanId: ids.db, parentSpanId: ids.charge, serviceName: svc("payment"), resource: payment, name: "SELECT cards", kind: 3, startMs: base + 20, durationMs: 5, attributes: { "db.system": "postgresql" } }),
    makeSpan({
      traceId,
      spanId: ids.linked,
      parentSpanId: ids.root,
      serviceName: svc("gateway"),
      resource: gateway,
      name: "GET /timeout",
      kind: 3,
      startMs: base + 30,
      durationMs: 50,
      attributes: { "http.response.status_code": 504 },
      links: [{ traceId: randomBytes(16).toString("hex"), spanId: randomBytes(8).toString("hex"), traceState: "", attributes: {}, droppedAttributesCount: 0, flags: 0 }],
    }),
    makeSpan({ traceId: orphanTraceId, spanId: "2000000000000001", parentSpanId: "2000000000000099", serviceName: svc("gateway"), resource: gateway, startMs: base + 5, durationMs: 3 }),
  ]);
});

describe("GET /api/v1/traces/{traceId}/compact", () => {
  it("answers the columnar skeleton, ordered by start, with offsets, flags and parent indices", async () => {
    const response = await compactRoute(call(`/api/v1/traces/${traceId}/compact`), params({ traceId }));
    expect(response.status).toBe(200);
    const trace = compactTraceSchema.parse(await response.json());
    expect(trace.startTimeUnixNano).toBe(String(BigInt(base) * 1_000_000n));
    expect(trace.spans.spanId).toEqual([ids.root, ids.charge, ids.db, ids.linked]);
    expect(trace.spans.parent).toEqual([-1, 0, 1, 0]);
    expect(trace.spans.startNs).toEqual([0, 10_000_000, 20_000_000, 30_000_000]);
    expect(trace.spans.durationNs).toEqual([120_000_000, 100_000_000, 5_000_000, 50_000_000]);
    expect(trace.spans.kind).toEqual([2, 2, 3, 3]);
    expect(trace.spans.status).toEqual([2, 2, 0, 0]);
    expect(trace.services.length).toBe(2);
    expect(trace.spans.service.map((s) => trace.services[s])).toEqual([svc("gateway"), svc("payment"), svc("payment"), svc("gateway")]);
    expect(trace.spans.flags[1]).toBe(SPAN_FLAG.exception | SPAN_FLAG.events);
    expect(trace.spans.flags[3]).toBe(SPAN_FLAG.timeout | SPAN_FLAG.links);
    expect(trace.spans.flags[0]).toBe(0);
    expect(trace.missingParents).toEqual([]);
    expect(buildTraceModel(trace).criticalPath.onPath[1]).toBe(1);
  });

  it("reports a parent that was never received", async () => {
    const trace = compactTraceSchema.parse(JSON.parse((await getCompactTraceJson(getPool(), orphanTraceId))!));
    expect(trace.missingParents).toEqual([{ span: 0, parentSpanId: "2000000000000099" }]);
    expect(await getCompactTraceJson(getPool(), randomBytes(16).toString("hex"))).toBeNull();
  });

  it("is exactly what the pure assembleCompactTrace makes of the same stored spans", async () => {
    // Orphans, a span naming itself, a span id stored twice (re-sent with another start), several
    // services and names in an order that differs from their alphabetical one.
    const id = randomBytes(16).toString("hex");
    const res = makeResource(svc("zeta"));
    const other = makeResource(svc("alpha"));
    await storeTraces(getPool(), [
      makeSpan({ traceId: id, spanId: "3000000000000001", serviceName: svc("zeta"), resource: res, name: "z-root", startMs: base, durationMs: 50 }),
      makeSpan({ traceId: id, spanId: "3000000000000002", parentSpanId: "3000000000000001", serviceName: svc("alpha"), resource: other, name: "a-child", startMs: base + 1, durationMs: 5 }),
      makeSpan({ traceId: id, spanId: "3000000000000002", parentSpanId: "3000000000000001", serviceName: svc("alpha"), resource: other, name: "a-child", startMs: base + 2, durationMs: 5 }),
      makeSpan({ traceId: id, spanId: "3000000000000003", parentSpanId: "3000000000000002", serviceName: svc("zeta"), resource: res, name: "m-leaf", startMs: base + 3, durationMs: 1 }),
      makeSpan({ traceId: id, spanId: "3000000000000004", parentSpanId: "3000000000000004", serviceName: svc("zeta"), resource: res, name: "self", startMs: base + 4, durationMs: 1 }),
      makeSpan({ traceId: id, spanId: "3000000000000005", parentSpanId: "30000000000000ff", serviceName: svc("alpha"), resource: other, name: "a-child", startMs: base + 5, durationMs: 1, status: { code: 2, message: "x" } }),
    ]);
    const fromSql = JSON.parse((await getCompactTraceJson(getPool(), id))!) as unknown;
    const { rows } = await getPool().query<{ span_id: string; parent: string | null; service_name: string; name: string; kind: number; status_code: number; start_ns: string; duration_ns: string }>(
      `SELECT encode(span_id, 'hex') AS span_id, encode(parent_span_id, 'hex') AS parent, service_name, name, kind, status_code, start_ns, duration_ns
         FROM spans WHERE trace_id = $1 ORDER BY start_ns, span_id`,
      [Buffer.from(id, "hex")],
    );
    const t0 = BigInt(rows[0]!.start_ns);
    const reference = assembleCompactTrace({
      traceId: id,
      startTimeUnixNano: rows[0]!.start_ns,
      spanIds: rows.map((r) => r.span_id),
      parentSpanIds: rows.map((r) => r.parent),
      serviceNames: rows.map((r) => r.service_name),
      names: rows.map((r) => r.name),
      kinds: rows.map((r) => r.kind),
      statuses: rows.map((r) => r.status_code),
      startsNs: rows.map((r) => Number(BigInt(r.start_ns) - t0)),
      durationsNs: rows.map((r) => Number(r.duration_ns)),
      flags: rows.map(() => 0),
    });
    expect(fromSql).toEqual(reference);
    expect(reference.spans.spanId).toHaveLength(6);
    expect(reference.missingParents.map((m) => m.parentSpanId)).toEqual(["3000000000000004", "30000000000000ff"]);
    expect(reference.services).toEqual([svc("zeta"), svc("alpha")]);
  });

  it("answers 404 for an unknown trace and 400 for a bad id", async () => {
    const unknown = randomBytes(16).toString("hex");
    expect((await compactRoute(call("/x"), params({ traceId: unknown }))).status).toBe(404);
    const bad = await compactRoute(call("/x"), params({ traceId: "zz" }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "bad_request", message: "traceId: must be 32 hexadecimal characters" } });
  });
});

describe("GET /api/v1/traces/{traceId}/spans/{spanId}", () => {
  it("answers one span with attributes, events, resource and scope", async () => {
    const response = await spanRoute(call("/x"), params({ traceId, spanId: ids.charge.toUpperCase() }));
    expect(response.status).toBe(200);
    const { span } = traceSpanResponseSchema.parse(await response.json());
    expect(span).toMatchObject({
      spanId: ids.charge,
      parentSpanId: ids.root,
      serviceName: svc("payment"),
      kind: "SERVER",
      status: { code: "ERROR", message: "card declined" },
      attributes: { "payment.provider": "stripe", "order.id": 4242 },
      resource: { attributes: { "service.name": svc("payment") } },
      durationNs: "100000000",
    });
    expect(span.events).toHaveLength(1);
    expect(span.events[0]!.attributes["exception.stacktrace"]).toContain("payment.ts:42");
    const linked = traceSpanResponseSchema.parse(await (await spanRoute(call("/x"), params({ traceId, spanId: ids.linked }))).json());
    expect(linked.span.links).toHaveLength(1);
    expect(linked.span.isTimeout).toBe(true);
  });

  it("answers 404 for a span the trace does not hold", async () => {
    const response = await spanRoute(call("/x"), params({ traceId, spanId: "ffffffffffffffff" }));
    expect(response.status).toBe(404);
  });
});

describe("GET /api/v1/traces/{traceId}/find", () => {
  const find = async (q: string) => {
    const response = await findRoute(call(`/api/v1/traces/${traceId}/find?q=${encodeURIComponent(q)}`), params({ traceId }));
    return findInTraceResponseSchema.parse(await response.json()).spanIds;
  };

  it("matches attribute values (numbers by their text), keys, status messages, events and resource attributes", async () => {
    expect(await find("4242")).toEqual([ids.charge]);
    expect(await find("STRIPE")).toEqual([ids.charge]);
    expect(await find("db.system")).toEqual([ids.db]);
    expect(await find("upstream")).toEqual([ids.root]);
    expect(await find("payment.ts:42")).toEqual([ids.charge]);
    expect(await find("gateway-5d8c")).toEqual([ids.root, ids.linked]);
    expect(await find("nothing like this")).toEqual([]);
  });

  it("treats LIKE wildcards as text and refuses an empty query", async () => {
    expect(await find("%")).toEqual([]);
    const empty = await findRoute(call(`/api/v1/traces/${traceId}/find?q=`), params({ traceId }));
    expect(empty.status).toBe(400);
  });
});

describe("GET /api/v1/span-attributes", () => {
  it("suggests keys and their common values from spans in the window, per service", async () => {
    const window = `from=${base - 60_000}&to=${base + 60_000}`;
    const response = await attributesRoute(call(`/api/v1/span-attributes?${window}&service=${svc("payment")}`), {});
    expect(response.status).toBe(200);
    const body = spanAttributesResponseSchema.parse(await response.json());
    const keys = body.attributes.map((a) => a.key);
    expect(keys).toContain("payment.provider");
    expect(keys).toContain("db.system");
    expect(keys).not.toContain("k8s.pod.name");
    expect(body.attributes.find((a) => a.key === "order.id")!.values).toEqual([{ value: "4242", count: 1 }]);
    expect(body.sampled).toBe(2);

    const gateway = spanAttributesResponseSchema.parse(await (await attributesRoute(call(`/api/v1/span-attributes?${window}&service=${svc("gateway")}`), {})).json());
    expect(gateway.attributes.find((a) => a.key === "k8s.pod.name")!.values[0]).toEqual({ value: "gateway-5d8c", count: 3 });
  });
});

describe("countTraceSpansUpTo (the trace page: embed a small trace in the HTML?)", () => {
  it("counts a trace's spans up to the limit, one past it for a bigger trace, 0 for an unknown one", async () => {
    expect(await countTraceSpansUpTo(getPool(), traceId, 10)).toBe(4);
    expect(await countTraceSpansUpTo(getPool(), traceId, 4)).toBe(4);
    expect(await countTraceSpansUpTo(getPool(), traceId, 2)).toBe(3);
    expect(await countTraceSpansUpTo(getPool(), randomBytes(16).toString("hex"), 10)).toBe(0);
  });
});
