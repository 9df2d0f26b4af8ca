// Cumulative OTLP points (counters, histograms, summaries) report the total since the series'
// start time; charts want what happened in each step. A point's delta is its difference from
// the previous point of the same series, except after a reset, when it is the point itself
// (the counter restarted from zero, so everything it reports happened since).

export interface CumulativePoint<V> {
  timeMs: number;
  /** OTLP start_time_unix_nano as a decimal string; null when the sender left it unset. */
  startTimeNs: string | null;
  value: V;
}

export interface TimedDelta<V> {
  timeMs: number;
  delta: V;
}

/** Returns the delta from `previous` to `current`, or null when `current` cannot follow it (a reset). */
export type DiffFn<V> = (previous: V, current: V) => V | null;

/**
 * Deltas of a series' points (sorted by time). A reset is a value going down (`diff` says so) or
 * a new start time. The first point only sets the baseline, unless its series started at or
 * after `fetchedFromMs` — then no earlier point exists and all it reports is new.
 */
export function cumulativeToDeltas<V>(points: CumulativePoint<V>[], diff: DiffFn<V>, fetchedFromMs: number): TimedDelta<V>[] {
  const deltas: TimedDelta<V>[] = [];
  let previous: CumulativePoint<V> | undefined;
  for (const point of points) {
    if (!previous) {
      if (point.startTimeNs !== null && nsToMs(point.startTimeNs) >= fetchedFromMs) deltas.push({ timeMs: point.timeMs, delta: point.value });
    } else {
      const restarted = point.startTimeNs !== null && previous.startTimeNs !== null && point.startTimeNs !== previous.startTimeNs;
      const delta = restarted ? null : diff(previous.value, point.value);
      deltas.push({ timeMs: point.timeMs, delta: delta ?? point.value });
    }
    previous = point;
  }
  return deltas;
}

/** Difference of two counter totals; a decrease is a reset. */
export const diffCounter: DiffFn<number> = (previous, current) => (current >= previous ? current - previous : null);

function nsToMs(ns: string): number {
  return Number(BigInt(ns) / 1_000_000n);
}
