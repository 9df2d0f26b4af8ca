// Which requests of a slow window count as slow, and which are the baseline to compare them
// with. Slow: at least the threshold (given, or half as much again as the 90th percentile of
// the hour before — so steady traffic of equal durations still has a baseline — or, with too
// little before, the window's median). Baseline: the requests under the threshold,
// from the hour before and from the window itself. Each side is thinned to an even sample so
// the comparison reads a bounded number of traces however busy the window.

export interface RequestSample {
  traceId: string;
  spanId: string;
  durationMs: number;
  startMs: number;
}

export type BaselineSource = "before" | "fast" | "both" | "none";

export interface SlowSplit {
  thresholdMs: number;
  slow: RequestSample[];
  slowCount: number;
  baseline: RequestSample[];
  baselineCount: number;
  source: BaselineSource;
}

/** Fewer requests before the window than this, and their percentile says little. */
export const MIN_BEFORE = 20;
export const BEFORE_MARGIN = 1.5;

export function splitSlowRequests(window: readonly RequestSample[], before: readonly RequestSample[], options: { thresholdMs?: number | undefined; maxEach: number }): SlowSplit {
  const thresholdMs = options.thresholdMs ?? (before.length >= MIN_BEFORE ? BEFORE_MARGIN * quantile(before, 0.9) : quantile(window, 0.5));
  const slow = window.filter((r) => r.durationMs >= thresholdMs);
  const fastBefore = before.filter((r) => r.durationMs < thresholdMs);
  const fastWindow = window.filter((r) => r.durationMs < thresholdMs);
  const source: BaselineSource = fastBefore.length && fastWindow.length ? "both" : fastBefore.length ? "before" : fastWindow.length ? "fast" : "none";
  const baseline = [...fastBefore, ...fastWindow];
  return { thresholdMs, slow: evenSample(slow, options.maxEach), slowCount: slow.length, baseline: evenSample(baseline, options.maxEach), baselineCount: baseline.length, source };
}

function quantile(requests: readonly RequestSample[], q: number): number {
  if (requests.length === 0) return 0;
  const sorted = requests.map((r) => r.durationMs).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** `n` requests spread evenly over time (not the first n: a window's start is not all of it). */
export function evenSample<T extends { startMs: number }>(items: readonly T[], n: number): T[] {
  const sorted = [...items].sort((a, b) => a.startMs - b.startMs);
  if (sorted.length <= n) return sorted;
  return Array.from({ length: n }, (_, i) => sorted[Math.floor((i * sorted.length) / n)]!);
}
