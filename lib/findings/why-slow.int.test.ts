import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as slowWindowsRoute } from "@/app/api/v1/findings/slow-windows/route";
import { GET as whySlowRoute } from "@/app/api/v1/findings/why-slow/route";
import { getPool } from "@/lib/db/client";
import { storeTraces } from "@/lib/ingest/store/store-traces";
import type { SpanRecord } from "@/lib/ingest/otlp/model";
import { makeResource, makeSpan } from "@/lib/testing/make-records";
import { adminRequest } from "@/lib/testing/test-auth";
import { slowWindowsResponseSchema, whySlowResponseSchema } from "./schemas";

// A peak on a real store: coupon checks that were fast for eight minutes, then queued for the
// coupon pool for one. The slow window is found from the rollups the ingest writer keeps, and
// BubbleUp names the pool wait, comparing the slow checks with the ones before.

const suffix = randomBytes(4).toString("hex");
const gateway = `gateway-${suffix}`;
const coupon = `coupon-${suffix}`;
const resources = { gateway: makeResource(gateway), coupon: makeResource(coupon) };
const t0 = Math.floor((Date.now() - 40 * 60_000) / 60_000) * 60_000;
const at = (minute: number, second = 0) => t0 + minute * 60_000 + second * 1000;
const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const params = { params: Promise.resolve({}) };

function couponCheck(startMs: number, waitMs: number, code: string): SpanRecord[] {
  const traceId = hex(16);
  const [root, server, wait, sql] = [hex(8), hex(8), hex(8), hex(8)];
  const total = waitMs + 6;
  return [
    makeSpan({ traceId, spanId: root, serviceName: gateway, resource: resources.gateway, name: "POST /coupons/validate", kind: 2, startMs, durationMs: total, attributes: { "coupon.id": code } }),
    makeSpan({ traceId, spanId: server, parentSpanId: root, serviceName: coupon, resource: resources.coupon, name: "GET /coupons/:code", kind: 2, startMs: startMs + 1, durationMs: total - 2 }),
    makeSpan({ traceId, spanId: wait, parentSpanId: server, serviceName: coupon, resource: resources.coupon, name: "pool.connect", kind: 1, startMs: startMs + 1.5, durationMs: waitMs || 0.1 }),
    makeSpan({ traceId, spanId: sql, parentSpanId: server, serviceName: coupon, resource: resources.coupon, name: "SELECT coupons", kind: 3, startMs: startMs + 2 + waitMs, durationMs: 2 }),
  ];
}

beforeAll(async () => {
  const spans: SpanRecord[] = [];
  for (let minute = 0; minute < 8; minute++) for (const second of [5, 25, 45]) spans.push(...couponCheck(at(minute, second), 0, "WELCOME10"));
  for (const second of [2, 10, 18, 26, 34, 42]) spans.push(...couponCheck(at(8, second), 150, "FLASH20"));
  for (const second of [5, 25, 45]) spans.push(...couponCheck(at(9, second), 0, "WELCOME10"));
  await storeTraces(getPool(), spans);
});

describe("GET /api/v1/findings/slow-windows", () => {
  it("finds the minute the coupon checks turned slow, at the gateway and in coupon", async () => {
    const response = await slowWindowsRoute(adminRequest(`/api/v1/findings/slow-windows?from=${at(0)}&to=${at(10)}`), params);
    expect(response.status).toBe(200);
    const ours = slowWindowsResponseSchema.parse(await response.json()).windows.filter((w) => w.service === gateway || w.service === coupon);
    expect(ours.map((w) => [w.service, w.operation, w.fromMs, w.toMs, w.count]).sort()).toEqual([
      [coupon, "GET /coupons/:code", at(8), at(9), 6],
      [gateway, "POST /coupons/validate", at(8), at(9), 6],
    ]);
    expect(ours[0]!.meanMs).toBeGreaterThan(100);
    expect(ours[0]!.baselineMeanMs).toBeLessThan(10);
  });
});

describe("GET /api/v1/findings/why-slow", () => {
  const ask = (query: string) => whySlowRoute(adminRequest(`/api/v1/findings/why-slow?${query}`), params);

  it("names the pool wait and the coupon code of the slow checks, against the checks before", async () => {
    const response = await ask(`service=${gateway}&operation=${encodeURIComponent("POST /coupons/validate")}&from=${at(8)}&to=${at(9)}`);
    expect(response.status).toBe(200);
    const body = whySlowResponseSchema.parse(await response.json());
    expect(body.slow).toEqual({ count: 6, sampled: 6 });
    expect(body.baseline).toMatchObject({ count: 24, sampled: 24, source: "before" });
    expect(body.thresholdMs).toBeLessThan(20);
    const top = body.differences.slice(0, 2);
    expect(top).toContainEqual({ feature: { type: "waited", service: coupon, operation: "pool.connect" }, slowShare: 1, baselineShare: 0 });
    expect(top).toContainEqual({ feature: { type: "attribute", key: "coupon.id", value: "FLASH20" }, slowShare: 1, baselineShare: 0 });
    expect(body.differences).toContainEqual({ feature: { type: "attribute", key: "coupon.id", value: "WELCOME10" }, slowShare: 0, baselineShare: 1 });
    expect(body.exampleTraceIds).toHaveLength(5);
  });

  it("a window without slow requests has no differences", async () => {
    const body = whySlowResponseSchema.parse(await (await ask(`service=${gateway}&operation=${encodeURIComponent("POST /coupons/validate")}&from=${at(9)}&to=${at(10)}&thresholdMs=100`)).json());
    expect(body.slow.count).toBe(0);
    expect(body.differences).toEqual([]);
  });

  it("without an operation, compares every request the service served (its entry spans)", async () => {
    const body = whySlowResponseSchema.parse(await (await ask(`service=${coupon}&from=${at(8)}&to=${at(9)}`)).json());
    expect(body.operation).toBeNull();
    expect(body.slow.count).toBe(6);
    expect(body.differences[0]).toEqual({ feature: { type: "waited", service: coupon, operation: "pool.connect" }, slowShare: 1, baselineShare: 0 });
  });

  it("refuses a missing service or a reversed window, naming the parameter", async () => {
    const missing = await ask(`operation=x&from=${at(8)}&to=${at(9)}`);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/service/);
    const reversed = await ask(`service=${gateway}&operation=x&from=${at(9)}&to=${at(8)}`);
    expect(reversed.status).toBe(400);
    expect(((await reversed.json()) as { error: { message: string } }).error.message).toMatch(/from/);
  });
});
