import { describe, expect, it } from "vitest";
import {
  RELATIVE_PRESETS,
  describeTimeRange,
  formatInstant,
  isPinnedRange,
  liveRelativeSpec,
  parseRelative,
  relativeDurationMs,
  relativeRange,
  resolveTimeRange,
  shiftTimeRange,
  slideTimeRange,
  zoomOutTimeRange,
} from "./time-range";

const NOW = Date.UTC(2025, 4, 10, 12, 0, 0); // 2025-05-10 12:00:00Z
const MIN = 60_000;
const HOUR = 60 * MIN;

describe("parseRelative", () => {
  it("parses every preset", () => {
    for (const preset of RELATIVE_PRESETS) expect(parseRelative(preset)).not.toBeNull();
    expect(parseRelative("15m")).toEqual({ amount: 15, unit: "m" });
    expect(parseRelative("2d")).toEqual({ amount: 2, unit: "d" });
    expect(parseRelative(" 1h ")).toEqual({ amount: 1, unit: "h" });
  });

  it("rejects malformed, zero and absurdly long values", () => {
    for (const bad of ["", "m", "15", "0m", "015m", "1.5h", "-5m", "5M", "5 m", "5y", "now-1h", "1000d"]) {
      expect(parseRelative(bad), bad).toBeNull();
    }
    expect(parseRelative(null)).toBeNull();
  });

  it("computes durations", () => {
    expect(relativeDurationMs({ amount: 15, unit: "m" })).toBe(15 * MIN);
    expect(relativeDurationMs({ amount: 24, unit: "h" })).toBe(24 * HOUR);
    expect(relativeDurationMs({ amount: 7, unit: "d" })).toBe(7 * 24 * HOUR);
  });
});

describe("resolveTimeRange", () => {
  it("keeps a valid absolute window exactly", () => {
    const from = NOW - 3 * HOUR;
    const to = NOW - 2 * HOUR;
    expect(resolveTimeRange({ from, to, rel: null }, NOW)).toEqual({ range: { fromMs: from, toMs: to, rel: null }, rewrite: false });
  });

  it("keeps rel beside a valid window without touching the times", () => {
    const result = resolveTimeRange({ from: NOW - 15 * MIN - 5000, to: NOW - 5000, rel: "15m" }, NOW);
    expect(result).toEqual({ range: { fromMs: NOW - 15 * MIN - 5000, toMs: NOW - 5000, rel: "15m" }, rewrite: false });
  });

  it("drops an unparsable rel and asks for a rewrite", () => {
    const result = resolveTimeRange({ from: 1000, to: 2000, rel: "soon" }, NOW);
    expect(result).toEqual({ range: { fromMs: 1000, toMs: 2000, rel: null }, rewrite: true });
  });

  it("defaults to the last hour when from/to are missing", () => {
    expect(resolveTimeRange({ from: null, to: null, rel: null }, NOW)).toEqual({
      range: { fromMs: NOW - HOUR, toMs: NOW, rel: "1h" },
      rewrite: true,
    });
  });

  it("turns a bare rel into absolute times ending now", () => {
    expect(resolveTimeRange({ from: null, to: null, rel: "15m" }, NOW)).toEqual({
      range: { fromMs: NOW - 15 * MIN, toMs: NOW, rel: "15m" },
      rewrite: true,
    });
  });

  it("replaces inverted, empty or negative windows", () => {
    for (const [from, to] of [
      [NOW, NOW - 1],
      [NOW, NOW],
      [-5, NOW],
      [1.5, NOW],
      [null, NOW],
    ] as const) {
      const result = resolveTimeRange({ from, to, rel: null }, NOW);
      expect(result.rewrite).toBe(true);
      expect(result.range).toEqual({ fromMs: NOW - HOUR, toMs: NOW, rel: "1h" });
    }
  });
});

describe("liveRelativeSpec and slideTimeRange", () => {
  it("recognises a relative window only when its length matches rel", () => {
    expect(liveRelativeSpec({ fromMs: NOW - 15 * MIN, toMs: NOW, rel: "15m" })).toEqual({ amount: 15, unit: "m" });
    expect(liveRelativeSpec({ fromMs: NOW - 20 * MIN, toMs: NOW, rel: "15m" })).toBeNull();
    expect(liveRelativeSpec({ fromMs: NOW - 15 * MIN, toMs: NOW, rel: null })).toBeNull();
  });

  it("slides a relative window to now and leaves an absolute one alone", () => {
    const later = NOW + 30_000;
    expect(slideTimeRange(relativeRange({ amount: 5, unit: "m" }, NOW), later)).toEqual({
      fromMs: later - 5 * MIN,
      toMs: later,
      rel: "5m",
    });
    const absolute = { fromMs: NOW - HOUR, toMs: NOW, rel: null };
    expect(slideTimeRange(absolute, later)).toBe(absolute);
  });
});

