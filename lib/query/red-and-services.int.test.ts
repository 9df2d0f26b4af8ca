import { adminRequest } from "@/lib/testing/test-auth";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as redRoute } from "@/app/api/v1/red/route";
import { GET as servicesRoute } from "@/app/api/v1/services/route";
import { getPool } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { addToHistogram, histogramQuantileNs } from "@/lib/rollup/latency-buckets";
import { redResponseSchema } from "@/lib/schemas/red";
import { servicesResponseSchema } from "@/lib/schemas/services";
import { buildTrace, seedTraces, type SpanTree } from "@/lib/testing/seed-telemetry";
import { getRedSeries } from "./get-red-series";
import { listServices } from "./list-services";

const suffix = randomBytes(4).toString("hex");
const api = `api-${suffix}`;
const MINUTE = 60_000;
// Two hours ago, on a 10-minute boundary, so 5-minute buckets start exactly at t0.
const t0 = Math.floor((Date.now() - 2 * 3_600_000) / (10 * MINUTE)) * 10 * MINUTE;

function spans(count: number, minute: number, tree: (i: number) => Omit<SpanTree, "service">) {
  return Array.from({ length: count }, (_, i) => buildTrace({ service: api, ...tree(i) }, t0 + minute * MINUTE + i * 100));
}

const within = (actual: number | null, expected: number, share: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected) / expected).toBeLessThan(share);
};

beforeAll(async () => {
  await seedTraces(getPool(), [
    ...spans(10, 0, (i) => ({ name: "GET /items", kind: 2, durationMs: 100, status: i < 2 ? 2 : 0 })),
    ...spans(5, 0, () => ({ name: "SELECT items", kind: 3, durationMs: 5 })),
    ...spans(20, 1, (i) => ({ name: "GET /items", kind: 2, durationMs: 200, ...(i === 0 ? { status: 2, attributes: { "http.response.status_code": 504 } } : {}) })),
    ...spans(30, 3, (i) => ({ name: "GET /items", kind: 2, durationMs: i + 1 })),
  ]);
});

describe("listServices", () => {
  it("lists the service with each operation and kind, counted from the rollups", async () => {
    const { services } = await listServices(getPool(), { fromMs: t0 + 10_000, toMs: t0 + 10 * MINUTE });
    const service = services.find((s) => s.name === api);
    expect(service).toEqual({
      name: api,
      count: 65,
      errors: 3,
      operations: [
        { name: "GET /items", kind: "SERVER", count: 60, errors: 3 },
        { name: "SELECT items", kind: "CLIENT", count: 5, errors: 0 },
      ],
    });
  });

  it("leaves out services without spans in the window", async () => {
    const { services } = await listServices(getPool(), { fromMs: t0 + 4 * MINUTE, toMs: t0 + 10 * MINUTE });
    expect(services.find((s) => s.name === api)).toBeUndefined();
  });
});

describe("getRedSeries", () => {
  it("gives a point per minute with rates, error and timeout shares, and latency", async () => {
    const { step, points } = await getRedSeries(getPool(), { service: api, operation: "GET /items", fromMs: t0, toMs: t0 + 5 * MINUTE, stepSeconds: 60 });
    expect(step).toBe(60);
    expect(points.map((p) => [p.time - t0, p.count])).toEqual([[0, 10], [MINUTE, 20], [2 * MINUTE, 0], [3 * MINUTE, 30], [4 * MINUTE, 0]]);
    const [first, second, empty] = points;
    expect(first).toMatchObject({ rate: 10 / 60, errorRate: 0.2, timeoutRate: 0, avgMs: 100, maxMs: 100 });
    within(first!.p50, 100, 0.095);
    within(first!.p99, 100, 0.19); // one bucket is 19% wide; p99 sits at its top edge
    expect(second).toMatchObject({ errorRate: 0.05, timeoutRate: 0.05, avgMs: 200 });
    expect(empty).toMatchObject({ count: 0, rate: 0, errorRate: null, p95: null });
  });

  it("merges histograms across minutes and operations into wider steps", async () => {
    const { step, points } = await getRedSeries(getPool(), { service: api, fromMs: t0, toMs: t0 + 10 * MINUTE, stepSeconds: 300 });
    expect(step).toBe(300);
    expect(points).toHaveLength(2);
    const [bucket, later] = points;
    expect(bucket).toMatchObject({ time: t0, count: 65, rate: 65 / 300, maxMs: 200 });
    expect(bucket!.avgMs).toBeCloseTo((10 * 100 + 5 * 5 + 20 * 200 + 465) / 65, 6);
    // The merged histogram must equal one built from all 65 durations at once.
    const all: number[] = [];
    for (const ms of [...Array(10).fill(100), ...Array(5).fill(5), ...Array(20).fill(200), ...Array.from({ length: 30 }, (_, i) => i + 1)]) addToHistogram(all, ms * 1e6);
    for (const [key, q] of [["p50", 0.5], ["p90", 0.9], ["p95", 0.95], ["p99", 0.99]] as const) {
      expect(bucket![key]).toBeCloseTo(histogramQuantileNs(all, q)! / 1e6, 9);
    }
    within(bucket!.p90, 200, 0.095);
    expect(later!.count).toBe(0);
  });

  it("reads long windows in slices without losing or doubling a bucket", async () => {
    const short = await getRedSeries(getPool(), { service: api, fromMs: t0, toMs: t0 + 10 * MINUTE, stepSeconds: 300 });
    const long = await getRedSeries(getPool(), { service: api, fromMs: t0 - 12 * 60 * MINUTE, toMs: t0 + 12 * 60 * MINUTE, stepSeconds: 300 });
    expect(long.points).toHaveLength(288);
    expect(long.points.reduce((total, p) => total + p.count, 0)).toBe(65);
    expect(long.points.find((p) => p.time === t0)).toEqual(short.points[0]);
  });

  it("filters by span kind", async () => {
    const { points } = await getRedSeries(getPool(), { service: api, kind: 3, fromMs: t0, toMs: t0 + 5 * MINUTE, stepSeconds: 300 });
    expect(points[0]).toMatchObject({ count: 5, avgMs: 5 });
  });

  it("rounds the step up to whole minutes and refuses steps that make too many points", async () => {
    expect((await getRedSeries(getPool(), { service: api, fromMs: t0, toMs: t0 + 5 * MINUTE, stepSeconds: 90 })).step).toBe(120);
    await expect(getRedSeries(getPool(), { service: api, fromMs: t0 - 30 * 86_400_000, toMs: t0, stepSeconds: 60 })).rejects.toBeInstanceOf(ApiError);
  });
});

describe("RED and services routes", () => {
  const call = (path: string) => adminRequest(path);

  it("serves RED with ISO and millisecond times and a step with a unit", async () => {
    const from = new Date(t0).toISOString();
    const response = await redRoute(call(`/api/v1/red?service=${api}&operation=${encodeURIComponent("GET /items")}&kind=server&from=${from}&to=${t0 + 5 * MINUTE}&step=1m`), {});
    expect(response.status).toBe(200);
    const body = redResponseSchema.parse(await response.json());
    expect(body.points.map((p) => p.count)).toEqual([10, 20, 0, 30, 0]);
  });

  it("answers 400 naming the missing service", async () => {
    const response = await redRoute(call("/api/v1/red?step=5m"), {});
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^service: /);
  });

  it("serves services for a window", async () => {
    const response = await servicesRoute(call(`/api/v1/services?from=${t0}&to=${t0 + 10 * MINUTE}`), {});
    const body = servicesResponseSchema.parse(await response.json());
    expect(body.services.find((s) => s.name === api)?.count).toBe(65);
  });
});
