import { describe, expect, it } from "vitest";
import { crossesDays, formatClock, formatMoney, formatRatio, formatShare, sameMinute } from "./format-report-values";

describe("report values", () => {
  it("joins money per currency in the reader's language", () => {
    expect(formatMoney([{ currency: "EUR", amount: 12_340 }, { currency: "USD", amount: 5.1 }], "en")).toBe("€12,340.00 and $5.10");
    expect(formatMoney([{ currency: "EUR", amount: 12_340 }, { currency: "USD", amount: 5.1 }], "zh-CN")).toBe("€12,340.00和US$5.10");
    expect(formatMoney([{ currency: "POINTS", amount: 3 }], "en")).toBe("3 POINTS");
  });

  it("formats shares, ratios and clock times", () => {
    expect(formatShare(0.041, "en")).toBe("4.1%");
    expect(formatShare(0.92, "en")).toBe("92%");
    expect(formatShare(0.0012, "en")).toBe("0.12%");
    expect(formatRatio(5.04, "en")).toBe("5");
    expect(formatRatio(1.46, "en")).toBe("1.5");
    const t = Date.UTC(2026, 11, 4, 14, 2);
    expect(formatClock(t, "en", "UTC", false)).toBe("14:02");
    expect(formatClock(t, "en", "UTC", true)).toBe("Dec 4, 14:02");
    expect(crossesDays(t, t + 12 * 3_600_000, "UTC")).toBe(true);
    expect(crossesDays(t, t + 3_600_000, "UTC")).toBe(false);
    expect(formatClock(t + 7_000, "en", "UTC", false, true)).toBe("14:02:07");
    expect(sameMinute(t, t + 59_000)).toBe(true);
    expect(sameMinute(t, t + 60_000)).toBe(false);
  });
});
