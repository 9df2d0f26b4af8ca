import { linearRegression, probit } from "simple-statistics";

// An ordinary least-squares line through a gauge's recent samples, with what is needed to say
// how sure it is: the residual standard error, the slope's t statistic, R² and a prediction
// band. Time is in minutes from the first sample so the sums stay small whatever the epoch.

export type Point = [timeMs: number, value: number];

/** Two-sided 80 % prediction band: wide enough to be honest, narrow enough to say something. */
export const BAND_Z = probit(0.9);

export interface TrendFit {
  n: number;
  originMs: number;
  /** value per minute */
  slope: number;
  intercept: number;
  /** residual standard error (0 when every sample lies on the line) */
  residualSe: number;
  /** slope / its standard error; Infinity for an exact rising line, 0 for an exact flat one */
  slopeT: number;
  /** how much wider than for independent samples the line's uncertainty is (residuals that follow each other) */
  inflation: number;
  rSquared: number;
  meanMinutes: number;
  sxx: number;
}

export function fitTrend(points: readonly Point[]): TrendFit | null {
  if (points.length < 3) return null;
  const originMs = points[0]![0];
  const data = points.map(([timeMs, value]) => [(timeMs - originMs) / 60_000, value]);
  const n = data.length;
  const meanMinutes = data.reduce((sum, [x]) => sum + x!, 0) / n;
  const meanValue = data.reduce((sum, [, y]) => sum + y!, 0) / n;
  const sxx = data.reduce((sum, [x]) => sum + (x! - meanMinutes) ** 2, 0);
  if (sxx === 0) return null; // every sample at one instant: no time axis to fit
  const { m: slope, b: intercept } = linearRegression(data);
  const sse = data.reduce((sum, [x, y]) => sum + (y! - (intercept + slope * x!)) ** 2, 0);
  const sst = data.reduce((sum, [, y]) => sum + (y! - meanValue) ** 2, 0);
  const residualSe = Math.sqrt(sse / (n - 2));
  const inflation = autocorrelationInflation(data.map(([x, y]) => y! - (intercept + slope * x!)));
  const slopeSe = (inflation * residualSe) / Math.sqrt(sxx);
  const slopeT = slopeSe > 0 ? slope / slopeSe : slope === 0 ? 0 : Math.sign(slope) * Infinity;
  const rSquared = sst > 0 ? 1 - sse / sst : 0;
  return { n, originMs, slope, intercept, residualSe, slopeT, inflation, rSquared, meanMinutes, sxx };
}

/**
 * A gauge's samples are not independent draws: a queue or a connection count that is high now is
 * high a moment later, so its residuals run in streaks and a plain least-squares fit would be far
 * too sure of its slope (a wandering series would pass for a trend). With r the residuals' lag-1
 * autocorrelation, n samples carry about n(1-r)/(1+r) samples' worth of information, so the
 * standard errors widen by sqrt((1+r)/(1-r)) (r kept in [0, 0.95]).
 */
function autocorrelationInflation(residuals: number[]): number {
  let lagged = 0;
  let squares = 0;
  for (let i = 0; i < residuals.length; i++) {
    squares += residuals[i]! ** 2;
    if (i > 0) lagged += residuals[i]! * residuals[i - 1]!;
  }
  const r = squares > 0 ? Math.min(0.98, Math.max(0, lagged / squares)) : 0;
  return Math.sqrt((1 + r) / (1 - r));
}

export function predictAt(fit: TrendFit, timeMs: number): number {
  return fit.intercept + fit.slope * ((timeMs - fit.originMs) / 60_000);
}

/** Half-width of the prediction band for one new sample at `timeMs`: the sample's own scatter plus the line's uncertainty there. */
export function bandHalfWidthAt(fit: TrendFit, timeMs: number): number {
  const x = (timeMs - fit.originMs) / 60_000;
  const lineVariance = fit.inflation ** 2 * (1 / fit.n + (x - fit.meanMinutes) ** 2 / fit.sxx);
  return BAND_Z * fit.residualSe * Math.sqrt(1 + lineVariance);
}
