import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getPool } from "@/lib/db/client";
import { FAST_TUNING, createShopDatabase, metricPointsOf, spansOf, startOtlpServer, type ShopDatabase, type StoredSpan } from "@/lib/testing/demo-shop-fixture";
import type { RouteServer } from "@/lib/testing/route-server";
import { TEST_INGEST_KEY } from "@/lib/testing/test-ingest-key";
import { ensureShopDatabase } from "./ensure-shop-database";
import { startDemoShop } from "./start-demo-shop";

// Normal traffic, end to end: the shop runs for a few seconds against Sightline's real OTLP
// routes and its own database; what arrived in Sightline and what changed in the shop's
// database must be what a real system of seven services would leave behind.

let server: RouteServer;
let shopDb: ShopDatabase;
let instanceId: string;
let spans: StoredSpan[];
const statements: string[] = [];
let collectStatements = () => {};

beforeAll(async () => {
  server = await startOtlpServer();
  shopDb = await createShopDatabase();
  await ensureShopDatabase(shopDb.url);
  // Every statement any shop pool sends, read where pg hands it to the connection: this sees
  // what PostgreSQL sees, whatever path in the shop produced it.
  const spy = vi.spyOn(pg.Client.prototype, "query");
  collectStatements = () => {
    for (const [i, args] of spy.mock.calls.entries()) {
      const client = spy.mock.contexts[i] as { connectionParameters: { database: string; application_name?: string } };
      const { database, application_name: app } = client.connectionParameters;
      if (database !== shopDb.name || !app?.startsWith("demo-shop/") || app === "demo-shop/setup") continue;
      const config: unknown = args[0];
      statements.push(typeof config === "string" ? config : ((config as { text?: string }).text ?? ""));
    }
  };

  const shop = await startDemoShop({
    sightlineUrl: server.url,
    ingestKey: TEST_INGEST_KEY,
    shopDatabaseUrl: shopDb.url,
    rate: 8,
    tuning: { ...FAST_TUNING, batchEveryMs: 1000 },
    log: () => {},
  });
  instanceId = shop.instanceId;
  await sleep(4500);
  await shop.stop();
  collectStatements();
  vi.restoreAllMocks();
  spans = await spansOf(instanceId);
}, 60_000);

afterAll(async () => {
  await shopDb?.drop();
  await server?.close();
  await getPool().end();
});

