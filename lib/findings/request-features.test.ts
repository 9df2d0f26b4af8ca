import { describe, expect, it } from "vitest";
import { requestFeatures, type FeatureSpan } from "./request-features";

const ms = 1_000_000;
const span = (spanId: string, parentSpanId: string | null, service: string, name: string, startMs: number, durationMs: number, extra: Partial<FeatureSpan> = {}): FeatureSpan => ({
  spanId,
  parentSpanId,
  service,
  name,
  kind: 1,
  startNs: startMs * ms,
  durationNs: durationMs * ms,
  error: false,
  attributes: {},
  ...extra,
});

// A coupon check that queued for the pool: 100 ms request, 70 ms waiting for a connection.
const queued = [
  span("gw", null, "gateway", "POST /coupons/validate", 0, 100, { kind: 2, attributes: { "coupon.id": "FLASH20", "enduser.id": "u-1001" } }),
  span("call", "gw", "gateway", "GET", 1, 98, { kind: 3 }),
  span("srv", "call", "coupon", "GET /coupons/:code", 2, 96, { kind: 2 }),
  span("wait", "srv", "coupon", "pool.connect", 3, 70, { attributes: { "db.client.connection.pool.name": "coupon" } }),
  span("sql", "srv", "coupon", "SELECT coupons", 74, 20, { kind: 3, attributes: { "db.query.text": "SELECT id FROM coupons WHERE id = $1" } }),
];

describe("requestFeatures", () => {
  it("names where the request waited (own time of at least a fifth), and what it was made of", () => {
    const features = requestFeatures(queued, "gw");
    expect(features.filter((f) => f.type === "waited")).toEqual([
      { type: "waited", service: "coupon", operation: "pool.connect" },
      { type: "waited", service: "coupon", operation: "SELECT coupons" },
    ]);
    expect(features).toContainEqual({ type: "service", service: "coupon" });
    expect(features).toContainEqual({ type: "operation", service: "coupon", operation: "pool.connect" });
    expect(features).toContainEqual({ type: "kind", service: "coupon", kind: "CLIENT" });
    expect(features).toContainEqual({ type: "attribute", key: "coupon.id", value: "FLASH20" });
    // The request's own operation is one of its features (it tells a service's requests apart); SQL text is per request.
    expect(features).toContainEqual({ type: "operation", service: "gateway", operation: "POST /coupons/validate" });
    expect(features.some((f) => f.type === "attribute" && f.key === "db.query.text")).toBe(false);
  });

  it("reads only the request span's subtree, and nothing for a span not in the trace", () => {
    const features = requestFeatures(queued, "srv");
    expect(features.some((f) => f.type === "attribute" && f.key === "coupon.id")).toBe(false);
    expect(features).toContainEqual({ type: "waited", service: "coupon", operation: "pool.connect" });
    expect(requestFeatures(queued, "missing")).toEqual([]);
  });

  it("a short wait is no wait, whatever its share of a short request", () => {
    const quick = [span("gw", null, "gateway", "POST /coupons/validate", 0, 4), span("wait", "gw", "coupon", "pool.connect", 0, 1.5), span("sql", "gw", "coupon", "SELECT coupons", 1.5, 2.5)];
    expect(requestFeatures(quick, "gw").filter((f) => f.type === "waited")).toEqual([]);
  });

  it("a fast request that did its own work waited nowhere below it", () => {
    const fast = [span("gw", null, "gateway", "POST /coupons/validate", 0, 10), span("sql", "gw", "coupon", "SELECT coupons", 1, 1, { error: true })];
    const features = requestFeatures(fast, "gw");
    expect(features.filter((f) => f.type === "waited")).toEqual([{ type: "waited", service: "gateway", operation: "POST /coupons/validate" }]);
    expect(features).toContainEqual({ type: "error", service: "coupon", operation: "SELECT coupons" });
  });
});
