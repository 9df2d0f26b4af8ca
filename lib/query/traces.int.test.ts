import { adminRequest } from "@/lib/testing/test-auth";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getTraceRoute } from "@/app/api/v1/traces/[traceId]/route";
import { GET as searchTracesRoute } from "@/app/api/v1/traces/route";
import { getPool } from "@/lib/db/client";
import { traceResponseSchema, traceSearchResponseSchema } from "@/lib/schemas/traces";
import { buildTrace, checkoutTree, randomTraceId, seedTraces } from "@/lib/testing/seed-telemetry";
import { getTrace } from "./get-trace";
import { searchTraces, type TraceSearchInput } from "./search-traces";

const suffix = randomBytes(4).toString("hex");
const svc = (name: string) => `${name}-${suffix}`;
const base = Date.now() - 30 * 60_000;
const window = { fromMs: base - 60_000, toMs: base + 10 * 60_000 };
const ids = { ok: randomTraceId(), error: randomTraceId(), orphan: randomTraceId(), timeout: randomTraceId() };

const search = (input: Partial<TraceSearchInput>) => searchTraces(getPool(), { ...window, status: "any", limit: 20, sort: "start", ...input });
const found = async (input: Partial<TraceSearchInput>) => (await search(input)).traces.map((t) => t.traceId).sort();

beforeAll(async () => {
  await seedTraces(getPool(), [
    buildTrace(checkoutTree({ suffix, paymentMs: 40, userId: "user-7", orderId: 1001 }), base, ids.ok),
    buildTrace(checkoutTree({ suffix, paymentMs: 300, paymentStatus: 2, userId: "user-42", orderId: 4242 }), base + 60_000, ids.error),
    // The root has not arrived: its two children are all there is.
    buildTrace(
      {
        service: svc("gateway"),
        name: "GET /",
        missing: true,
        durationMs: 50,
        children: [
          { service: svc("inventory"), name: "reserve", offsetMs: 12, durationMs: 8, attributes: { "cache.hit": true } },
          { service: svc("inventory"), name: "lookup", offsetMs: 3, durationMs: 5 },
        ],
      },
      base + 120_000,
      ids.orphan,
    ),
    buildTrace(
      {
        service: svc("gateway"),
        name: "GET /slow",
        kind: 2,
        durationMs: 5_000,
        status: 2,
        attributes: { "http.response.status_code": 504 },
        resourceAttributes: { "k8s.pod.name": "gateway-7f9c" },
      },
      base + 180_000,
      ids.timeout,
    ),
  ]);
});

describe("getTrace", () => {
  it("returns every span in start order with OTLP names, string nanoseconds, events, resources and scope", async () => {
    const trace = await getTrace(getPool(), ids.error);
    expect(trace).not.toBeNull();
    traceResponseSchema.parse(trace);
    const spans = trace!.spans;
    expect(spans.map((s) => s.name)).toEqual(["POST /api/checkout", "POST /orders", "SELECT coupons", "POST /charges"]);
    const [root, orders, coupons, payment] = spans;
    expect(root).toMatchObject({ parentSpanId: null, serviceName: svc("frontend"), kind: "SERVER", status: { code: "ERROR", message: "" } });
    expect(orders!.parentSpanId).toBe(root!.spanId);
    expect(coupons).toMatchObject({ kind: "CLIENT", status: { code: "UNSET" }, attributes: { "db.system": "postgresql" } });
    expect(payment).toMatchObject({
      status: { code: "ERROR", message: "card declined" },
      attributes: { "payment.provider": "stripe", "http.response.status_code": 402 },
      resource: { attributes: { "service.name": svc("payment"), "deployment.environment.name": "test" } },
      scope: { name: "@opentelemetry/instrumentation-http", version: "0.57.0" },
      events: [{ name: "exception", attributes: { "exception.type": "CardDeclined" } }],
      traceState: "",
      flags: 1,
      links: [],
      droppedEventsCount: 0,
    });
    expect(BigInt(payment!.endTimeUnixNano) - BigInt(payment!.startTimeUnixNano)).toBe(300_000_000n);
    expect(payment!.durationNs).toBe("300000000");
    expect(BigInt(payment!.events[0]!.timeUnixNano) - BigInt(payment!.startTimeUnixNano)).toBe(299_000_000n);
    expect(BigInt(root!.startTimeUnixNano)).toBe(BigInt(base + 60_000) * 1_000_000n);
  });

  it("returns null for a trace with no stored spans", async () => {
    expect(await getTrace(getPool(), randomTraceId())).toBeNull();
  });
});

