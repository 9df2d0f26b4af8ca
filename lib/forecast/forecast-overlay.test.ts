import { describe, expect, it } from "vitest";
import { chartEndMs, forecastOverlay, limitLine } from "./forecast-overlay";
import type { SaturationForecast } from "./forecast-saturation";

const names = { forecast: "forecast", bandLower: "low", bandUpper: "high" };
const warning: SaturationForecast = {
  kind: "warning",
  limit: 10,
  lastMs: 1_000_000,
  fullAtMs: 1_600_000,
  etaMinutes: 10,
  etaLowerMinutes: 8,
  etaUpperMinutes: 13,
  confidence: "high",
  line: [
    [1_000_000, 6],
    [1_600_000, 10],
  ],
  band: {
    lower: [
      [1_000_000, 5],
      [1_600_000, 9],
    ],
    upper: [
      [1_000_000, 7],
      [1_600_000, 11],
    ],
  },
};

describe("forecastOverlay", () => {
  it("draws the forecast dashed and the band's edges faint, with their true values", () => {
    expect(forecastOverlay(warning, names)).toEqual([
      { name: "forecast", points: warning.line, color: expect.any(String) as string, dashed: true },
      { name: "low", points: warning.band.lower, faint: true },
      { name: "high", points: warning.band.upper, faint: true },
    ]);
  });

  it("draws nothing without a warning", () => {
    expect(forecastOverlay({ kind: "none", reason: "flat" }, names)).toEqual([]);
    expect(forecastOverlay({ kind: "at-limit", limit: 4, lastMs: 0, value: 4 }, names)).toEqual([]);
  });
});

describe("chartEndMs", () => {
  it("widens the window to where the forecast meets the limit, with a little room", () => {
    expect(chartEndMs(1_200_000, warning)).toBe(1_630_000);
    expect(chartEndMs(2_000_000, warning)).toBe(2_000_000);
    expect(chartEndMs(1_200_000, { kind: "none", reason: "flat" })).toBe(1_200_000);
  });
});

describe("limitLine", () => {
  it("holds a limit series at its latest value to the end", () => {
    expect(
      limitLine(
        [
          [200, 4],
          [100, 3],
        ],
        0,
        500,
      ),
    ).toEqual([
      [100, 3],
      [200, 4],
      [500, 4],
    ]);
  });

  it("draws a constant limit across the window", () => {
    expect(limitLine(60, 0, 500)).toEqual([
      [0, 60],
      [500, 60],
    ]);
  });
});
