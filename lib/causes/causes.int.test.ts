import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as traceCausesRoute } from "@/app/api/v1/causes/traces/[traceId]/route";
import { GET as poolWaitsRoute } from "@/app/api/v1/causes/pool-waits/route";
import { storeAgentEvents } from "@/lib/database/store-agent-events";
import { getPool } from "@/lib/db/client";
import type { SpanRecord } from "@/lib/ingest/otlp/model";
import { agentEventInputSchema } from "@/lib/schemas/locks";
import { buildTrace, randomTraceId, seedTraces, type SpanTree } from "@/lib/testing/seed-telemetry";
import { adminRequest } from "@/lib/testing/test-auth";
import { getPoolWaits } from "./get-pool-waits";
import { getTraceCauses } from "./get-trace-causes";
import { listRecentCauses } from "./list-recent-causes";
import { poolWaitsResponseSchema, traceCausesResponseSchema } from "./schemas";

// The causes read from real stored spans, lock events and activity samples: two slow reports
// hold an order pool of two while a request waits 4.2 s for it; a batch request idles in a
// transaction on the same pool (seen only by the agent); another service's statements overlap
// the wait and must not count. Two requests block each other on rows, then deadlock.

const suffix = randomBytes(4).toString("hex");
const order = `order-${suffix}`;
const other = `stock-${suffix}`;
const gateway = `gateway-${suffix}`;
const t0 = Math.floor((Date.now() - 3_600_000) / 1000) * 1000;
const db = (name: string, offsetMs: number, durationMs: number): SpanTree => ({
  service: order,
  name,
  kind: 3,
  offsetMs,
  durationMs,
  attributes: { "db.system.name": "postgresql", "db.query.text": name },
});
const poolConnect = (offsetMs: number, durationMs: number, attributes: Record<string, number | string> = {}): SpanTree => ({
  service: order,
  name: "pool.connect",
  offsetMs,
  durationMs,
  attributes: { "db.client.connection.pool.name": order, ...attributes },
});
const request = (root: string, entry: string, children: SpanTree[], durationMs: number, service = order): SpanTree => ({
  service: gateway,
  name: root,
  kind: 2,
  durationMs,
  children: [{ service, name: entry, kind: 2, offsetMs: 1, durationMs: durationMs - 2, children }],
});

const report = () => request("GET /admin/reports/sales", "GET /reports/sales", [poolConnect(1, 1), db("BEGIN", 3, 1), db("SELECT pg_sleep", 5, 9_800), db("COMMIT", 9_806, 1)], 9_810);
const ids = { reportA: randomTraceId(), reportB: randomTraceId(), victim: randomTraceId(), batch: randomTraceId(), cancel: randomTraceId(), adjust: randomTraceId(), stock: randomTraceId(), timeout: randomTraceId() };
const spanIdOf = (spans: SpanRecord[], name: string) => spans.find((s) => s.name === name)!.spanId;
let cancelSpans: SpanRecord[] = [];
let adjustSpans: SpanRecord[] = [];