describe("searchTraces", () => {
  it("summarises each trace: root, start, duration, span and error counts, services", async () => {
    const { traces } = await search({ service: svc("payment") });
    traceSearchResponseSchema.parse({ traces });
    expect(traces.map((t) => t.traceId)).toEqual([ids.error, ids.ok]); // most recent first
    expect(traces[0]).toMatchObject({
      rootServiceName: svc("frontend"),
      rootName: "POST /api/checkout",
      spanCount: 4,
      errorCount: 3,
      durationMs: 360,
      startTimeUnixNano: String(BigInt(base + 60_000) * 1_000_000n),
      services: [svc("checkout"), svc("frontend"), svc("payment")].sort(),
    });
  });

  it("uses the earliest span as the root while the real root is missing", async () => {
    const { traces } = await search({ service: svc("inventory") });
    expect(traces).toHaveLength(1);
    expect(traces[0]).toMatchObject({ traceId: ids.orphan, rootName: "lookup", spanCount: 2, durationMs: 17 });
  });

  it("filters by operation, duration, status and timeout on the same span", async () => {
    expect(await found({ service: svc("payment"), minDurationMs: 200 })).toEqual([ids.error]);
    expect(await found({ service: svc("payment"), maxDurationMs: 100 })).toEqual([ids.ok]);
    expect(await found({ service: svc("checkout"), operation: "POST /orders", status: "error" })).toEqual([ids.error]);
    expect(await found({ service: svc("checkout"), status: "ok" })).toEqual([]);
    expect(await found({ timeout: true, service: svc("gateway") })).toEqual([ids.timeout]);
    expect(await found({ service: svc("frontend"), timeout: false })).toEqual([ids.ok, ids.error].sort());
  });

  it("matches string, number and boolean attributes by their text, and resource attributes", async () => {
    expect(await found({ attr: [{ key: "enduser.id", value: "user-42" }] })).toEqual([ids.error]);
    expect(await found({ attr: [{ key: "order.id", value: "4242" }] })).toEqual([ids.error]);
    expect(await found({ attr: [{ key: "order.id", value: "4242.0" }] })).toEqual([ids.error]);
    expect(await found({ attr: [{ key: "http.response.status_code", value: "504" }] })).toEqual([ids.timeout]);
    expect(await found({ attr: [{ key: "cache.hit", value: "true" }] })).toEqual([ids.orphan]);
    expect(await found({ attr: [{ key: "k8s.pod.name", value: "gateway-7f9c" }] })).toEqual([ids.timeout]);
    expect(await found({ attr: [{ key: "order.id", value: "not-a-number" }] })).toEqual([]);
  });

  it("needs one span to satisfy every condition (Jaeger semantics)", async () => {
    // Both attributes exist in the error trace, but on different spans.
    expect(await found({ attr: [{ key: "payment.provider", value: "stripe" }, { key: "order.id", value: "4242" }] })).toEqual([]);
    expect(await found({ attr: [{ key: "http.route", value: "/orders" }, { key: "order.id", value: "4242" }] })).toEqual([ids.error]);
    expect(await found({ attrExists: ["payment.provider"], service: svc("payment") })).toEqual([ids.ok, ids.error].sort());
    expect(await found({ attrExists: ["payment.provider"], service: svc("checkout") })).toEqual([]);
  });

  it("sorts by duration, limits, and keeps to the window", async () => {
    const byDuration = await search({ sort: "duration", attrExists: ["http.route"] });
    expect(byDuration.traces.map((t) => t.traceId)).toEqual([ids.error, ids.ok]);
    expect((await search({ service: svc("payment"), limit: 1 })).traces.map((t) => t.traceId)).toEqual([ids.error]);
    expect(await found({ service: svc("payment"), fromMs: base + 30_000, toMs: base + 90_000 })).toEqual([ids.error]);
    expect(await found({ service: svc("payment"), fromMs: base + 10 * 60_000, toMs: base + 20 * 60_000 })).toEqual([]);
  });

  it("finds older traces behind a newer one whose matching spans fill the newest-first probe", async () => {
    const batch = svc("batch");
    const wide = buildTrace({ service: batch, name: "run", durationMs: 900, children: Array.from({ length: 44 }, (_, i) => ({ service: batch, name: `item ${i}`, offsetMs: i * 10, durationMs: 5 })) }, base + 240_000);
    const older = buildTrace({ service: batch, name: "run", durationMs: 100 }, base + 200_000);
    await seedTraces(getPool(), [wide, older]);
    // limit 2 probes the newest 40 matching spans: all of them belong to the wide trace.
    const { traces } = await search({ service: batch, limit: 2 });
    expect(traces.map((t) => t.traceId)).toEqual([wide[0]!.traceId, older[0]!.traceId]);
    expect(traces[0]!.spanCount).toBe(45);
  });

  it("keeps to the given trace ids, with the other filters still applied", async () => {
    expect(await found({ traceId: [ids.ok, ids.timeout] })).toEqual([ids.ok, ids.timeout].sort());
    expect(await found({ traceId: [ids.ok, ids.timeout], status: "error" })).toEqual([ids.timeout]);
    expect(await found({ traceId: [randomTraceId()] })).toEqual([]);
    // Spans outside the window do not make a chosen trace match.
    expect(await found({ traceId: [ids.ok], fromMs: base + 5 * 60_000 })).toEqual([]);
  });

  it("treats hostile text as data", async () => {
    expect(await found({ service: "x' OR '1'='1", attr: [{ key: "a'); DROP TABLE spans; --", value: "'" }] })).toEqual([]);
    expect((await getTrace(getPool(), ids.ok))?.spans).toHaveLength(4);
  });
});

