import type pg from "pg";
import { readMetricJobRuns } from "./read-metric-job-runs";
import { readSpanJobRuns } from "./read-span-job-runs";
import type { JobRun } from "./schemas";

// Runs of batch jobs in a window, oldest first: from root spans carrying `job.name`
// (read-span-job-runs.ts) and from `*.batch_job.runs` counters (read-metric-job-runs.ts). A job
// (service and name) seen as spans in the window is read from its spans alone: the demo sends
// both for every run, and the spans carry traces, attempts and errors the counter does not.

export interface StoredJobRun extends JobRun {
  service: string;
  job: string;
}

/** Enough for a minutely job over several days; the newest are kept when a window holds more. */
export const MAX_RUNS = 20_000;

export async function readJobRuns(
  db: Pick<pg.Pool, "query">,
  window: { fromMs: number; toMs: number },
  only: { service?: string | undefined; job?: string | undefined } = {},
  limit = MAX_RUNS,
): Promise<{ runs: StoredJobRun[]; truncated: boolean }> {
  const [spans, metrics] = await Promise.all([readSpanJobRuns(db, window, only, limit), readMetricJobRuns(db, window, only)]);
  const key = (run: StoredJobRun) => JSON.stringify([run.service, run.job]);
  const spanJobs = new Set(spans.runs.map(key));
  const metricOnly = metrics.filter((run) => !spanJobs.has(key(run)));
  if (!metricOnly.length) return spans;
  const all = [...spans.runs, ...metricOnly].sort((a, b) => a.startMs - b.startMs);
  return { runs: all.slice(-limit), truncated: spans.truncated || all.length > limit };
}
