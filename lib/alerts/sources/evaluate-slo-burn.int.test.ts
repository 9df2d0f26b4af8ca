import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool, getPrisma } from "@/lib/db/client";
import { saveSlo } from "@/lib/slo/save-slo";
import { sloBodySchema } from "@/lib/slo/schemas";
import { buildTrace, seedTraces } from "@/lib/testing/seed-telemetry";
import { evaluateSloBurn } from "./evaluate-slo-burn";

// The slo-burn source on seeded spans: the value is the smaller burn rate of the two windows.

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPool().end();
});

const service = `burn-${randomBytes(4).toString("hex")}`;
const MIN = 60_000;
const now = Math.floor(Date.now() / MIN) * MIN + 30_000;

beforeAll(async () => {
  // 55 to 10 minutes ago: 90 requests, one a half-minute, 9 failed. 4 to 3 minutes ago: 10, 1
  // failed. Then the fix: in the last 90 seconds, 8 more, none failed.
  const traces = [];
  for (let i = 0; i < 90; i++) traces.push(buildTrace({ service, name: "POST /pay", kind: 2, durationMs: 30, status: i % 10 === 0 ? 2 : 0 }, now - 55 * MIN + i * 30_000));
  for (let i = 0; i < 10; i++) traces.push(buildTrace({ service, name: "POST /pay", kind: 2, durationMs: 30, status: i === 0 ? 2 : 0 }, now - 4 * MIN + i * 6_000));
  for (let i = 0; i < 8; i++) traces.push(buildTrace({ service, name: "POST /pay", kind: 2, durationMs: 30 }, now - 90_000 + i * 10_000));
  await seedTraces(getPool(), traces);
});

describe("evaluateSloBurn", () => {
  it("takes the smaller of the long and short windows' burn rates", async () => {
    const slo = await saveSlo(getPool(), null, sloBodySchema.parse({ name: `Pay ${service}`, service, operation: "POST /pay", objective: { kind: "availability" }, targetPercent: 99 }));
    const source = { kind: "slo-burn" as const, sloId: slo.id, longWindowSeconds: 3_600, shortWindowSeconds: 300 };
    // long (1 h): 10 bad of 108 → 9.26×; short (5 min, from the minute it starts in): 1 of 18 → 5.56×.
    const both = await evaluateSloBurn(getPool(), source, now);
    expect(both.value).toBeCloseTo(Math.min(10 / 108, 1 / 18) / 0.01, 6);
    // Half an hour on, the short window is empty: no value, and why.
    const later = await evaluateSloBurn(getPool(), source, now + 30 * MIN);
    expect(later.value).toBeNull();
    expect(later.error).toContain("no requests");
    // 2 minutes of the short window: 8 requests, none failed → 0, though the hour burns.
    const fixed = await evaluateSloBurn(getPool(), { ...source, shortWindowSeconds: 120 }, now);
    expect(fixed.value).toBe(0);
  });

  it("says when the SLO is gone", async () => {
    const gone = await evaluateSloBurn(getPool(), { kind: "slo-burn", sloId: "00000000-0000-4000-8000-000000000000", longWindowSeconds: 3_600, shortWindowSeconds: 300 }, now);
    expect(gone).toMatchObject({ value: null });
    expect(gone.error).toContain("no longer exists");
  });
});
