import type { Point, SaturationForecast } from "./forecast-saturation";

// What a forecast adds to a time-series chart: the dashed forecast line, the edges of its 80 %
// band as faint lines (each with its true value in the tooltip, which a stacked area would
// replace by the band's width), and the limit carried on to where the line meets it. Shaped as
// the shared chart's `series` entries (components/charts/time-series-chart.tsx).

export interface OverlaySeries {
  name: string;
  points: [number, number | null][];
  color?: string;
  faint?: boolean;
  dashed?: boolean;
  area?: boolean;
  stack?: string;
}

export interface OverlayNames {
  forecast: string;
  bandLower: string;
  bandUpper: string;
}

export const FORECAST_COLOR = "#e8590c";
export const LIMIT_COLOR = "#e03131";

/** The chart's window widened to show where the forecast meets the limit (with a little room after). */
export function chartEndMs(toMs: number, forecast: SaturationForecast): number {
  if (forecast.kind !== "warning") return toMs;
  // Whole milliseconds: the chart asks the API for this window's annotations, which takes integers.
  return Math.max(toMs, Math.ceil(forecast.fullAtMs + (forecast.fullAtMs - forecast.lastMs) * 0.05));
}

export function forecastOverlay(forecast: SaturationForecast, names: OverlayNames): OverlaySeries[] {
  if (forecast.kind !== "warning") return [];
  return [
    { name: names.forecast, points: forecast.line, color: FORECAST_COLOR, dashed: true },
    { name: names.bandLower, points: forecast.band.lower, faint: true },
    { name: names.bandUpper, points: forecast.band.upper, faint: true },
  ];
}

/**
 * The limit as a line: its samples, then held at its latest value to `endMs` so the forecast
 * visibly meets it past the last sample. A constant limit is a line across the window.
 */
export function limitLine(limit: number | readonly Point[], fromMs: number, endMs: number): [number, number][] {
  if (typeof limit === "number") {
    return [
      [fromMs, limit],
      [endMs, limit],
    ];
  }
  const sorted = [...limit].sort((a, b) => a[0] - b[0]);
  const last = sorted.at(-1);
  return last && last[0] < endMs ? [...sorted, [endMs, last[1]]] : sorted;
}
