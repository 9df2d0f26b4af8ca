import { describe, expect, it } from "vitest";
import { forecastSaturation, latestLimit, type Point } from "./forecast-saturation";

// Synthetic series, one sample every 15 s (the demo's export interval), ending at T. The noise
// comes from a fixed-seed generator so every run sees the same series.

const T = Date.UTC(2026, 11, 4, 20, 0);
const STEP_MS = 15_000;

function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function series(minutes: number, value: (minute: number, random: () => number) => number, seed = 7): Point[] {
  const random = seeded(seed);
  const count = (minutes * 60_000) / STEP_MS;
  return Array.from({ length: count + 1 }, (_, i) => {
    const timeMs = T - (count - i) * STEP_MS;
    return [timeMs, value((timeMs - T) / 60_000 + minutes, random)] as Point;
  });
}

const warning = (forecast: ReturnType<typeof forecastSaturation>) => {
  if (forecast.kind !== "warning") throw new Error(`expected a warning, got ${JSON.stringify(forecast)}`);
  return forecast;
};

describe("forecastSaturation", () => {
  it("forecasts a steady climb, with the band around the line", () => {
    // 10 → 40 over 30 minutes (1 a minute) with a little noise; the limit 52 is ~12 min away.
    const forecast = warning(forecastSaturation(series(30, (m, r) => 10 + m + (r() - 0.5)), 52));
    expect(forecast.etaMinutes).toBeGreaterThan(10);
    expect(forecast.etaMinutes).toBeLessThan(14);
    expect(forecast.etaLowerMinutes).toBeLessThan(forecast.etaMinutes);
    expect(forecast.etaUpperMinutes).toBeGreaterThan(forecast.etaMinutes);
    expect(forecast.confidence).toBe("high");
    expect(forecast.line.at(-1)).toEqual([forecast.fullAtMs, 52]);
    expect(forecast.line[0]![0]).toBe(T);
    expect(forecast.band.upper.every(([t, v], i) => t === forecast.band.lower[i]![0] && v >= forecast.band.lower[i]![1])).toBe(true);
  });

  it("times a climb that began mid-window by the climb, not diluted by the flat part before it", () => {
    // Flat at 10 for 15 minutes, then 2 a minute: 40 now, 60 in 10 minutes.
    const forecast = warning(forecastSaturation(series(30, (m, r) => (m < 15 ? 10 : 10 + 2 * (m - 15)) + (r() - 0.5)), 60));
    expect(forecast.etaMinutes).toBeGreaterThan(9);
    expect(forecast.etaMinutes).toBeLessThan(11);
  });

  it("reads the limit from a limit series: the latest sample", () => {
    const limit: Point[] = [
      [T - 60_000, 100],
      [T, 52],
      [T - 120_000, 200],
    ];
    expect(latestLimit(limit)).toBe(52);
    expect(forecastSaturation(series(30, (m) => 10 + m), limit).kind).toBe("warning");
  });

  it("says nothing without a usable limit", () => {
    const rising = series(30, (m) => 10 + m);
    expect(forecastSaturation(rising, null)).toEqual({ kind: "none", reason: "no-limit" });
    expect(forecastSaturation(rising, [])).toEqual({ kind: "none", reason: "no-limit" });
    expect(forecastSaturation(rising, 0)).toEqual({ kind: "none", reason: "no-limit" });
    expect(forecastSaturation(rising, Number.NaN)).toEqual({ kind: "none", reason: "no-limit" });
  });

  it("says nothing on too few points or too short a span", () => {
    expect(forecastSaturation([], 10)).toEqual({ kind: "none", reason: "too-few-points" });
    expect(forecastSaturation(series(1, (m) => m), 10)).toEqual({ kind: "none", reason: "too-few-points" });
    const sparse: Point[] = [0, 1, 2, 3, 4].map((i) => [T - (4 - i) * 5 * 60_000, i]);
    expect(forecastSaturation(sparse, 6)).toEqual({ kind: "none", reason: "too-few-points" });
  });

  it("says nothing on a flat series", () => {
    expect(forecastSaturation(series(30, () => 3), 4)).toEqual({ kind: "none", reason: "flat" });
  });

  it("says nothing on noise without a trend, even close to the limit", () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      const forecast = forecastSaturation(series(30, (_m, r) => 2 + Math.round(r() * 1.6), seed), 4);
      expect(forecast.kind === "none" || forecast.kind === "at-limit", `seed ${seed}: ${JSON.stringify(forecast)}`).toBe(true);
    }
  });

  it("rarely mistakes a wandering gauge (a random walk) for a climb", () => {
    // Each walk moves up to ±0.5 every 15 s with no drift; only those that happened to run
    // straight up for most of the half hour may warn (2–3 % of these seeded walks do).
    let warned = 0;
    for (let seed = 1; seed <= 200; seed++) {
      let value = 50;
      if (forecastSaturation(series(30, (_m, r) => (value += r() - 0.5), seed), 60).kind !== "none") warned += 1;
    }
    expect(warned).toBeLessThanOrEqual(8);
  });

  it("says nothing on a series oscillating below the limit", () => {
    const forecast = forecastSaturation(series(30, (m) => 50 + 20 * Math.sin((2 * Math.PI * m) / 7)), 100);
    expect(forecast.kind).toBe("none");
  });

  it("says nothing on a falling series", () => {
    expect(forecastSaturation(series(30, (m, r) => 40 - m + r()), 50)).toEqual({ kind: "none", reason: "falling" });
  });

  it("says nothing on a climb that has stopped (a step up, then flat)", () => {
    const forecast = forecastSaturation(series(30, (m, r) => (m < 12 ? 1 + m / 4 : 4) + r() * 0.2), 6);
    expect(forecast.kind).toBe("none");
  });

  it.each([4, 8])("says nothing on a ramp that levelled off %i minutes ago", (flatFor) => {
    const forecast = forecastSaturation(series(30, (m, r) => 10 + Math.min(m, 30 - flatFor) + (r() - 0.5)), 60);
    expect(forecast).toEqual({ kind: "none", reason: "stalled" });
  });

  it("says nothing when the limit is beyond the horizon", () => {
    // 1 a minute, 200 to go: over three hours away.
    expect(forecastSaturation(series(30, (m) => 10 + m), 240)).toEqual({ kind: "none", reason: "beyond-horizon" });
    // Also beyond twice the span read: 10 minutes of climb say nothing about 25 minutes ahead.
    expect(forecastSaturation(series(10, (m) => 10 + m), 45)).toEqual({ kind: "none", reason: "beyond-horizon" });
    // A longer window and horizon, asked for, do allow it.
    expect(forecastSaturation(series(120, (m) => 10 + m), 330, { windowMs: 2 * 60 * 60_000, horizonMs: 6 * 60 * 60_000 }).kind).toBe("warning");
  });

  it("reads only the recent window", () => {
    // An hour ago it climbed fast; the last 30 minutes are flat.
    const forecast = forecastSaturation(series(90, (m) => (m < 60 ? m / 4 : 15)), 20);
    expect(forecast).toEqual({ kind: "none", reason: "flat" });
  });

  it("says the gauge is at its limit when the last sample reaches it", () => {
    expect(forecastSaturation(series(30, (m) => Math.min(4, m / 5)), 4)).toEqual({ kind: "at-limit", limit: 4, lastMs: T, value: 4 });
  });

  it("says nothing on a series that stopped reporting", () => {
    const rising = series(30, (m) => 10 + m);
    expect(forecastSaturation(rising, 52, { asOfMs: T + 6 * 60_000 })).toEqual({ kind: "none", reason: "stale" });
    expect(forecastSaturation(rising, 52, { asOfMs: T + 60_000 }).kind).toBe("warning");
  });

  it("ignores samples that are not numbers and sorts by time", () => {
    const points = series(30, (m) => 10 + m).reverse();
    points.push([T - 1000, Number.NaN]);
    expect(forecastSaturation(points, 52).kind).toBe("warning");
  });
});
