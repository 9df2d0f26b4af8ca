import { describe, expect, it } from "vitest";
import { REFRESH_INTERVALS, parseRefreshInterval, refreshIntervalMs } from "./refresh-interval";

describe("refresh intervals", () => {
  it("offers off, 5s, 10s, 30s, 1m and 5m", () => {
    expect(REFRESH_INTERVALS.map(refreshIntervalMs)).toEqual([null, 5_000, 10_000, 30_000, 60_000, 300_000]);
  });

  it("reads stored values and falls back to off", () => {
    expect(parseRefreshInterval("30s")).toBe("30s");
    expect(parseRefreshInterval("1m")).toBe("1m");
    expect(parseRefreshInterval("2s")).toBe("off");
    expect(parseRefreshInterval('"30s"')).toBe("off");
    expect(parseRefreshInterval(undefined)).toBe("off");
    expect(parseRefreshInterval(null)).toBe("off");
  });
});
