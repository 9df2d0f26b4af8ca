import type pg from "pg";
import type { StoredJobRun } from "./read-job-runs";

// Runs of batch jobs: root spans carrying `job.name` in the window, through the partial index
// spans_job_roots_time_idx (migration 0013), so the read touches the runs and nothing else.
// A run failed when its span's status is ERROR; its attempt is `job.attempt` (a number, 1 for a
// first try), or 2 when the span only says `job.retry` = true.

export async function readSpanJobRuns(
  db: Pick<pg.Pool, "query">,
  window: { fromMs: number; toMs: number },
  only: { service?: string | undefined; job?: string | undefined },
  limit: number,
): Promise<{ runs: StoredJobRun[]; truncated: boolean }> {
  const { rows } = await db.query<{
    service: string;
    job: string;
    trace_id: string;
    span_id: string;
    start_ms: number;
    duration_ms: number;
    failed: boolean;
    attempt: string | null;
    retry: string | null;
    error: string | null;
  }>(
    `SELECT service_name AS service, attributes->>'job.name' AS job, encode(trace_id, 'hex') AS trace_id, encode(span_id, 'hex') AS span_id,
            start_ns / 1e6::float8 AS start_ms, duration_ns / 1e6::float8 AS duration_ms, status_code = 2 AS failed,
            attributes->>'job.attempt' AS attempt, attributes->>'job.retry' AS retry, nullif(status_message, '') AS error
       FROM spans
      WHERE parent_span_id IS NULL AND attributes ? 'job.name' AND start_time >= $1 AND start_time < $2
        AND ($3::text IS NULL OR service_name = $3) AND ($4::text IS NULL OR attributes->>'job.name' = $4)
      ORDER BY start_time DESC
      LIMIT $5`,
    [new Date(window.fromMs), new Date(window.toMs), only.service ?? null, only.job ?? null, limit + 1],
  );
  const runs = rows.slice(0, limit).map(
    (row): StoredJobRun => ({
      service: row.service,
      job: row.job,
      traceId: row.trace_id,
      spanId: row.span_id,
      startMs: row.start_ms,
      durationMs: row.duration_ms,
      outcome: row.failed ? "failure" : "success",
      attempt: attemptOf(row.attempt, row.retry),
      error: row.failed ? (row.error ?? "failed") : null,
    }),
  );
  return { runs: runs.reverse(), truncated: rows.length > limit };
}

function attemptOf(attempt: string | null, retry: string | null): number {
  const n = attempt === null ? NaN : Number(attempt);
  if (Number.isInteger(n) && n >= 1) return Math.min(n, 1_000_000);
  return retry === "true" ? 2 : 1;
}
