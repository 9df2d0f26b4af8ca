import { adminRequest } from "@/lib/testing/test-auth";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as serviceMapRoute } from "@/app/api/v1/service-map/route";
import { getPool } from "@/lib/db/client";
import type { SpanRecord } from "@/lib/ingest/otlp/model";
import { storeTraces } from "@/lib/ingest/store/store-traces";
import { serviceMapResponseSchema } from "@/lib/schemas/service-map";
import { hex, makeSpan } from "@/lib/testing/make-records";
import { getServiceMap } from "./get-service-map";

// Edges from spans written by the ingest writer: parent/child across services, peer.service on
// CLIENT spans without a child, nothing for calls inside one service.

const suffix = randomBytes(4).toString("hex");
const svc = (name: string) => `${name}-${suffix}`;
const base = Date.now() - 30 * 60_000;
const window = { fromMs: base - 60_000, toMs: base + 10 * 60_000 };

/** gateway SERVER → gateway CLIENT → order SERVER (→ order CLIENT → stripe by peer.service). */
function checkout(startMs: number, orderMs: number, orderFails: boolean): SpanRecord[] {
  const traceId = hex(16);
  const [root, client, order, stripe, internal, inventoryCall, inventory] = Array.from({ length: 7 }, () => hex(8));
  return [
    makeSpan({ traceId, spanId: root, serviceName: svc("gateway"), kind: 2, startMs, durationMs: orderMs + 20 }),
    makeSpan({ traceId, spanId: client, parentSpanId: root, serviceName: svc("gateway"), kind: 3, startMs: startMs + 2, durationMs: orderMs + 10 }),
    makeSpan({ traceId, spanId: order, parentSpanId: client, serviceName: svc("order"), kind: 2, startMs: startMs + 5, durationMs: orderMs, status: { code: orderFails ? 2 : 0, message: "" } }),
    makeSpan({ traceId, spanId: internal, parentSpanId: order, serviceName: svc("order"), kind: 1, startMs: startMs + 6, durationMs: 1 }),
    makeSpan({ traceId, spanId: stripe, parentSpanId: order, serviceName: svc("order"), kind: 3, startMs: startMs + 7, durationMs: 30, attributes: { "peer.service": svc("stripe") } }),
    // peer.service on a call whose callee is instrumented: the span edge counts, not the peer.
    makeSpan({ traceId, spanId: inventoryCall, parentSpanId: order, serviceName: svc("order"), kind: 3, startMs: startMs + 8, durationMs: 4, attributes: { "peer.service": svc("inventory") } }),
    makeSpan({ traceId, spanId: inventory, parentSpanId: inventoryCall, serviceName: svc("inventory"), kind: 2, startMs: startMs + 9, durationMs: 2 }),
  ];
}

beforeAll(async () => {
  await storeTraces(getPool(), [...checkout(base, 10, false), ...checkout(base + 60_000, 20, true), ...checkout(base + 120_000, 30, false)]);
});

const mine = <T extends { source: string }>(edges: T[]) => edges.filter((e) => e.source.endsWith(suffix));

describe("getServiceMap", () => {
  it("finds span edges across services and peer edges for uninstrumented callees", async () => {
    const map = await getServiceMap(getPool(), window);
    expect(mine(map.edges).map((e) => `${e.source}>${e.target}:${e.via}`)).toEqual([
      `${svc("gateway")}>${svc("order")}:span`,
      `${svc("order")}>${svc("inventory")}:span`,
      `${svc("order")}>${svc("stripe")}:peer`,
    ]);
  });

  it("measures calls, errors, rate and p95 on each edge", async () => {
    const map = await getServiceMap(getPool(), window);
    const edge = map.edges.find((e) => e.source === svc("gateway"))!;
    const seconds = (window.toMs - window.fromMs) / 1000;
    expect(edge).toMatchObject({ calls: 3, errors: 1 });
    expect(edge.errorRate).toBeCloseTo(1 / 3, 9);
    expect(edge.requestsPerSecond).toBeCloseTo(3 / seconds, 9);
    // The callee's durations 10, 20 and 30 ms: the interpolated 95th percentile is 29 ms.
    expect(edge.p95Ms).toBeCloseTo(29, 6);
    expect(map.edges.find((e) => e.target === svc("stripe"))).toMatchObject({ calls: 3, errors: 0, p95Ms: 30 });
  });

  it("lists nodes with handled requests; a peer-only service is not instrumented", async () => {
    const map = await getServiceMap(getPool(), window);
    const node = (name: string) => map.nodes.find((n) => n.name === svc(name));
    expect(node("order")).toEqual({ name: svc("order"), requests: 3, errors: 1, instrumented: true });
    expect(node("stripe")).toEqual({ name: svc("stripe"), requests: 0, errors: 0, instrumented: false });
  });

  it("keeps to the window", async () => {
    const early = await getServiceMap(getPool(), { fromMs: base - 600_000, toMs: base - 300_000 });
    expect(mine(early.edges)).toEqual([]);
    const firstOnly = await getServiceMap(getPool(), { fromMs: base - 1_000, toMs: base + 30_000 });
    expect(firstOnly.edges.find((e) => e.source === svc("gateway"))?.calls).toBe(1);
  });
});

describe("GET /api/v1/service-map", () => {
  it("answers the schema's shape and refuses a reversed window", async () => {
    const ok = await serviceMapRoute(adminRequest(`/api/v1/service-map?from=${window.fromMs}&to=${window.toMs}`), {});
    expect(ok.status).toBe(200);
    const body = serviceMapResponseSchema.parse(await ok.json());
    expect(mine(body.edges)).toHaveLength(3);
    const bad = await serviceMapRoute(adminRequest(`/api/v1/service-map?from=${window.toMs}&to=${window.fromMs}`), {});
    expect(bad.status).toBe(400);
  });
});
