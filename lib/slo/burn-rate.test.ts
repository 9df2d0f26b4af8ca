import { describe, expect, it } from "vitest";
import { budgetRemainingPercent, BURN_RATE_ALERTS, burnRate, errorBudgetShare, levelPercent, multiWindowBurn } from "./burn-rate";

// Hand-computed fixtures (Google SRE workbook, chapter 5): a 99.9% SLO over 30 days allows 0.1%
// bad requests; burning at 14.4× for one hour spends 14.4 / (30 × 24) = 2% of the budget.

describe("burn-rate arithmetic", () => {
  it("takes the budget share from the target", () => {
    expect(errorBudgetShare(99.9)).toBeCloseTo(0.001, 12);
    expect(errorBudgetShare(99.5)).toBeCloseTo(0.005, 12);
    expect(errorBudgetShare(90)).toBeCloseTo(0.1, 12);
  });

  it("burns at 1 when the bad share equals the budget share", () => {
    // 99.5%: 5 bad in 1,000 = 0.5% = exactly the budget share.
    expect(burnRate(5, 1_000, 99.5)).toBeCloseTo(1, 12);
    // 99.9%: 144 bad in 10,000 = 1.44% = 14.4 × 0.1% (the fast-burn threshold).
    expect(burnRate(144, 10_000, 99.9)).toBeCloseTo(14.4, 9);
    // 99.5%: 30 bad in 1,000 = 3% = 6 × 0.5% (the slow-burn threshold).
    expect(burnRate(30, 1_000, 99.5)).toBeCloseTo(6, 9);
    expect(burnRate(0, 500, 99.5)).toBe(0);
  });

  it("gives no burn rate, level or budget without requests", () => {
    expect(burnRate(0, 0, 99.5)).toBeNull();
    expect(levelPercent(0, 0)).toBeNull();
    expect(budgetRemainingPercent(0, 0, 99.5)).toBeNull();
  });

  it("reads the level and the budget left", () => {
    // 99.5% over 20,000 requests allows 100 bad; 25 bad leave 75% of it, at a level of 99.875%.
    expect(levelPercent(25, 20_000)).toBeCloseTo(99.875, 9);
    expect(budgetRemainingPercent(25, 20_000, 99.5)).toBeCloseTo(75, 9);
    // spent exactly, and overspent by half
    expect(budgetRemainingPercent(100, 20_000, 99.5)).toBeCloseTo(0, 9);
    expect(budgetRemainingPercent(150, 20_000, 99.5)).toBeCloseTo(-50, 9);
  });

  it("alerts on two windows only when both burn: the value is the smaller burn rate", () => {
    // long window 1 h: 600 bad of 3,000 = 20% → 40×; short window 5 min: 10 bad of 250 = 4% → 8×.
    expect(multiWindowBurn({ bad: 600, total: 3_000 }, { bad: 10, total: 250 }, 99.5)).toBeCloseTo(8, 9);
    // A fix made 5 minutes ago: the long window still burns, the short one no longer.
    expect(multiWindowBurn({ bad: 600, total: 3_000 }, { bad: 0, total: 250 }, 99.5)).toBe(0);
    expect(multiWindowBurn({ bad: 600, total: 3_000 }, { bad: 0, total: 0 }, 99.5)).toBeNull();
  });

  it("uses the workbook's pairs: 14.4× over 1 h and 5 min spends 2% of a 30-day budget in the hour", () => {
    const [fast, slow] = BURN_RATE_ALERTS;
    expect(fast).toMatchObject({ longWindowSeconds: 3_600, shortWindowSeconds: 300, burnRate: 14.4 });
    expect(slow).toMatchObject({ longWindowSeconds: 21_600, shortWindowSeconds: 1_800, burnRate: 6 });
    const windowHours = 30 * 24;
    expect((fast.burnRate * 1) / windowHours).toBeCloseTo(0.02, 9);
    // 6× over 6 hours spends 5% of it.
    expect((slow.burnRate * 6) / windowHours).toBeCloseTo(0.05, 9);
  });
});
