// Time buckets of a chart series. Buckets start at multiples of the step since the Unix epoch,
// so two requests over overlapping windows (a refresh a minute later, a shared link) put the
// same data in the same buckets, and a step that divides a day lines up with UTC midnight.

/** Steps the default picks from: each divides the next larger day multiple evenly. */
const NICE_STEPS_SECONDS = [10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400];
const DAY_SECONDS = 86_400;

/** A default series holds about this many points: enough for a chart, few enough to draw fast. */
export const TARGET_POINTS = 300;
/** Requests that would produce more points are refused: no chart shows them, and they cost. */
export const MAX_POINTS = 11_000;
/** Metric series are downsampled to at most this many points: a requested step is raised to fit. */
export const MAX_SERIES_POINTS = 1_000;

/**
 * The step for a window: a requested step rounded up to a whole number of `unitSeconds` (the
 * resolution of the data; a bucket must not split a rollup minute), or, when none is requested,
 * the smallest nice step that keeps the series at TARGET_POINTS or fewer.
 */
export function resolveStepSeconds(requested: number | undefined, rangeMs: number, unitSeconds: number): number {
  if (requested !== undefined) return Math.max(unitSeconds, Math.ceil(requested / unitSeconds) * unitSeconds);
  const wanted = Math.max(unitSeconds, Math.ceil(rangeMs / 1_000 / TARGET_POINTS));
  const nice = NICE_STEPS_SECONDS.find((step) => step >= wanted && step % unitSeconds === 0);
  return nice ?? Math.ceil(wanted / DAY_SECONDS) * DAY_SECONDS;
}

export interface ChosenStep {
  stepSeconds: number;
  /** The step asked for, rounded up to whole units; null when none was. */
  requestedSeconds: number | null;
}

/**
 * The step for a series over [fromMs, toMs): as resolveStepSeconds, except that a requested step
 * giving more than `maxPoints` buckets is raised (to the smallest nice step, or whole days, that
 * fits) instead of being refused, so a long window always answers with a drawable series. The
 * caller reports both, so a chart can say that it shows coarser data than asked for.
 */
export function chooseStep(requested: number | undefined, fromMs: number, toMs: number, unitSeconds: number, maxPoints = MAX_SERIES_POINTS): ChosenStep {
  const resolved = resolveStepSeconds(requested, toMs - fromMs, unitSeconds);
  const requestedSeconds = requested === undefined ? null : resolved;
  if (bucketCount(fromMs, toMs, resolved * 1_000) <= maxPoints) return { stepSeconds: resolved, requestedSeconds };
  const fits = (step: number) => step >= resolved && step % unitSeconds === 0 && bucketCount(fromMs, toMs, step * 1_000) <= maxPoints;
  const nice = NICE_STEPS_SECONDS.find(fits);
  if (nice !== undefined) return { stepSeconds: nice, requestedSeconds };
  // Whole days: one more than the window's days covers an unaligned start.
  let days = Math.max(1, Math.ceil(Math.max(resolved, (toMs - fromMs) / 1_000 / (maxPoints - 1)) / DAY_SECONDS));
  while (!fits(days * DAY_SECONDS)) days += 1;
  return { stepSeconds: days * DAY_SECONDS, requestedSeconds };
}

export function alignDown(ms: number, stepMs: number): number {
  return Math.floor(ms / stepMs) * stepMs;
}

/** Number of buckets from the one holding `fromMs` up to (excluding) `toMs`. */
export function bucketCount(fromMs: number, toMs: number, stepMs: number): number {
  return Math.max(0, Math.ceil((toMs - alignDown(fromMs, stepMs)) / stepMs));
}

/** Starts of the buckets from the one holding `fromMs` up to (excluding) `toMs`. */
export function bucketStarts(fromMs: number, toMs: number, stepMs: number): number[] {
  const first = alignDown(fromMs, stepMs);
  const starts: number[] = [];
  for (let t = first; t < toMs; t += stepMs) starts.push(t);
  return starts;
}

/**
 * Seconds of a bucket that lie inside the data's window: a whole step except for the last bucket,
 * which ends at `endMs` (the window's end, rounded up to the data resolution). Rates divide by
 * this, so a half-elapsed last bucket does not read as a drop to half the traffic.
 */
export function coveredSeconds(bucketStartMs: number, stepMs: number, endMs: number): number {
  const end = Math.min(bucketStartMs + stepMs, endMs);
  return Math.max(0, end - bucketStartMs) / 1_000;
}
