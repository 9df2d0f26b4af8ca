import type { Point } from "./fit-trend";

/**
 * Several series summed bucket by bucket (the whole server's connections from its per-database,
 * per-state series). A series without a sample in a bucket adds nothing: the db agent observes
 * only the (database, state) pairs that have connections, so a missing pair means none.
 */
export function sumSeries(series: readonly (readonly Point[])[]): Point[] {
  const totals = new Map<number, number>();
  for (const points of series) for (const [timeMs, value] of points) totals.set(timeMs, (totals.get(timeMs) ?? 0) + value);
  return [...totals].sort((a, b) => a[0] - b[0]);
}
