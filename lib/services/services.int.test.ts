import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as dbPoolRoute } from "@/app/api/v1/services/[service]/db-pool/route";
import { GET as operationsRoute } from "@/app/api/v1/services/[service]/operations/route";
import { GET as healthRoute } from "@/app/api/v1/service-health/route";
import { getPool } from "@/lib/db/client";
import { gaugePoints, histogramPoints, seedMetrics } from "@/lib/testing/seed-metrics";
import { buildTrace, seedTraces, type SpanTree } from "@/lib/testing/seed-telemetry";
import { adminRequest } from "@/lib/testing/test-auth";
import { getServiceDependencies } from "./get-service-dependencies";
import { getServiceErrors } from "./get-service-errors";
import { getServiceHealth } from "./get-service-health";
import { getServiceOperations } from "./get-service-operations";
import { getServiceVersions } from "./get-service-versions";
import { getWorstOperations } from "./get-worst-operations";
import { serviceDbPoolResponseSchema, serviceHealthResponseSchema, serviceOperationsResponseSchema } from "./schemas";

const suffix = randomBytes(4).toString("hex");
const shop = `shop/${suffix}`; // a slash: the service travels percent-encoded in the path
const stock = `stock-${suffix}`;
const quiet = `quiet-${suffix}`;
const acmepay = `acmepay-${suffix}`;
const MINUTE = 60_000;
const DAY = 86_400_000;
// Two hours ago, on a 10-minute boundary.
const t0 = Math.floor((Date.now() - 2 * 3_600_000) / (10 * MINUTE)) * 10 * MINUTE;
const window = { fromMs: t0, toMs: t0 + 10 * MINUTE };

/** A request to the shop: it charges acmepay (no telemetry of its own) and asks the stock service. */
function checkout(failed: boolean, version = "1.4.2"): SpanTree {
  return {
    service: shop,
    name: "POST /checkout",
    kind: 2,
    durationMs: 100,
    status: failed ? 2 : 0,
    statusMessage: failed ? "card declined" : "",
    resourceAttributes: { "service.version": version },
    events: failed ? [{ offsetMs: 90, name: "exception", attributes: { "exception.type": "CardDeclined", "exception.message": "card declined by acmepay" } }] : [],
    children: [
      { service: shop, name: "POST /charge", kind: 3, offsetMs: 5, durationMs: 60, resourceAttributes: { "service.version": version }, attributes: { "peer.service": acmepay, "server.address": "api.acmepay.test" } },
      {
        service: shop,
        name: "GET /stock",
        kind: 3,
        offsetMs: 70,
        durationMs: 20,
        resourceAttributes: { "service.version": version },
        attributes: { "peer.service": stock },
        children: [{ service: stock, name: "GET /stock", kind: 2, offsetMs: 1, durationMs: 18 }],
      },
    ],
  };
}

function requests(count: number, startMs: number, tree: (i: number) => SpanTree) {
  return Array.from({ length: count }, (_, i) => buildTrace(tree(i), startMs + i * 5_000));
}

beforeAll(async () => {
  await seedTraces(getPool(), [
    // Now: a third of the checkouts fail; the last 20 run version 2.0.0.
    ...requests(60, t0, (i) => checkout(i % 3 === 0, i >= 40 ? "2.0.0" : "1.4.2")),
    // A day and a week earlier: the same traffic, 1 failure in 60.
    ...requests(60, t0 - DAY, (i) => checkout(i === 0)),
    ...requests(60, t0 - 7 * DAY, (i) => checkout(i === 0)),
    // A quiet service whose two failures out of three must not turn it red.
    ...requests(3, t0, (i) => ({ service: quiet, name: "GET /ping", kind: 2, durationMs: 5, status: i < 2 ? 2 : 0 })),
  ]);
  const pool = { "db.client.connection.pool.name": "main" };
  await seedMetrics(getPool(), [
    ...gaugePoints({ name: "db.client.connection.count", service: shop, attributes: { ...pool, "db.client.connection.state": "used" } }, [[t0 + MINUTE, 4], [t0 + 2 * MINUTE, 9]]),
    ...gaugePoints({ name: "db.client.connection.count", service: shop, attributes: { ...pool, "db.client.connection.state": "idle" } }, [[t0 + MINUTE, 6], [t0 + 2 * MINUTE, 1]]),
    ...gaugePoints({ name: "db.client.connection.max", service: shop, attributes: pool }, [[t0 + MINUTE, 10], [t0 + 2 * MINUTE, 10]]),
    ...gaugePoints({ name: "db.client.connection.pending_requests", service: shop, attributes: pool }, [[t0 + MINUTE, 0], [t0 + 2 * MINUTE, 3]]),
    ...histogramPoints({ name: "db.client.connection.wait_time", service: shop, unit: "s", attributes: pool }, [0.01, 0.1, 1], [[t0 + 2 * MINUTE, [0, 0, 10, 0], 5]], "delta"),
  ]);
});

