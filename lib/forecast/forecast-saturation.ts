import { bandHalfWidthAt, fitTrend, predictAt, type Point, type TrendFit } from "./fit-trend";

// When does a gauge (pool connections in use, server connections, queue depth) reach its limit
// at the rate it is climbing now? A straight line through the recent samples answers it; the
// rest of this file is about NOT answering when the answer would be a false alarm: too little
// data, no limit, a flat or falling series, noise without a real trend, a climb that has
// already stopped (a step up, then flat), or a limit so far off that warning would be noise.

export type { Point } from "./fit-trend";

export interface ForecastOptions {
  /** how far back from the last sample the trend is read (default 30 min) */
  windowMs?: number;
  /** no warning for a limit further off than this (default 2 h; never more than twice the window actually read) */
  horizonMs?: number;
  /** the moment the forecast is for (the end of a live window); a series silent for 5 min before it is stale */
  asOfMs?: number;
}

export type NoForecastReason = "no-limit" | "too-few-points" | "flat" | "falling" | "no-trend" | "stalled" | "beyond-horizon" | "stale";
export type ForecastConfidence = "high" | "medium" | "low";

export type SaturationForecast =
  | { kind: "none"; reason: NoForecastReason }
  /** the last sample is at or over the limit: nothing to forecast, it is full now */
  | { kind: "at-limit"; limit: number; lastMs: number; value: number }
  | {
      kind: "warning";
      limit: number;
      lastMs: number;
      /** when the fitted line reaches the limit */
      fullAtMs: number;
      etaMinutes: number;
      /** the earliest the 80 % band allows (its upper edge reaches the limit) */
      etaLowerMinutes: number;
      /** the latest the band allows; null when its lower edge does not reach the limit within 3 horizons */
      etaUpperMinutes: number | null;
      confidence: ForecastConfidence;
      /** the dashed forecast: from the fitted value at the last sample to the limit */
      line: Point[];
      band: { lower: Point[]; upper: Point[] };
    };

const DEFAULT_WINDOW_MS = 30 * 60_000;
const DEFAULT_HORIZON_MS = 2 * 60 * 60_000;
const MIN_POINTS = 8;
const MIN_SPAN_MS = 5 * 60_000;
/**
 * Strict on purpose: a gauge that wanders (a random walk) looks like a trend over any short
 * stretch. On simulated walks a slope 4 standard errors from zero with R² 0.75 still passed now
 * and then; the real climbs recorded from the demo pass at t > 20 and R² > 0.95.
 */
const MIN_SLOPE_T = 6;
/** Below this the line explains too little of the movement to be the story. */
const MIN_R_SQUARED = 0.8;
/** The latest half and quarter of the window must still climb at half the window's rate at least. */
const MIN_RECENT_SLOPE_SHARE = 0.5;
const MIN_PART_MS = 3 * 60_000;
/** A gauge that has not reported for this long says nothing about now. */
const STALE_AFTER_MS = 5 * 60_000;
const BAND_SAMPLES = 24;
const SEARCH_STEPS = 720;

/** The limit in force at the end: a constant, or the latest sample of a limit series. */
export function latestLimit(limit: number | readonly Point[] | null | undefined): number | null {
  if (limit === null || limit === undefined) return null;
  const value = typeof limit === "number" ? limit : limit.reduce<Point | null>((last, p) => (last === null || p[0] >= last[0] ? p : last), null)?.[1];
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : null;
}

