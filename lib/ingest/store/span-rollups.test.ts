import { describe, expect, it } from "vitest";
import { makeSpan } from "@/lib/testing/make-records";
import { buildSpanRollups, foldRollupsToHours } from "./span-rollups";

const hour = Date.UTC(2026, 11, 4, 10);

describe("foldRollupsToHours", () => {
  it("sums the minutes of each hour, per service, operation and kind, in key order", () => {
    const spans = [
      makeSpan({ serviceName: "b", name: "GET /", startMs: hour + 5 * 60_000, durationMs: 10 }),
      makeSpan({ serviceName: "b", name: "GET /", startMs: hour + 45 * 60_000, durationMs: 2_000, status: { code: 2, message: "" } }),
      makeSpan({ serviceName: "a", name: "GET /", startMs: hour + 59 * 60_000, durationMs: 30 }),
      makeSpan({ serviceName: "b", name: "GET /", startMs: hour + 60 * 60_000, durationMs: 20 }),
    ];
    const minutes = buildSpanRollups(spans, () => false);
    const hours = foldRollupsToHours(minutes);
    expect(hours.map((r) => [r.startMs, r.serviceName, r.count, r.errors, r.durationSumNs, r.durationMaxNs])).toEqual([
      [hour, "a", 1, 0, 30_000_000n, 30_000_000n],
      [hour, "b", 2, 1, 2_010_000_000n, 2_000_000_000n],
      [hour + 3_600_000, "b", 1, 0, 20_000_000n, 20_000_000n],
    ]);
    // The hour's histogram is the bucket-by-bucket sum of its minutes'.
    const b = minutes.filter((r) => r.serviceName === "b" && r.startMs < hour + 3_600_000);
    const summed: number[] = [];
    for (const row of b) row.histogram.forEach((c, i) => (summed[i] = (summed[i] ?? 0) + c));
    expect(hours[1]!.histogram).toEqual(Array.from(summed, (c) => c ?? 0));
    // Folding copies: the minute rows written just before are not changed.
    expect(b[0]!.count).toBe(1);
  });
});
