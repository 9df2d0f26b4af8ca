import { histogramQuantileNs } from "@/lib/rollup/latency-buckets";
import type { RedStats } from "./schemas";

// One window's rollup sums and merged latency histogram as the numbers a table shows. The
// histogram may come from a sample of the window's minutes (long windows): percentiles are
// shares, so a sample estimates them without scaling.

export interface RedSums {
  count: number;
  errors: number;
  timeouts: number;
  durationSumNs: number;
}

export const emptySums = (): RedSums => ({ count: 0, errors: 0, timeouts: 0, durationSumNs: 0 });

export function addSums(target: RedSums, row: RedSums): void {
  target.count += row.count;
  target.errors += row.errors;
  target.timeouts += row.timeouts;
  target.durationSumNs += row.durationSumNs;
}

export function summariseRed(sums: RedSums, histogram: ArrayLike<number>, windowSeconds: number): RedStats {
  const quantileMs = (q: number) => {
    const ns = sums.count > 0 ? histogramQuantileNs(histogram, q) : null;
    return ns === null ? null : ns / 1e6;
  };
  return {
    count: sums.count,
    rate: windowSeconds > 0 ? sums.count / windowSeconds : 0,
    errors: sums.errors,
    errorRate: sums.count > 0 ? sums.errors / sums.count : null,
    timeouts: sums.timeouts,
    p50: quantileMs(0.5),
    p95: quantileMs(0.95),
    p99: quantileMs(0.99),
  };
}
