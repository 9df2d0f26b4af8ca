import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as reportRoute } from "@/app/api/v1/reports/timeouts/route";
import { storeAuditChanges } from "@/lib/audit/store-audit-changes";
import { getPool } from "@/lib/db/client";
import { storeTraces } from "@/lib/ingest/store/store-traces";
import type { Attributes, SpanRecord } from "@/lib/ingest/otlp/model";
import { auditChangeInputSchema } from "@/lib/schemas/audit";
import { makeResource, makeSpan } from "@/lib/testing/make-records";
import { adminRequest } from "@/lib/testing/test-auth";
import { timeoutReportSchema } from "./schemas";

// The report end to end on a real store: checkouts written by the ingest writer (so spans and
// rollups agree as in production), some timing out on the payment provider, the same hour a
// day earlier with one timeout in ten requests, and the audit trail of the orders and payments
// those checkouts touched. Read back through the route handler and parsed with its schema.

const noParams = { params: Promise.resolve({}) };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const base = Math.floor((Date.now() - 3 * HOUR) / 60_000) * 60_000; // window [base, base + 1 h)
const hex = (n: number) => randomBytes(n).toString("hex");
const db = `shop_${hex(3)}`;

/** A checkout through gateway → order → payment → provider; `timeout`: the provider holds the call past payment's 3 s. */
function checkout(startMs: number, options: { timeout: boolean; orderId?: string; customer: string; amount?: number; currency?: string }): { spans: SpanRecord[]; traceId: string } {
  const traceId = hex(16);
  const ids = { gateway: hex(8), orderCall: hex(8), order: hex(8), paymentCall: hex(8), payment: hex(8), providerCall: hex(8), provider: hex(8) };
  const callMs = options.timeout ? 3_001 : 120;
  const status = options.timeout ? 504 : 201;
  const http = (code: number) => ({ "http.response.status_code": code });
  const error: SpanRecord["status"] = options.timeout ? { code: 2, message: "payment-provider did not answer within 3000 ms" } : { code: 0, message: "" };
  const span = (spanId: string, parentSpanId: string | null, service: string, name: string, kind: SpanRecord["kind"], offset: number, durationMs: number, attributes: SpanRecord["attributes"], failed = options.timeout) =>
    makeSpan({ traceId, spanId, parentSpanId, serviceName: service, resource: makeResource(service), name, kind, startMs: startMs + offset, durationMs, attributes, status: failed ? error : { code: 0, message: "" } });
  const order: Attributes = options.orderId ? { "order.id": options.orderId, "order.amount": options.amount ?? 10, "order.currency": options.currency ?? "EUR" } : {};
  return {
    traceId,
    spans: [
      span(ids.gateway, null, "gateway", "POST /checkout", 2, 0, callMs + 60, { ...http(status), "enduser.id": options.customer }),
      span(ids.orderCall, ids.gateway, "gateway", "POST", 3, 2, callMs + 55, http(status)),
      span(ids.order, ids.orderCall, "order", "POST /orders", 2, 3, callMs + 50, { ...http(status), "enduser.id": options.customer, ...order }),
      span(ids.paymentCall, ids.order, "order", "POST", 3, 30, callMs + 20, http(status)),
      span(ids.payment, ids.paymentCall, "payment", "POST /payments", 2, 31, callMs + 18, { ...http(status), ...order }),
      span(ids.providerCall, ids.payment, "payment", "POST", 3, 40, callMs, options.timeout ? { "error.type": "TimeoutError" } : http(201)),
      span(ids.provider, ids.providerCall, "payment-provider", "POST /v1/charges", 2, 41, options.timeout ? 20_000 : 100, {}, false),
    ],
  };
}

const timedOut: { traceId: string; orderId: string }[] = [];

const change = (table: string, pk: Record<string, unknown>, after: Record<string, unknown>, atMs: number, traceId: string | null, n: number) =>
  auditChangeInputSchema.parse({ id: `${db}:${table}:${n}`, database: db, table, op: "UPDATE", pk, before: after, after, changedColumns: Object.keys(after), traceId, spanId: null, txid: String(n), committedAt: new Date(atMs).toISOString() });

