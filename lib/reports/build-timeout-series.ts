import { bucketStarts } from "@/lib/query/step-buckets";
import type { TimeoutReport } from "./schemas";
import type { RollupBucketRow } from "./timeout-report-queries";

// The report's chart series: one point per bucket of the window (empty buckets as zeros, so a
// quiet stretch reads as quiet, not as a gap), with the timeouts of the same bucket a day and
// a week earlier beside it.

const DAY_MS = 86_400_000;

export function buildTimeoutSeries(rows: readonly RollupBucketRow[], window: { fromMs: number; toMs: number }, stepMs: number): TimeoutReport["series"]["points"] {
  const points = new Map(
    bucketStarts(window.fromMs, window.toMs, stepMs).map((timeMs) => [timeMs, { timeMs, requests: 0, timedOut: 0, dayBeforeTimedOut: 0, weekBeforeTimedOut: 0 }]),
  );
  for (const row of rows) {
    const point = points.get(row.timeMs);
    if (!point) continue;
    if (row.shiftMs === 0) {
      point.requests += row.requests;
      point.timedOut += row.timedOut;
    } else if (row.shiftMs === DAY_MS) point.dayBeforeTimedOut += row.timedOut;
    else if (row.shiftMs === 7 * DAY_MS) point.weekBeforeTimedOut += row.timedOut;
  }
  return [...points.values()];
}

/** Requests of one endpoint in the window itself. */
export function endpointRequests(rows: readonly RollupBucketRow[], endpoint: { service: string; operation: string }): number {
  return rows.filter((r) => r.shiftMs === 0 && r.service === endpoint.service && r.operation === endpoint.operation).reduce((sum, r) => sum + r.requests, 0);
}