beforeAll(async () => {
  cancelSpans = buildTrace(request("POST /orders/7/cancel", "POST /orders/{id}/cancel", [db("UPDATE orders", 5, 1_600)], 1_700), t0 + 20_000, ids.cancel);
  adjustSpans = buildTrace(request("POST /admin/inventory/3/adjust", "POST /inventory/{id}/adjust", [db("UPDATE stock", 2, 1_700)], 1_800, other), t0 + 20_000, ids.adjust);
  await seedTraces(getPool(), [
    buildTrace(report(), t0, ids.reportA),
    buildTrace(report(), t0 + 10, ids.reportB),
    buildTrace(
      request("GET /orders", "GET /orders", [poolConnect(1, 4_200, { "db.client.connection.pending_requests": 3, "db.client.connection.max": 2 }), db("SELECT orders", 4_202, 5)], 4_210),
      t0 + 1_000,
      ids.victim,
    ),
    buildTrace(request("POST /batch", "POST /batch", [], 100), t0 + 400, ids.batch),
    // Slow to open a new connection, with nobody in line: not a wait for a holder.
    buildTrace(request("GET /orders/9", "GET /orders/{id}", [poolConnect(1, 600, { "db.client.connection.pending_requests": 0 })], 610), t0 + 2_000),
    buildTrace({ service: other, name: "GET /stock", kind: 2, durationMs: 5_000, children: [{ ...db("SELECT stock", 1, 4_990), service: other }] }, t0 + 500, ids.stock),
    buildTrace({ service: gateway, name: "POST /checkout", kind: 2, durationMs: 3_000, status: 2, attributes: { "http.response.status_code": 504 } }, t0 + 30_000, ids.timeout),
    cancelSpans,
    adjustSpans,
  ]);
  const iso = (ms: number) => new Date(ms).toISOString();
  const cancelProcess = { pid: 101, query: "UPDATE orders SET status = $1 WHERE id = $2", traceId: ids.cancel, spanId: spanIdOf(cancelSpans, "UPDATE orders") };
  const adjustProcess = { pid: 102, query: "UPDATE stock SET quantity = quantity + $1 WHERE product_id = $2", traceId: ids.adjust, spanId: spanIdOf(adjustSpans, "UPDATE stock") };
  const events = [
    {
      kind: "activity",
      id: `activity:shop:${iso(t0 + 3_000)}`,
      database: "shop",
      time: iso(t0 + 3_000),
      idleSessions: [{ pid: 77, xactStart: iso(t0 + 500), idleSince: iso(t0 + 600), idleMs: 2_400, query: "SELECT 1", traceId: ids.batch }],
      tables: [],
    },
    {
      kind: "wait",
      id: `wait:${suffix}`,
      database: "shop",
      time: iso(t0 + 20_010),
      durationMs: 1_500,
      ended: true,
      lock: { type: "transactionid", mode: "ShareLock", object: "transaction 4242", relation: null },
      waiter: cancelProcess,
      blockers: [{ ...adjustProcess, heldModes: ["ExclusiveLock"] }],
    },
    {
      kind: "deadlock",
      id: `deadlock:${suffix}`,
      database: "shop",
      time: iso(t0 + 21_600),
      source: "log",
      count: 1,
      victimPid: 101,
      processes: [
        { ...cancelProcess, waitsFor: { mode: "ShareLock", object: "transaction 4243" }, blockedBy: [102] },
        { ...adjustProcess, waitsFor: { mode: "ShareLock", object: "transaction 4242" }, blockedBy: [101] },
      ],
      message: "deadlock detected",
      context: null,
    },
  ].map((event) => agentEventInputSchema.parse(event));
  await storeAgentEvents(getPool(), events);
});

