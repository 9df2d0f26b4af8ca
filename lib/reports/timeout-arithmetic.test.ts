import { describe, expect, it } from "vitest";
import { compareToBaseline, isOver, median, moneyByCurrency, niceFloorMs, quietPeriodMs, requestCounts, spreadSample } from "./timeout-arithmetic";

describe("compareToBaseline", () => {
  it("divides the rate by the mean of the baselines that had traffic", () => {
    const current = requestCounts(1_000, 50); // 5%
    expect(compareToBaseline(current, [requestCounts(1_000, 10), requestCounts(2_000, 20)])).toEqual({ usualRate: 0.01, ratio: 5 });
  });

  it("ignores a baseline without requests", () => {
    const result = compareToBaseline(requestCounts(100, 8), [requestCounts(0, 0), requestCounts(400, 8)]);
    expect(result.usualRate).toBeCloseTo(0.02);
    expect(result.ratio).toBeCloseTo(4);
  });

  it("gives no ratio when timeouts were unheard of, and no usual rate without baseline traffic", () => {
    expect(compareToBaseline(requestCounts(100, 8), [requestCounts(500, 0), requestCounts(500, 0)])).toEqual({ usualRate: 0, ratio: null });
    expect(compareToBaseline(requestCounts(100, 8), [requestCounts(0, 0), requestCounts(0, 0)])).toEqual({ usualRate: null, ratio: null });
  });

  it("has no rate without requests", () => {
    expect(requestCounts(0, 0).rate).toBeNull();
  });
});

describe("isOver", () => {
  const end = 1_000_000_000;
  it("is over once the quiet period has passed without a timeout", () => {
    expect(isOver(end - 5 * 60_000, end, 5 * 60_000)).toBe(true);
    expect(isOver(end - 4 * 60_000, end, 5 * 60_000)).toBe(false);
    expect(isOver(null, end, 5 * 60_000)).toBeNull();
  });

  it("uses five minutes, or a quarter of a short window", () => {
    expect(quietPeriodMs(24 * 3_600_000)).toBe(300_000);
    expect(quietPeriodMs(8 * 60_000)).toBe(120_000);
    expect(quietPeriodMs(60_000)).toBe(60_000);
  });
});

describe("moneyByCurrency", () => {
  it("sums distinct orders per currency, largest first, to the cent", () => {
    const orders = [
      { amount: 0.1, currency: "EUR" },
      { amount: 0.2, currency: "eur" },
      { amount: 100, currency: "USD" },
      { amount: 5, currency: "GBP" },
      { amount: null, currency: "EUR" },
      { amount: 7, currency: null },
    ];
    expect(moneyByCurrency(orders)).toEqual([
      { currency: "USD", amount: 100, orders: 1 },
      { currency: "GBP", amount: 5, orders: 1 },
      { currency: "EUR", amount: 0.3, orders: 2 },
    ]);
  });
});

describe("niceFloorMs", () => {
  it("rounds down to 1, 2, 3 or 5 times a power of ten", () => {
    expect(niceFloorMs(3_040)).toBe(3_000);
    expect(niceFloorMs(2_999)).toBe(2_000);
    expect(niceFloorMs(740)).toBe(500);
    expect(niceFloorMs(10_000)).toBe(10_000);
    expect(niceFloorMs(0.5)).toBe(0);
  });
});

describe("median and spreadSample", () => {
  it("takes the middle value", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("spreads a sample over the whole list", () => {
    expect(spreadSample([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)).toEqual([1, 5, 9]);
    expect(spreadSample([1, 2], 5)).toEqual([1, 2]);
  });
});
