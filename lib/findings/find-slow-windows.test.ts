import { describe, expect, it } from "vitest";
import { findSlowWindows, type MinutePoint } from "./find-slow-windows";

const t0 = Date.UTC(2026, 11, 5, 2, 0);
const minute = (i: number, meanMs: number, count = 20, operation = "GET /coupons/:code"): MinutePoint => ({ service: "coupon", operation, kind: 2, minuteMs: t0 + i * 60_000, count, durationSumMs: meanMs * count });

describe("findSlowWindows", () => {
  it("joins neighbouring slow minutes into one window, against the usual (median) minute", () => {
    const points = [...[0, 1, 2, 3, 4, 5, 6, 7].map((i) => minute(i, 5)), minute(8, 180), minute(9, 260), ...[10, 11].map((i) => minute(i, 5))];
    expect(findSlowWindows(points)).toEqual([
      { service: "coupon", operation: "GET /coupons/:code", kind: "SERVER", fromMs: t0 + 8 * 60_000, toMs: t0 + 10 * 60_000, meanMs: 220, baselineMeanMs: 5, count: 40 },
    ]);
  });

  it("needs traffic, a real slowdown and enough minutes to know the usual", () => {
    const quiet = [...[0, 1, 2, 3, 4, 5].map((i) => minute(i, 5)), minute(6, 500, 2)];
    expect(findSlowWindows(quiet)).toEqual([]);
    const mild = [...[0, 1, 2, 3, 4, 5].map((i) => minute(i, 100)), minute(6, 200)];
    expect(findSlowWindows(mild)).toEqual([]);
    expect(findSlowWindows([0, 1, 2].map((i) => minute(i, i === 2 ? 500 : 5)))).toEqual([]);
    expect(findSlowWindows([0, 1, 2, 3].map((i) => minute(i, i === 3 ? 500 : 5)))).toHaveLength(1);
  });

  it("a normal minute between splits two windows; a minute without traffic does not", () => {
    const points = [...[0, 1, 2, 3, 4, 5, 6].map((i) => minute(i, 5)), minute(7, 200), minute(9, 200), minute(10, 5), minute(11, 200)];
    expect(findSlowWindows(points).map((w) => [(w.fromMs - t0) / 60_000, (w.toMs - t0) / 60_000])).toEqual([
      [11, 12],
      [7, 10],
    ]);
  });

  it("ranks the most slowed-down operation first", () => {
    const points = [...[0, 1, 2, 3, 4, 5].flatMap((i) => [minute(i, 5), minute(i, 50, 20, "POST /coupons/redemptions")]), minute(6, 100), minute(6, 1000, 20, "POST /coupons/redemptions")];
    expect(findSlowWindows(points).map((w) => w.operation)).toEqual(["GET /coupons/:code", "POST /coupons/redemptions"]);
  });
});