describe("pool waits → holders", () => {
  it("names the reports holding the pool on the victim's trace, the idle transaction from the agent's samples, and nothing of another service", async () => {
    const causes = await getTraceCauses(getPool(), ids.victim);
    expect(causes.poolWaits).toHaveLength(1);
    const wait = causes.poolWaits[0]!;
    expect(wait).toMatchObject({ service: order, pool: order, pendingRequests: 3, poolMax: 2, timedOut: false, request: { service: gateway, name: "GET /orders" } });
    expect(wait.durationMs).toBeCloseTo(4_200, 3);
    expect(wait.holders.operations[0]).toMatchObject({ operation: "GET /reports/sales", requests: 2, connections: 2 });
    expect(wait.holders.operations[0]!.heldMs).toBeCloseTo(2 * 4_200, 0);
    expect(wait.holders.operations[0]!.longestHoldMs).toBeCloseTo(9_804, 0);
    const traces = wait.holders.requests.map((r) => r.traceId);
    expect(traces.slice(0, 2).sort()).toEqual([ids.reportA, ids.reportB].sort());
    expect(wait.holders.requests.find((r) => r.traceId === ids.batch)).toMatchObject({ source: "activity", operation: "POST /batch", request: { service: gateway, name: "POST /batch" } });
    expect(traces).not.toContain(ids.stock);
    expect(traces).not.toContain(ids.victim);
  });

  it("sums a service's waits and ranks the holders over the window (also through the route)", async () => {
    const waits = await getPoolWaits(getPool(), { service: order, fromMs: t0 - 60_000, toMs: t0 + 60_000 });
    expect(waits).toMatchObject({ waits: 1, timedOut: 0, longest: [{ traceId: ids.victim }] });
    expect(waits.holders.operations.map((o) => o.operation)).toEqual(["GET /reports/sales", "POST /batch"]);
    const response = await poolWaitsRoute(adminRequest(`/api/v1/causes/pool-waits?service=${order}&from=${t0 - 60_000}&to=${t0 + 60_000}`), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(poolWaitsResponseSchema.parse(await response.json()).waits).toBe(1);
    expect(await getPoolWaits(getPool(), { service: other, fromMs: t0 - 60_000, toMs: t0 + 60_000 })).toMatchObject({ waits: 0, maxWaitMs: null, holders: { operations: [] } });
  });
});

describe("locks → the other side, on both traces", () => {
  it("tells the waiter and deadlock victim whose request and query it met", async () => {
    const { locks } = await getTraceCauses(getPool(), ids.cancel);
    expect(locks.map((l) => l.kind).sort()).toEqual(["deadlockVictim", "waited"]);
    const waited = locks.find((l) => l.kind === "waited")!;
    expect(waited).toMatchObject({ durationMs: 1_500, mode: "ShareLock", own: { pid: 101, request: { service: gateway, name: "POST /orders/7/cancel" } } });
    expect(waited.others).toEqual([
      { pid: 102, traceId: ids.adjust, spanId: spanIdOf(adjustSpans, "UPDATE stock"), query: expect.stringContaining("UPDATE stock"), request: { service: gateway, name: "POST /admin/inventory/3/adjust" }, statement: "UPDATE stock" },
    ]);
    expect(locks.find((l) => l.kind === "deadlockVictim")!.others[0]!.request?.name).toBe("POST /admin/inventory/3/adjust");
  });

  it("tells the blocker whom it blocked and for how long, and the deadlock's other side (through the route)", async () => {
    const response = await traceCausesRoute(adminRequest(`/api/v1/causes/traces/${ids.adjust}`), { params: Promise.resolve({ traceId: ids.adjust }) });
    expect(response.status).toBe(200);
    const { locks, poolWaits } = traceCausesResponseSchema.parse(await response.json());
    expect(poolWaits).toEqual([]);
    expect(locks.find((l) => l.kind === "blocked")).toMatchObject({ durationMs: 1_500, others: [{ pid: 101, request: { name: "POST /orders/7/cancel" }, statement: "UPDATE orders" }] });
    expect(locks.find((l) => l.kind === "deadlock")).toMatchObject({ others: [{ pid: 101, request: { name: "POST /orders/7/cancel" } }] });
  });

  it("refuses a trace id that is not one, by name", async () => {
    const response = await traceCausesRoute(adminRequest("/api/v1/causes/traces/xyz"), { params: Promise.resolve({ traceId: "xyz" }) });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("traceId");
  });
});

describe("recent causes", () => {
  it("lists the pool wait with its top holder, the lock wait and deadlock with both requests, and the timed-out endpoint, newest first", async () => {
    const { causes } = await listRecentCauses(getPool(), { fromMs: t0 - 60_000, toMs: t0 + 60_000 });
    const mine = causes.filter((c) => (c.kind === "poolWait" ? c.service === order : c.kind === "timeouts" ? c.service === gateway : c.eventId.endsWith(suffix)));
    expect(mine.map((c) => c.kind)).toEqual(["timeouts", "deadlock", "lockWait", "poolWait"]);
    const [timeouts, deadlock, lockWait, pool] = mine;
    expect(timeouts).toMatchObject({ operation: "POST /checkout", timedOut: 1, traceId: ids.timeout });
    expect(deadlock).toMatchObject({ victim: { traceId: ids.cancel, request: { name: "POST /orders/7/cancel" } }, others: [{ traceId: ids.adjust, request: { name: "POST /admin/inventory/3/adjust" } }] });
    expect(lockWait).toMatchObject({ durationMs: 1_500, victim: { traceId: ids.cancel }, other: { traceId: ids.adjust, query: expect.stringContaining("UPDATE stock") } });
    expect(pool).toMatchObject({ waits: 1, victim: { traceId: ids.victim }, topHolder: { operation: "GET /reports/sales", connections: 2 } });
  });
});
