import type { JobRun, JobSummary } from "./schemas";

// One job's health from its runs (oldest first), pure: the clock is passed in.
//   - next expected run: the last run's start + the median interval between first attempts
//     (retries come in bursts and would shrink the interval);
//   - failed: the last run failed; missed: now is past the next expected run + grace;
//     running is never said: a span arrives only when its run has ended.

export const DEFAULT_GRACE_MS = 120_000;

export function summariseJob(
  service: string,
  job: string,
  runs: JobRun[],
  nowMs: number,
  options: { graceMs?: number; alertRuleIds?: string[] } = {},
): JobSummary {
  const lastRun = runs[runs.length - 1] ?? null;
  const firsts = runs.filter((run) => run.attempt <= 1).map((run) => run.startMs);
  const gaps = firsts.slice(1).map((start, i) => start - firsts[i]!);
  const medianIntervalMs = median(gaps);
  const nextExpectedMs = lastRun && medianIntervalMs !== null ? lastRun.startMs + medianIntervalMs : null;
  const lastSuccess = [...runs].reverse().find((run) => run.outcome === "success");
  const health =
    lastRun?.outcome === "failure"
      ? "failed"
      : nextExpectedMs !== null && nowMs > nextExpectedMs + (options.graceMs ?? DEFAULT_GRACE_MS)
        ? "missed"
        : "ok";
  return {
    service,
    job,
    health,
    lastRun,
    lastSuccessMs: lastSuccess?.startMs ?? null,
    runs: runs.length,
    failures: runs.filter((run) => run.outcome === "failure").length,
    retries: runs.filter((run) => run.attempt > 1).length,
    p95DurationMs: quantile(runs.flatMap((run) => (run.durationMs === null ? [] : [run.durationMs])), 0.95),
    medianIntervalMs,
    nextExpectedMs,
    alertRuleIds: options.alertRuleIds ?? [],
  };
}

function median(values: number[]): number | null {
  return quantile(values, 0.5);
}

/** Nearest-rank quantile; null for no values. */
function quantile(values: number[], q: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