describe("getServiceHealth", () => {
  it("lists services and the external peer, worst first, judged against a day and a week earlier", async () => {
    const { services } = await getServiceHealth(getPool(), window);
    const mine = services.filter((s) => s.name.includes(suffix));
    expect(mine.map((s) => [s.name, s.type, s.status])).toEqual([
      [shop, "service", "bad"],
      [acmepay, "peer", "ok"],
      [stock, "service", "ok"],
      [quiet, "service", "ok"],
    ]);
    const shopRow = mine[0]!;
    expect(shopRow.stats).toMatchObject({ count: 60, errors: 20, rate: 60 / 600 });
    expect(shopRow.baselines.day).toMatchObject({ count: 60, errors: 1 });
    expect(shopRow.baselines.week).toMatchObject({ count: 60, errors: 1 });
    expect(shopRow.reasons).toContainEqual(expect.objectContaining({ metric: "errorRate", level: "bad" }));
    expect(shopRow.stats.p95).toBeGreaterThan(80);
    // Ten 1-minute slots (a slot is whole minutes): requests per second × 60 s adds up to the count.
    expect(shopRow.sparkline).toHaveLength(10);
    expect(shopRow.sparkline.reduce((a, b) => a + b, 0) * 60).toBeCloseTo(60, 6);
    expect(mine.find((s) => s.name === quiet)).toMatchObject({ lowTraffic: true, reasons: [] });
    expect(mine.find((s) => s.name === acmepay)!.stats).toMatchObject({ count: 60, errors: 0 });
  });

  it("serves it over HTTP", async () => {
    const response = await healthRoute(adminRequest(`/api/v1/service-health?from=${window.fromMs}&to=${window.toMs}`), {});
    expect(response.status).toBe(200);
    const body = serviceHealthResponseSchema.parse(await response.json());
    expect(body.services.some((s) => s.name === shop)).toBe(true);
  });
});

describe("service page", () => {
  it("ranks operations by impact", async () => {
    const { operations } = await getServiceOperations(getPool(), { service: shop, ...window });
    expect(operations.map((op) => [op.name, op.kind, op.count])).toEqual([
      ["POST /checkout", "SERVER", 60],
      ["POST /charge", "CLIENT", 60],
      ["GET /stock", "CLIENT", 60],
    ]);
    expect(operations.map((op) => op.impact)).toEqual([1, 0.6, 0.2]);
    expect(operations[0]!.errorRate).toBeCloseTo(1 / 3, 9);
  });

  it("serves operations with the service percent-encoded in the path", async () => {
    const response = await operationsRoute(adminRequest(`/api/v1/services/${encodeURIComponent(shop)}/operations?from=${window.fromMs}&to=${window.toMs}`), {
      params: Promise.resolve({ service: encodeURIComponent(shop) }),
    });
    expect(response.status).toBe(200);
    expect(serviceOperationsResponseSchema.parse(await response.json()).operations).toHaveLength(3);
  });

  it("finds upstream and downstream services and the peer, with the calls' numbers", async () => {
    const shopDeps = await getServiceDependencies(getPool(), { service: shop, ...window });
    expect(shopDeps.upstream).toEqual([]);
    expect(shopDeps.downstream.map((e) => [e.service, e.type, e.count, e.operations])).toEqual([
      [acmepay, "peer", 60, ["POST /charge"]],
      [stock, "service", 60, ["GET /stock"]],
    ]);
    const stockDeps = await getServiceDependencies(getPool(), { service: stock, ...window });
    expect(stockDeps.upstream.map((e) => [e.service, e.count])).toEqual([[shop, 60]]);
  });

  it("groups errors by exception type and message with a sample trace", async () => {
    const result = await getServiceErrors(getPool(), { service: shop, ...window });
    expect(result).toMatchObject({ scannedSpans: 20, complete: true });
    expect(result.errors).toEqual([
      { type: "CardDeclined", message: "card declined by acmepay", count: 20, operations: ["POST /checkout"], lastSeenMs: expect.any(Number), sampleTraceId: expect.stringMatching(/^[0-9a-f]{32}$/) },
    ]);
  });

  it("lists the versions the service ran, and says when a service is unknown", async () => {
    const result = await getServiceVersions(getPool(), { service: shop, fromMs: t0 - 8 * DAY, toMs: window.toMs });
    expect(result.known).toBe(true);
    expect(result.versions.map((v) => v.version).sort()).toEqual(["1.4.2", "2.0.0"]);
    expect(result.versions.find((v) => v.version === "2.0.0")!.lastSeenMs).toBeGreaterThanOrEqual(t0 + 40 * 5_000);
    expect(await getServiceVersions(getPool(), { service: `nobody-${suffix}`, ...window })).toEqual({ known: false, versions: [] });
  });

  it("reads the connection pool from the db.client.connection metrics", async () => {
    const response = await dbPoolRoute(adminRequest(`/api/v1/services/${encodeURIComponent(shop)}/db-pool?from=${window.fromMs}&to=${window.toMs}`), {
      params: Promise.resolve({ service: encodeURIComponent(shop) }),
    });
    const { pools } = serviceDbPoolResponseSchema.parse(await response.json());
    expect(pools).toHaveLength(1);
    expect(pools[0]!.pool).toBe("main");
    expect(pools[0]!.latest).toMatchObject({ used: 9, idle: 1, max: 10, pending: 3 });
    expect(pools[0]!.latest.waitP95Ms).toBeGreaterThan(100);
    expect(pools[0]!.latest.waitP95Ms).toBeLessThanOrEqual(1_000);
  });
});

describe("getWorstOperations", () => {
  it("names the failing endpoint, and leaves out a quiet one", async () => {
    const { failing, slowest } = await getWorstOperations(getPool(), { ...window, limit: 100 });
    expect(failing.find((op) => op.service === shop)).toMatchObject({ operation: "POST /checkout", count: 60 });
    expect(failing.some((op) => op.service === quiet)).toBe(false);
    expect(slowest.some((op) => op.service === quiet)).toBe(false);
    expect(slowest.find((op) => op.service === shop)?.p95).toBeGreaterThan(80);
  });
});
