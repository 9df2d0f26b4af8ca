import { describe, expect, it } from "vitest";
import { REQUEST_MIX, dailyRateMultiplier, nextArrivalDelayMs, pickRequestKind, seededRandom } from "./traffic-shape";

const at = (hour: number, minute = 0) => new Date(2026, 0, 15, hour, minute);

describe("dailyRateMultiplier", () => {
  it("averages 1 over a day", () => {
    let sum = 0;
    for (let minute = 0; minute < 1440; minute++) sum += dailyRateMultiplier(at(0, minute));
    expect(sum / 1440).toBeCloseTo(1, 6);
  });

  it("is quiet at night and peaks in the evening", () => {
    expect(dailyRateMultiplier(at(4))).toBeLessThan(0.35);
    expect(dailyRateMultiplier(at(20))).toBeGreaterThan(1.7);
    expect(dailyRateMultiplier(at(12, 30))).toBeGreaterThan(dailyRateMultiplier(at(15, 30)));
  });

  it("is continuous across midnight", () => {
    expect(Math.abs(dailyRateMultiplier(at(23, 59)) - dailyRateMultiplier(at(0, 0)))).toBeLessThan(0.01);
  });
});

describe("nextArrivalDelayMs", () => {
  it("has mean 1/rate", () => {
    const random = seededRandom(7);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += nextArrivalDelayMs(4, random());
    expect(sum / 20_000).toBeGreaterThan(240);
    expect(sum / 20_000).toBeLessThan(260);
  });

  it("never arrives at rate 0", () => {
    expect(nextArrivalDelayMs(0, 0.5)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("pickRequestKind", () => {
  it("covers the mix in proportion", () => {
    expect(REQUEST_MIX.reduce((sum, [, share]) => sum + share, 0)).toBeCloseTo(1, 9);
    const random = seededRandom(1);
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const kind = pickRequestKind(random());
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    for (const [kind, share] of REQUEST_MIX) expect(Math.abs((counts.get(kind) ?? 0) / 10_000 - share)).toBeLessThan(0.02);
    expect(pickRequestKind(0.999_999)).toBe("cancel");
  });
});

describe("seededRandom", () => {
  it("replays the same sequence for the same seed", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(first[0]);
  });
});
