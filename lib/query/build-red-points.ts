import { histogramQuantileNs } from "@/lib/rollup/latency-buckets";
import type { RedPoint } from "@/lib/schemas/red";
import { bucketStarts, coveredSeconds } from "./step-buckets";

// Turns per-bucket rollup sums into chart points: every bucket of the window gets a point (an
// empty one reads as zero traffic, not as a gap the chart would bridge), rates are per second
// of the time the bucket covers, and percentiles come from the merged latency histogram.

export interface RedBucketRow {
  timeMs: number;
  count: number;
  errors: number;
  timeouts: number;
  durationSumNs: number;
  durationMaxNs: number;
  histogram: number[];
}

const MINUTE_MS = 60_000;
const nsToMs = (ns: number | null) => (ns === null ? null : ns / 1e6);

export function buildRedPoints(rows: RedBucketRow[], window: { fromMs: number; toMs: number; stepMs: number }): RedPoint[] {
  const byTime = new Map(rows.map((row) => [row.timeMs, row]));
  // Rollups count whole minutes, so the data of the window ends where the minute of `to` ends.
  const dataEndMs = Math.ceil(window.toMs / MINUTE_MS) * MINUTE_MS;
  return bucketStarts(window.fromMs, window.toMs, window.stepMs).map((time) => {
    const row = byTime.get(time);
    const seconds = coveredSeconds(time, window.stepMs, dataEndMs);
    if (!row || row.count === 0) {
      return { time, count: 0, rate: 0, errorRate: null, timeoutRate: null, avgMs: null, maxMs: null, p50: null, p90: null, p95: null, p99: null };
    }
    const quantileMs = (q: number) => nsToMs(histogramQuantileNs(row.histogram, q));
    return {
      time,
      count: row.count,
      rate: seconds > 0 ? row.count / seconds : 0,
      errorRate: row.errors / row.count,
      timeoutRate: row.timeouts / row.count,
      avgMs: row.durationSumNs / row.count / 1e6,
      maxMs: row.durationMaxNs / 1e6,
      p50: quantileMs(0.5),
      p90: quantileMs(0.9),
      p95: quantileMs(0.95),
      p99: quantileMs(0.99),
    };
  });
}
