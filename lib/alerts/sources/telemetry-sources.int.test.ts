import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getPool, getPrisma } from "@/lib/db/client";
import { bucketIndex, bucketLowerNs, bucketUpperNs } from "@/lib/rollup/latency-buckets";
import { gaugePoints, seedMetrics } from "@/lib/testing/seed-metrics";
import { eventsOf, evaluateAt, makeRule, MINUTE, quiet, ruleState, seedRequests, startOfTest } from "../testing/alert-fixtures";

// The metric-query and RED (timeout %, p95) sources through the evaluator, on telemetry stored by
// the real writers: each rule fires on seeded data that crosses its threshold, and its twin on
// data that does not stays ok, with the value the source computed.

const pool = getPool();
const T = startOfTest();

beforeAll(async () => {
  // Queue depth of two queues, sampled every 30 s for 5 minutes: "orders" deep, "emails" shallow.
  const samples = (value: number) => Array.from({ length: 10 }, (_, i): [number, number] => [T + i * 30_000 + 1_000, value]);
  await seedMetrics(pool, [
    ...gaugePoints({ name: "queue.depth", service: "worker-m", attributes: { queue: "orders" } }, samples(150)),
    ...gaugePoints({ name: "queue.depth", service: "worker-m", attributes: { queue: "emails" } }, samples(20)),
  ]);
  // 20 requests a minute for 5 minutes: on pay-t, 6 of them time out (30 %); on pay-e, 6 fail
  // without timing out (errors, not timeouts).
  await seedRequests(pool, { service: "pay-t", operation: "POST /pay", fromMs: T, minutes: 5, perMinute: 20, errorsPerMinute: () => 6, errorMessage: "upstream timed out after 5000 ms" });
  await seedRequests(pool, { service: "pay-e", operation: "POST /pay", fromMs: T, minutes: 5, perMinute: 20, errorsPerMinute: () => 6, errorMessage: "card declined" });
  // Latency: every request of slow-p takes 900 ms, of fast-p 40 ms.
  await seedRequests(pool, { service: "slow-p", operation: "GET /report", fromMs: T, minutes: 5, perMinute: 20, errorsPerMinute: () => 0, durationMs: 900 });
  await seedRequests(pool, { service: "fast-p", operation: "GET /report", fromMs: T, minutes: 5, perMinute: 20, errorsPerMinute: () => 0, durationMs: 40 });
});
afterAll(async () => {
  await getPrisma().$disconnect();
  await pool.end();
});
beforeEach(() => quiet(pool));

const AT = T + 5 * MINUTE;
const above = (threshold: number) => ({ op: "above", threshold });

describe("a metric query", () => {
  it("fires when the filtered series crosses the threshold and stays ok when it does not", async () => {
    const metric = (queue: string) => ({ kind: "metric", name: "queue.depth", filter: [`queue=${queue}`], reducer: "avg", windowSeconds: 300 });
    const deep = await makeRule(pool, { name: "orders queue deep", source: metric("orders"), condition: above(100) }, T);
    const shallow = await makeRule(pool, { name: "emails queue deep", source: metric("emails"), condition: above(100) }, T);
    await evaluateAt(pool, AT);
    expect(await ruleState(pool, deep)).toMatchObject({ state: "firing", last_value: 150 });
    expect(await ruleState(pool, shallow)).toMatchObject({ state: "ok", last_value: 20 });
  });

  it("with groupBy, takes the worst group and names it", async () => {
    const id = await makeRule(pool, { name: "any queue deep", source: { kind: "metric", name: "queue.depth", groupBy: ["queue"], reducer: "max", windowSeconds: 300 }, condition: above(100) }, T);
    await evaluateAt(pool, AT);
    expect(await ruleState(pool, id)).toMatchObject({ state: "firing", last_value: 150 });
    expect((await eventsOf(pool, id))[0]!.detail.summary).toContain("queue=orders");
    // For `below` the worst group is the lowest (emails, 20), which is not under 10.
    const low = await makeRule(pool, { name: "any queue drained", source: { kind: "metric", name: "queue.depth", groupBy: ["queue"], reducer: "min", windowSeconds: 300 }, condition: { op: "below", threshold: 10 } }, T);
    await evaluateAt(pool, AT);
    expect(await ruleState(pool, low)).toMatchObject({ state: "ok", last_value: 20 });
  });

  it("says why when the metric does not exist", async () => {
    const id = await makeRule(pool, { name: "no such metric", source: { kind: "metric", name: "queue.depth.nope", windowSeconds: 300 }, condition: above(1) }, T);
    await evaluateAt(pool, AT);
    const { rows } = await pool.query<{ state: string; last_error: string }>("SELECT state, last_error FROM alert_rules WHERE id = $1", [id]);
    expect(rows[0]).toEqual({ state: "no-data", last_error: "no metric named queue.depth.nope" });
  });
});

describe("RED timeout %", () => {
  it("fires on timeouts and stays ok on errors that are not timeouts", async () => {
    const timeouts = (service: string) => ({ kind: "red", service, operation: "POST /pay", measure: "timeout-percent", windowSeconds: 300 });
    const timingOut = await makeRule(pool, { name: "pay timeouts", source: timeouts("pay-t"), condition: above(10) }, T);
    const failing = await makeRule(pool, { name: "pay declines are not timeouts", source: timeouts("pay-e"), condition: above(10) }, T);
    await evaluateAt(pool, AT);
    expect(await ruleState(pool, timingOut)).toMatchObject({ state: "firing", last_value: 30 });
    expect(await ruleState(pool, failing)).toMatchObject({ state: "ok", last_value: 0 });
    expect((await eventsOf(pool, timingOut))[0]!.detail.summary).toBe("timeout % of pay-t (POST /pay) is 30, above 10");
  });
});

describe("RED p95", () => {
  it("fires on slow requests and stays ok on fast ones, the value within the bucket of the true duration", async () => {
    const p95 = (service: string) => ({ kind: "red", service, measure: "p95-ms", windowSeconds: 300 });
    const slow = await makeRule(pool, { name: "report slow", source: p95("slow-p"), condition: above(500) }, T);
    const fast = await makeRule(pool, { name: "report fast", source: p95("fast-p"), condition: above(500) }, T);
    await evaluateAt(pool, AT);
    const bucketMs = (ms: number) => [bucketLowerNs(bucketIndex(ms * 1e6)) / 1e6, bucketUpperNs(bucketIndex(ms * 1e6)) / 1e6] as const;
    const slowState = await ruleState(pool, slow);
    expect(slowState.state).toBe("firing");
    expect(slowState.last_value).toBeGreaterThanOrEqual(bucketMs(900)[0]);
    expect(slowState.last_value).toBeLessThanOrEqual(bucketMs(900)[1]);
    const fastState = await ruleState(pool, fast);
    expect(fastState.state).toBe("ok");
    expect(fastState.last_value).toBeGreaterThanOrEqual(bucketMs(40)[0]);
    expect(fastState.last_value).toBeLessThanOrEqual(bucketMs(40)[1]);
  });
});