describe("trace routes", () => {
  const call = (path: string) => adminRequest(path);

  it("serves a trace by id and answers 404 and 400 with error bodies", async () => {
    const ok = await getTraceRoute(call(`/api/v1/traces/${ids.ok.toUpperCase()}`), { params: Promise.resolve({ traceId: ids.ok.toUpperCase() }) });
    expect(ok.status).toBe(200);
    const body = traceResponseSchema.parse(await ok.json());
    expect(body.traceId).toBe(ids.ok);
    expect(body.spans).toHaveLength(4);

    const missing = randomTraceId();
    const notFound = await getTraceRoute(call(`/api/v1/traces/${missing}`), { params: Promise.resolve({ traceId: missing }) });
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ error: { code: "not_found" } });

    const bad = await getTraceRoute(call("/api/v1/traces/nope"), { params: Promise.resolve({ traceId: "nope" }) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { code: "bad_request", message: "traceId: must be 32 hexadecimal characters", requestId: expect.any(String) } });
  });

  it("searches the last hour by default, with repeated parameters, and names a bad parameter", async () => {
    const response = await searchTracesRoute(call(`/api/v1/traces?service=${svc("checkout")}&attr=http.route%3D%2Forders&attr=order.id%3D1001`), {});
    expect(response.status).toBe(200);
    const body = traceSearchResponseSchema.parse(await response.json());
    expect(body.traces.map((t) => t.traceId)).toEqual([ids.ok]);

    const chosen = await searchTracesRoute(call(`/api/v1/traces?traceId=${ids.error.toUpperCase()}&traceId=${ids.orphan}`), {});
    expect(traceSearchResponseSchema.parse(await chosen.json()).traces.map((t) => t.traceId).sort()).toEqual([ids.error, ids.orphan].sort());
    const notAnId = await searchTracesRoute(call("/api/v1/traces?traceId=xyz"), {});
    expect(notAnId.status).toBe(400);
    expect(((await notAnId.json()) as { error: { message: string } }).error.message).toMatch(/^traceId\.0: must be 32 hexadecimal characters/);
    const tooMany = await searchTracesRoute(call(`/api/v1/traces?${Array.from({ length: 101 }, () => `traceId=${randomTraceId()}`).join("&")}`), {});
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { error: { message: string } }).error.message).toMatch(/at most 100 trace ids/);

    const bad = await searchTracesRoute(call("/api/v1/traces?limit=0"), {});
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^limit: /);
  });
});