describe("shiftTimeRange", () => {
  it("moves by half the window and becomes absolute", () => {
    const range = { fromMs: NOW - 2 * HOUR, toMs: NOW - HOUR, rel: null };
    expect(shiftTimeRange(range, -1, NOW)).toEqual({ fromMs: NOW - 2.5 * HOUR, toMs: NOW - 1.5 * HOUR, rel: null });
    expect(shiftTimeRange(range, 1, NOW)).toEqual({ fromMs: NOW - 1.5 * HOUR, toMs: NOW - 0.5 * HOUR, rel: null });
  });

  it("stops at now instead of running into the future", () => {
    const range = relativeRange({ amount: 1, unit: "h" }, NOW - 10 * MIN);
    expect(shiftTimeRange(range, 1, NOW)).toEqual({ fromMs: NOW - HOUR, toMs: NOW, rel: null });
  });

  it("lets a window that already reaches into the future move on", () => {
    const range = { fromMs: NOW, toMs: NOW + HOUR, rel: null };
    expect(shiftTimeRange(range, 1, NOW)).toEqual({ fromMs: NOW + 0.5 * HOUR, toMs: NOW + 1.5 * HOUR, rel: null });
  });
});

describe("zoomOutTimeRange", () => {
  it("doubles a relative window and keeps it relative", () => {
    expect(zoomOutTimeRange(relativeRange({ amount: 15, unit: "m" }, NOW - 1000), NOW)).toEqual({
      fromMs: NOW - 30 * MIN,
      toMs: NOW,
      rel: "30m",
    });
  });

  it("doubles an absolute window around its centre", () => {
    const range = { fromMs: NOW - 4 * HOUR, toMs: NOW - 2 * HOUR, rel: null };
    expect(zoomOutTimeRange(range, NOW)).toEqual({ fromMs: NOW - 5 * HOUR, toMs: NOW - HOUR, rel: null });
  });

  it("clamps the end at now", () => {
    const range = { fromMs: NOW - 2 * HOUR, toMs: NOW - 0.5 * HOUR, rel: null };
    expect(zoomOutTimeRange(range, NOW)).toEqual({ fromMs: NOW - 3 * HOUR, toMs: NOW, rel: null });
  });
});

describe("describeTimeRange and formatInstant", () => {
  it("formats instants in the given zone", () => {
    expect(formatInstant(NOW, "UTC")).toBe("2025-05-10 12:00:00");
    expect(formatInstant(NOW, "Asia/Shanghai")).toBe("2025-05-10 20:00:00");
    expect(formatInstant(Date.UTC(2025, 0, 1, 0, 0, 5), "UTC")).toBe("2025-01-01 00:00:05");
  });

  it("labels a live relative window by its length", () => {
    expect(describeTimeRange(relativeRange({ amount: 15, unit: "m" }, NOW), "UTC")).toEqual({
      kind: "relative",
      amount: 15,
      unit: "m",
    });
  });

  it("labels an absolute window with both ends, dropping the repeated date", () => {
    expect(describeTimeRange({ fromMs: NOW - HOUR, toMs: NOW, rel: null }, "UTC")).toEqual({
      kind: "absolute",
      from: "2025-05-10 11:00:00",
      to: "12:00:00",
    });
    expect(describeTimeRange({ fromMs: NOW - 13 * HOUR, toMs: NOW, rel: null }, "UTC")).toEqual({
      kind: "absolute",
      from: "2025-05-09 23:00:00",
      to: "2025-05-10 12:00:00",
    });
  });

  it("labels a window whose rel does not match its length as absolute", () => {
    expect(describeTimeRange({ fromMs: NOW - HOUR, toMs: NOW, rel: "15m" }, "Asia/Shanghai").kind).toBe("absolute");
  });
});

describe("isPinnedRange", () => {
  it("pins a relative window that was already stale when the page loaded", () => {
    const range = relativeRange({ amount: 15, unit: "m" }, NOW - 2 * HOUR);
    expect(isPinnedRange(range, NOW)).toBe(true);
  });

  it("does not pin a fresh relative window or any absolute one", () => {
    expect(isPinnedRange(relativeRange({ amount: 15, unit: "m" }, NOW - 5000), NOW)).toBe(false);
    expect(isPinnedRange({ fromMs: NOW - 3 * HOUR, toMs: NOW - 2 * HOUR, rel: null }, NOW)).toBe(false);
  });
});
