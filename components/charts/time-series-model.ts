// The pure half of the time-series chart: which bucket a click at a time falls in, and the
// window a drag chose. Kept apart from the component so the rules have unit tests.

export type TimePoint = readonly [timeMs: number, value: number | null];

export interface TimeWindow {
  fromMs: number;
  toMs: number;
}

/** Bucket width: as given, or the smallest gap between consecutive points (60 s without any). */
export function inferStepMs(pointLists: readonly (readonly TimePoint[])[], given?: number): number {
  if (given !== undefined && given > 0) return given;
  let step = Number.POSITIVE_INFINITY;
  for (const points of pointLists) {
    for (let i = 1; i < points.length; i++) {
      const gap = points[i]![0] - points[i - 1]![0];
      if (gap > 0 && gap < step) step = gap;
    }
  }
  return Number.isFinite(step) ? step : 60_000;
}

/**
 * The bucket holding `timeMs`, on the grid the points start on (bucket starts are point times),
 * clipped to the chart's range: a click between two points opens the one it falls in.
 */
export function bucketAt(timeMs: number, stepMs: number, range: TimeWindow, anchorMs?: number): TimeWindow {
  const anchor = anchorMs ?? range.fromMs;
  const start = anchor + Math.floor((timeMs - anchor) / stepMs) * stepMs;
  return { fromMs: Math.max(range.fromMs, start), toMs: Math.min(range.toMs, start + stepMs) };
}

/** The window of a horizontal brush (`coordRange: [x0, x1]`), or null for anything else. */
export function brushWindow(areas: readonly { coordRange?: unknown }[]): TimeWindow | null {
  const range = areas[0]?.coordRange;
  if (!Array.isArray(range) || range.length !== 2 || !range.every((v) => typeof v === "number" && Number.isFinite(v))) return null;
  const [a, b] = range as [number, number];
  const fromMs = Math.floor(Math.min(a, b));
  const toMs = Math.ceil(Math.max(a, b));
  return toMs > fromMs ? { fromMs, toMs } : null;
}