export function forecastSaturation(series: readonly Point[], limitInput: number | readonly Point[] | null | undefined, options: ForecastOptions = {}): SaturationForecast {
  const limit = latestLimit(limitInput);
  if (limit === null) return { kind: "none", reason: "no-limit" };
  const points = series.filter(([t, v]) => Number.isFinite(t) && Number.isFinite(v)).sort((a, b) => a[0] - b[0]);
  const last = points.at(-1);
  if (!last) return { kind: "none", reason: "too-few-points" };
  if (options.asOfMs !== undefined && options.asOfMs - last[0] > STALE_AFTER_MS) return { kind: "none", reason: "stale" };
  if (last[1] >= limit) return { kind: "at-limit", limit, lastMs: last[0], value: last[1] };

  // The whole window, then its latest half: a climb that began ten minutes ago is timed by the
  // part of the window it fills, not diluted by the flat part before it. Each must pass every
  // test on its own; of those that do, the straightest line wins. (A quarter window was tried
  // too: on simulated random walks it found short straight stretches and warned twice as often.)
  const windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
  const lastMs = last[0];
  const candidates = [windowMs, windowMs / 2].map((ms) => readTrend(points, lastMs - ms));
  const trends = candidates.filter((c): c is Trend => "fit" in c);
  const best = trends.reduce<Trend | null>((a, b) => (a === null || b.fit.rSquared > a.fit.rSquared ? b : a), null);
  if (best === null) return { kind: "none", reason: (candidates[0] as { reason: NoForecastReason }).reason };
  const { fit, spanMs } = best;

  const fullAtMs = Math.max(lastMs, fit.originMs + ((limit - fit.intercept) / fit.slope) * 60_000);
  const horizonMs = Math.min(options.horizonMs ?? DEFAULT_HORIZON_MS, 2 * spanMs);
  if (fullAtMs - lastMs > horizonMs) return { kind: "none", reason: "beyond-horizon" };

  const searchEndMs = lastMs + 3 * horizonMs;
  const lowerMs = firstTimeAtLimit(lastMs, searchEndMs, (t) => predictAt(fit, t) + bandHalfWidthAt(fit, t) >= limit) ?? fullAtMs;
  const upperMs = firstTimeAtLimit(lastMs, searchEndMs, (t) => predictAt(fit, t) - bandHalfWidthAt(fit, t) >= limit);
  const minutes = (ms: number) => (ms - lastMs) / 60_000;
  const etaMinutes = minutes(fullAtMs);
  const etaLowerMinutes = Math.min(minutes(lowerMs), etaMinutes);
  const etaUpperMinutes = upperMs === null ? null : Math.max(minutes(upperMs), etaMinutes);
  return {
    kind: "warning",
    limit,
    lastMs,
    fullAtMs,
    etaMinutes,
    etaLowerMinutes,
    etaUpperMinutes,
    confidence: confidenceOf(fit, etaMinutes, etaLowerMinutes, etaUpperMinutes),
    line: [
      [lastMs, predictAt(fit, lastMs)],
      [fullAtMs, limit],
    ],
    band: bandPoints(fit, lastMs, fullAtMs),
  };
}

interface Trend {
  fit: TrendFit;
  spanMs: number;
}

/** A rising trend over the samples from `fromMs` on that passes every test, or why there is none. */
function readTrend(points: Point[], fromMs: number): Trend | { reason: NoForecastReason } {
  const recent = recentWindow(points, fromMs);
  const spanMs = recent.at(-1)![0] - recent[0]![0];
  if (recent.length < MIN_POINTS || spanMs < MIN_SPAN_MS) return { reason: "too-few-points" };
  if (recent.every(([, v]) => v === recent[0]![1])) return { reason: "flat" };
  const fit = fitTrend(recent);
  if (!fit) return { reason: "too-few-points" };
  if (fit.slopeT < MIN_SLOPE_T || fit.rSquared < MIN_R_SQUARED) return { reason: fit.slope < 0 && fit.slopeT <= -MIN_SLOPE_T ? "falling" : "no-trend" };
  if (stalled(recent, fit)) return { reason: "stalled" };
  return { fit, spanMs };
}

/** The samples of the last `fromMs`.., but never fewer than MIN_POINTS while older ones exist (coarse steps of a long range). */
function recentWindow(points: Point[], fromMs: number): Point[] {
  const inWindow = points.filter(([t]) => t >= fromMs);
  return inWindow.length >= MIN_POINTS ? inWindow : points.slice(-MIN_POINTS);
}

/**
 * A climb that has already stopped — a step up, then flat, or a ramp that levelled off minutes
 * ago — must not be extended: the latest half and the latest quarter of the window read must each
 * still climb at half its rate at least. A part shorter than 3 minutes is too short to judge.
 */
function stalled(recent: Point[], fit: TrendFit): boolean {
  const lastMs = recent.at(-1)![0];
  const spanMs = lastMs - recent[0]![0];
  return [spanMs / 2, spanMs / 4].some((partMs) => {
    if (partMs < MIN_PART_MS) return false;
    const part = recent.filter(([t]) => t >= lastMs - partMs);
    const partFit = part.length >= 4 ? fitTrend(part) : null;
    return partFit === null || partFit.slope < MIN_RECENT_SLOPE_SHARE * fit.slope;
  });
}

function firstTimeAtLimit(fromMs: number, toMs: number, reached: (timeMs: number) => boolean): number | null {
  const stepMs = (toMs - fromMs) / SEARCH_STEPS;
  for (let i = 0; i <= SEARCH_STEPS; i++) {
    const t = fromMs + i * stepMs;
    if (reached(t)) return t;
  }
  return null;
}

function confidenceOf(fit: TrendFit, eta: number, lower: number, upper: number | null): ForecastConfidence {
  if (upper !== null && fit.rSquared >= 0.95 && upper - lower <= eta) return "high";
  if (upper !== null && fit.rSquared >= 0.9) return "medium";
  return "low";
}

function bandPoints(fit: TrendFit, fromMs: number, toMs: number): { lower: Point[]; upper: Point[] } {
  const lower: Point[] = [];
  const upper: Point[] = [];
  for (let i = 0; i <= BAND_SAMPLES; i++) {
    const t = fromMs + ((toMs - fromMs) * i) / BAND_SAMPLES;
    const mid = predictAt(fit, t);
    const half = bandHalfWidthAt(fit, t);
    lower.push([t, Math.max(0, mid - half)]);
    upper.push([t, mid + half]);
  }
  return { lower, upper };
}
