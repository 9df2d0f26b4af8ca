import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTraceCauses } from "@/lib/causes/get-trace-causes";
import { getPool } from "@/lib/db/client";
import { FAST_TUNING, exceptionsOf, metricPointsOf, spansOf, startTestShop, type StoredSpan, type TestShop } from "@/lib/testing/demo-shop-fixture";

// The scenarios where a dependency is slow or unavailable: each, triggered, must leave the
// signature an SRE would recognise in Sightline's store.

let t: TestShop;
beforeAll(async () => {
  t = await startTestShop();
}, 60_000);
afterAll(async () => {
  await t?.close();
  await getPool().end();
});

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe("payment-timeout", () => {
  it("times checkouts out at the gateway, with the payment provider as the slow span", async () => {
    const outcome = await t.shop.trigger("payment-timeout");
    await sleep(100); // the held provider span ends as the outage does
    await t.shop.flush();
    expect(outcome.traceIds).toHaveLength(2);
    const spans = await spansOf(t.shop.instanceId, outcome.traceIds);
    const exceptions = await exceptionsOf(t.shop.instanceId);
    for (const traceId of outcome.traceIds) {
      const trace = spans.filter((s) => s.trace_id === traceId);
      const root = trace.find((s) => !s.parent)!;
      expect(root).toMatchObject({ service_name: "gateway", name: "POST /checkout", status_code: 2, is_timeout: true });
      expect(root.attributes["http.response.status_code"]).toBe(504);
      const call = trace.find((s) => s.service_name === "payment" && s.attributes["peer.service"] === "payment-provider")!;
      expect(call).toMatchObject({ kind: 3, status_code: 2, is_timeout: true });
      expect(call.duration_ms).toBeGreaterThanOrEqual(FAST_TUNING.providerTimeoutMs - 5);
      expect(exceptions.filter((e) => e.span_id === call.span_id)).toEqual([{ span_id: call.span_id, type: "TimeoutError", message: expect.stringMatching(/timed out after 300 ms/) }]);
      // the provider held the request for the whole outage: the slowest span of the trace
      const held = trace.find((s) => s.service_name === "payment-provider")!;
      expect(held.parent).toBe(call.span_id);
      expect(trace.reduce((slowest, s) => (s.duration_ms > slowest.duration_ms ? s : slowest))).toBe(held);
      expect(held.duration_ms).toBeGreaterThan(FAST_TUNING.faultMs / 2);
    }
    const payments = await t.shopDb.query("SELECT status FROM payments");
    expect(payments.map((p) => p.status)).toEqual(["TIMED_OUT", "TIMED_OUT"]);
  });
});

describe("pool-exhaustion", () => {
  it("makes order requests wait for a pool connection while the pool is at its max", async () => {
    const outcome = await t.shop.trigger("pool-exhaustion");
    await t.shop.flush();
    const spans = await spansOf(t.shop.instanceId, outcome.traceIds);
    const stalls = spans.filter((s) => s.service_name === "order" && s.attributes["db.query.text"] === "SELECT pg_sleep($1)");
    expect(stalls).toHaveLength(FAST_TUNING.orderPoolMax);
    const waits = spans.filter((s) => s.service_name === "order" && s.name === "pool.connect" && Number(s.attributes["db.client.connection.wait_time"]) > 0.5);
    expect(waits.length).toBeGreaterThanOrEqual(3); // two order lists and the checkout, behind the held connections
    for (const wait of waits) {
      expect(wait.attributes).toMatchObject({ "db.client.connection.pool.name": "order", "db.system.name": "postgresql" });
      expect(wait.duration_ms).toBeGreaterThan(500);
      // It stood in line (itself counted) behind a full pool, and says so.
      expect(Number(wait.attributes["db.client.connection.pending_requests"])).toBeGreaterThanOrEqual(1);
      expect(wait.attributes).toMatchObject({ "db.client.connection.used": FAST_TUNING.orderPoolMax, "db.client.connection.max": FAST_TUNING.orderPoolMax });
    }
    // Each victim's causes name the sales reports as the holders of every connection.
    const causes = await getTraceCauses(getPool(), waits[0]!.trace_id);
    expect(causes.poolWaits[0]?.holders.operations[0]).toMatchObject({ operation: "GET /reports/sales", requests: FAST_TUNING.orderPoolMax, connections: FAST_TUNING.orderPoolMax });
    const points = await metricPointsOf(t.shop.instanceId);
    const used = points.filter((p) => p.service_name === "order" && p.name === "db.client.connection.count" && p.attributes["db.client.connection.state"] === "used");
    expect(Math.max(...used.map((p) => p.value ?? 0))).toBe(FAST_TUNING.orderPoolMax);
    const pending = points.filter((p) => p.service_name === "order" && p.name === "db.client.connection.pending_requests");
    expect(Math.max(...pending.map((p) => p.value ?? 0))).toBeGreaterThan(0);
    const waitTime = points.filter((p) => p.service_name === "order" && p.name === "db.client.connection.wait_time");
    expect(Math.max(...waitTime.map((p) => p.max ?? 0))).toBeGreaterThan(0.5);
  });
});

describe("peak-slowdown", () => {
  it("makes the coupon service slower as the load climbs", async () => {
    const outcome = await t.shop.trigger("peak-slowdown");
    await t.shop.flush();
    const spans = await spansOf(t.shop.instanceId, outcome.traceIds);
    const lookups = spans.filter((s) => s.service_name === "coupon" && s.kind === 2);
    expect(lookups.length).toBeGreaterThan(15);
    const start = Number(BigInt(lookups[0]!.start_ns) / 1_000_000n);
    const stepMs = FAST_TUNING.faultMs / 4;
    const step = (s: StoredSpan) => Math.min(3, Math.floor((Number(BigInt(s.start_ns) / 1_000_000n) - start) / stepMs));
    const first = lookups.filter((s) => step(s) === 0).map((s) => s.duration_ms);
    const last = lookups.filter((s) => step(s) === 3).map((s) => s.duration_ms);
    expect(first.length).toBeGreaterThan(0);
    expect(mean(last)).toBeGreaterThan(1.5 * mean(first));
    // the extra time is spent queueing for the coupon service's connections
    const queued = spans.filter((s) => s.service_name === "coupon" && s.name === "pool.connect" && s.duration_ms > 50);
    expect(queued.length).toBeGreaterThan(3);
    // the other services stay fast: the slowdown is one dependency's
    const inventory = spans.filter((s) => s.service_name === "inventory");
    expect(inventory).toEqual([]);
  });
});