describe("the demo shop under normal traffic", () => {
  it("reports spans from all seven services", () => {
    const services = new Set(spans.map((s) => s.service_name));
    expect([...services].sort()).toEqual(["coupon", "gateway", "inventory", "notification", "order", "payment", "payment-provider"]);
  });

  it("produces traces that cross at least three services with correct CLIENT → SERVER parents", () => {
    const byTrace = new Map<string, StoredSpan[]>();
    for (const span of spans) byTrace.set(span.trace_id, [...(byTrace.get(span.trace_id) ?? []), span]);
    const crossing = [...byTrace.values()].filter((trace) => new Set(trace.map((s) => s.service_name)).size >= 3);
    expect(crossing.length).toBeGreaterThan(1);
    const checkout = crossing.find((trace) => trace.some((s) => s.name === "POST /checkout" && s.attributes["http.response.status_code"] === 201))!;
    expect([...new Set(checkout.map((s) => s.service_name))]).toEqual(expect.arrayContaining(["gateway", "order", "inventory", "payment", "payment-provider"]));
    const byId = new Map(checkout.map((s) => [s.span_id, s]));
    const servers = checkout.filter((s) => s.kind === 2 && s.parent);
    expect(servers.length).toBeGreaterThanOrEqual(3);
    for (const server of servers) {
      const parent = byId.get(server.parent!)!;
      expect(parent).toMatchObject({ kind: 3 }); // SERVER spans of callees hang under their caller's CLIENT span
      expect(parent.service_name).not.toBe(server.service_name);
      expect(parent.attributes["peer.service"]).toBe(server.service_name);
    }
    const root = checkout.find((s) => !s.parent)!;
    expect(root).toMatchObject({ service_name: "gateway", name: "POST /checkout", kind: 2 });
    expect(root.attributes).toMatchObject({ "http.request.method": "POST", "http.route": "/checkout", "url.path": "/checkout", "server.address": "gateway.shop.internal" });
    expect(root.attributes["enduser.id"]).toMatch(/^u-10\d\d$/);
    expect(checkout.find((s) => s.service_name === "payment" && s.attributes["peer.service"] === "payment-provider")?.attributes).toMatchObject({
      "http.request.method": "POST",
      "server.address": "api.acmepay.example",
    });
  });

  it("carries business attributes on checkout spans", () => {
    const placed = spans.find((s) => s.name === "POST /orders" && s.kind === 2 && s.attributes["http.response.status_code"] === 201)!;
    expect(placed.attributes).toMatchObject({ "order.currency": "EUR" });
    expect(placed.attributes["order.id"]).toMatch(/^\d+$/);
    expect(typeof placed.attributes["order.amount"]).toBe("number");
    const charge = spans.find((s) => s.name === "POST /payments" && s.kind === 2)!;
    expect(charge.attributes).toMatchObject({ "payment.provider": "acmepay", "order.id": expect.any(String) });
  });

  it("sends every statement with a traceparent comment naming its own DB span", () => {
    expect(statements.length).toBeGreaterThan(50);
    const traceparent = /\/\*traceparent='00-([0-9a-f]{32})-([0-9a-f]{16})-01'\*\/$/;
    const untagged = statements.filter((sql) => !traceparent.test(sql));
    expect(untagged).toEqual([]);
    const dbSpans = new Map(spans.filter((s) => s.attributes["db.system.name"] === "postgresql").map((s) => [s.span_id, s]));
    for (const sql of statements) {
      const [, traceId, spanId] = traceparent.exec(sql)!;
      const span = dbSpans.get(spanId!);
      expect(span, sql).toBeDefined();
      expect(span!.trace_id).toBe(traceId);
      expect(span!.kind).toBe(3);
      expect(sql.startsWith(String(span!.attributes["db.query.text"]))).toBe(true);
      expect(span!.attributes).toMatchObject({ "db.namespace": shopDb.name, "db.system": "postgresql" });
    }
    // transactions also name the request span and the end user for the audit trigger
    const begins = statements.filter((sql) => sql.startsWith("BEGIN"));
    expect(begins.length).toBeGreaterThan(5);
    for (const sql of begins) expect(sql).toMatch(/^BEGIN; SET LOCAL sightline\.traceparent = '00-[0-9a-f]{32}-[0-9a-f]{16}-01'; SET LOCAL sightline\.actor = '[^']+'/);
    expect(begins.some((sql) => /sightline\.actor = 'u-10\d\d'/.test(sql))).toBe(true);
  });

  it("really changes the shop's database", async () => {
    const orders = await shopDb.query<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM orders GROUP BY status");
    const count = (status: string) => orders.find((o) => o.status === status)?.n ?? 0;
    expect(count("PAID")).toBeGreaterThan(0); // checkout → charge → callback → paid
    const payments = await shopDb.query("SELECT status, card_number, confirmed_at FROM payments WHERE status = 'SUCCESS'");
    expect(payments.length).toBeGreaterThan(0);
    expect(payments[0]!.card_number).toMatch(/^\d{15,16}$/);
    const [stock] = await shopDb.query<{ on_hand: number }>("SELECT sum(on_hand)::int AS on_hand FROM inventory");
    expect(stock!.on_hand).toBeLessThan(12 * 500);
  });

  it("exports the shop's metrics", async () => {
    const points = await metricPointsOf(instanceId);
    const names = (service: string) => new Set(points.filter((p) => p.service_name === service).map((p) => p.name));
    for (const service of ["gateway", "order", "inventory", "payment", "coupon"]) expect(names(service).has("http.server.request.duration")).toBe(true);
    for (const name of ["db.client.connection.count", "db.client.connection.max", "db.client.connection.wait_time", "db.client.connection.pending_requests"]) {
      expect(names("order").has(name), name).toBe(true);
    }
    expect(new Set(points.filter((p) => p.name === "db.client.connection.count").map((p) => p.attributes["db.client.connection.state"]))).toEqual(new Set(["used", "idle"]));
    expect(points.find((p) => p.name === "db.client.connection.max" && p.service_name === "order")?.value).toBe(4);
    expect(names("payment").has("shop.circuit_breaker.state")).toBe(true);
    expect(names("gateway").has("shop.rate_limiter.rejections")).toBe(true);
    expect(names("notification").has("shop.queue.depth")).toBe(true);
    expect(names("notification").has("shop.queue.capacity")).toBe(true);
    // The business counters the provisioned "Shop business" dashboard charts.
    expect(names("order").has("shop.orders.created")).toBe(true);
    expect(names("payment").has("shop.payments")).toBe(true);
    expect(names("payment").has("shop.revenue")).toBe(true);
    const runs = points.filter((p) => p.name === "shop.batch_job.runs" && p.attributes.outcome === "success");
    expect(new Set(runs.map((p) => p.attributes["job.name"]))).toEqual(new Set(["expire-unpaid-orders", "restock-inventory"]));
    expect(names("order").has("shop.batch_job.duration")).toBe(true);
  });
});

describe("the demo shop when Sightline is unreachable", () => {
  it("keeps serving shoppers and still stops promptly", async () => {
    const gone = await startOtlpServer();
    await gone.close(); // a port nothing listens on any more
    const db = await createShopDatabase();
    try {
      const shop = await startDemoShop({ sightlineUrl: gone.url, ingestKey: TEST_INGEST_KEY, shopDatabaseUrl: db.url, rate: 0, tuning: FAST_TUNING, log: () => {} });
      const outcome = await shop.trigger("lost-callback");
      expect(outcome.orderIds).toHaveLength(1);
      const [order] = await db.query("SELECT status FROM orders WHERE id = $1", [outcome.orderIds[0]]);
      expect(order).toEqual({ status: "PENDING_PAYMENT" });
      const stopping = Date.now();
      await shop.stop();
      expect(Date.now() - stopping).toBeLessThan(8000); // not the exporters' full retry time
    } finally {
      await db.drop();
    }
  });
});