beforeAll(async () => {
  const spans: SpanRecord[] = [];
  // In the window: 20 checkouts, the 8 between minutes 20 and 28 time out (4 customers, EUR and USD orders).
  for (let i = 0; i < 20; i++) {
    const isTimeout = i >= 10 && i < 18;
    const orderId = String(1000 + i);
    const made = checkout(base + i * 60_000 + 10 * 60_000, {
      timeout: isTimeout,
      orderId,
      customer: `u-${i % 4}`,
      amount: 25.5,
      currency: i % 2 ? "USD" : "EUR",
    });
    spans.push(...made.spans);
    if (isTimeout) timedOut.push({ traceId: made.traceId, orderId });
  }
  // A day earlier: 10 checkouts, one timed out.
  for (let i = 0; i < 10; i++) spans.push(...checkout(base - DAY + i * 60_000, { timeout: i === 0, customer: "u-9" }).spans);
  await storeTraces(getPool(), spans);

  let n = 0;
  const changes = timedOut.flatMap(({ traceId, orderId }, k) => {
    const at = base + 40 * 60_000 + k * 1_000;
    const rows = [change("orders", { id: Number(orderId) }, { id: Number(orderId), status: "PENDING_PAYMENT" }, at, traceId, ++n)];
    // Two orders were paid after all (the callback came), one payment recovered at the provider.
    if (k < 2) rows.push(change("orders", { id: Number(orderId) }, { id: Number(orderId), status: "PAID" }, at + 500, null, ++n));
    rows.push(change("payments", { id: 500 + k }, { id: 500 + k, order_id: Number(orderId), status: "TIMED_OUT", confirmed_at: null }, at, traceId, ++n));
    if (k === 0) rows.push(change("payments", { id: 500 + k }, { id: 500 + k, order_id: Number(orderId), status: "TIMED_OUT", confirmed_at: "2026-01-01T00:00:00Z" }, at + 400, null, ++n));
    return rows;
  });
  expect((await storeAuditChanges(getPool(), changes)).inserted).toBe(changes.length);
});

afterAll(async () => {
  await getPool().end();
});

async function report(query: string) {
  const response = await reportRoute(adminRequest(`/api/v1/reports/timeouts?${query}`), noParams);
  expect(response.status).toBe(200);
  return timeoutReportSchema.parse(await response.json());
}

describe("GET /api/v1/reports/timeouts", () => {
  it("counts the timed-out checkouts against the day before, names the provider and the orders left unpaid", async () => {
    const facts = await report(`from=${base}&to=${base + HOUR}`);
    expect(facts.totals).toEqual({ requests: 20, timedOut: 8, rate: 0.4 });
    expect(facts.baseline.dayBefore).toEqual({ requests: 10, timedOut: 1, rate: 0.1 });
    expect(facts.baseline.weekBefore).toEqual({ requests: 0, timedOut: 0, rate: null });
    expect(facts.baseline.ratio).toBeCloseTo(4);
    expect(facts.endpoints).toEqual([{ service: "gateway", operation: "POST /checkout", requests: 20, timedOut: 8, rate: 0.4 }]);

    expect(facts.period.firstTimeoutMs).toBe(base + 20 * 60_000);
    expect(facts.period.lastTimeoutMs).toBe(base + 27 * 60_000 + 3_061);
    expect(facts.period.isOver).toBe(true);

    expect(facts.cause.sampledTraces).toBe(8);
    expect(facts.cause.ranking[0]).toMatchObject({ service: "payment-provider", operation: "POST /v1/charges", traces: 8 });
    expect(facts.cause.slowCall).toMatchObject({ caller: { service: "payment", operation: "POST" }, thresholdMs: 3_000, traces: 8, share: 1 });

    expect(facts.impact.customers.count).toBe(4);
    expect(facts.impact.orders.count).toBe(8);
    expect(facts.impact.moneyByCurrency).toEqual([
      { currency: "EUR", amount: 102, orders: 4 },
      { currency: "USD", amount: 102, orders: 4 },
    ]);
    expect(facts.stateLeft.unpaid.count).toBe(6);
    expect(facts.stateLeft.unpaid.orders!.map((o) => o.orderId).sort()).toEqual(timedOut.slice(2).map((t) => t.orderId).sort());
    expect(facts.stateLeft.paymentsRecovered).toEqual([expect.objectContaining({ paymentId: "500", orderId: timedOut[0]!.orderId })]);
    expect(facts.examples.map((e) => e.traceId).sort()).toEqual(timedOut.map((t) => t.traceId).sort());

    const series = facts.series.points;
    expect(series.reduce((s, p) => s + p.timedOut, 0)).toBe(8);
    expect(series.reduce((s, p) => s + p.dayBeforeTimedOut, 0)).toBe(1);
  });

  it("reports nothing timed out for an endpoint without timeouts, and still counts its requests", async () => {
    const facts = await report(`from=${base}&to=${base + 15 * 60_000}&service=gateway&operation=${encodeURIComponent("POST /checkout")}`);
    expect(facts.totals).toEqual({ requests: 5, timedOut: 0, rate: 0 });
    expect(facts.period.isOver).toBeNull();
    expect(facts.cause).toEqual({ sampledTraces: 0, ranking: [], slowCall: null });
    expect(facts.endpoint).toEqual({ service: "gateway", operation: "POST /checkout" });
  });

  it("refuses an operation without its service", async () => {
    const response = await reportRoute(adminRequest(`/api/v1/reports/timeouts?operation=x`), noParams);
    expect(response.status).toBe(400);
  });
});
