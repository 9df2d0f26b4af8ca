import type pg from "pg";
import { increasesOf, millisPerUnit, outcomeOf, runsFromIncreases, type CumulativePoint } from "./derive-metric-job-runs";
import type { StoredJobRun } from "./read-job-runs";

// Runs of batch jobs reported as metrics: the series of `<anything>.batch_job.runs` (a sum with
// `job.name` and `outcome` labels) and `<anything>.batch_job.duration` (a histogram of the same
// labels), read from metric_points as only the points where a total changed and the point
// before each (the increase between two equal points is 0, so the rest say nothing), plus, for
// cumulative series, the last point of the hour before the window as the baseline of its first
// increase. One window pass in index order per series (no sort): lag and lead say which change. A day of a series exported every 10 s is 8,640 points; a job running hourly returns
// 48 of them. The runs themselves are derived in derive-metric-job-runs.ts.

/** How far before the window a cumulative series' baseline point is looked for. */
const BASELINE_LOOKBACK_MS = 3_600_000;

interface PointRow {
  series_id: string;
  service: string;
  job: string;
  outcome: string | null;
  is_runs: boolean;
  temporality: number;
  unit: string;
  pair_key: string;
  time_ms: number;
  start_ms: number | null;
  value: number | null;
  count: number | null;
  sum: number | null;
}

export async function readMetricJobRuns(
  db: Pick<pg.Pool, "query">,
  window: { fromMs: number; toMs: number },
  only: { service?: string | undefined; job?: string | undefined },
): Promise<StoredJobRun[]> {
  // metric_series is scanned (a name suffix has no index); it holds one row per series, not per point.
  const { rows } = await db.query<PointRow>(
    `WITH series AS (
       SELECT id, service_name AS service, attributes->>'job.name' AS job, attributes->>'outcome' AS outcome, type = 'sum' AS is_runs,
              temporality, unit, resource_id::text || ' ' || regexp_replace(name, 'batch_job\\.(runs|duration)$', '') || ' ' || attributes::text AS pair_key
         FROM metric_series
        WHERE name ~ '(^|\\.)batch_job\\.(runs|duration)$' AND attributes ? 'job.name'
          AND ((type = 'sum' AND name ~ 'runs$' AND attributes ? 'outcome') OR (type = 'histogram' AND name ~ 'duration$'))
          AND last_seen >= $1::timestamptz - $5::interval
          AND ($3::text IS NULL OR service_name = $3) AND ($4::text IS NULL OR attributes->>'job.name' = $4))
     SELECT s.id::text AS series_id, s.service, s.job, s.outcome, s.is_runs, s.temporality, s.unit, s.pair_key,
            p.time_ms, p.start_ms, p.value, p.count, p.sum
       FROM series s
      CROSS JOIN LATERAL (
            SELECT time_ms, start_ms, value, count, sum
              FROM (SELECT time, time_ns / 1e6::float8 AS time_ms, start_time_ns / 1e6::float8 AS start_ms, value, count::float8 AS count, sum,
                           lead(time) OVER w AS next_time,
                           -- a histogram's sum moves only with its count
                           (coalesce(value, count), start_time_ns) IS DISTINCT FROM (lag(coalesce(value, count)) OVER w, lag(start_time_ns) OVER w) AS changed,
                           (coalesce(value, count), start_time_ns) IS DISTINCT FROM (lead(coalesce(value, count)) OVER w, lead(start_time_ns) OVER w) AS next_changed
                      FROM metric_points
                     WHERE series_id = s.id AND time < $2
                       AND time >= CASE WHEN s.temporality = 1 THEN $1::timestamptz ELSE $1::timestamptz - $5::interval END
                    WINDOW w AS (ORDER BY time)) AS r
             -- before the window only the baseline: its last point
             WHERE CASE WHEN time < $1 THEN next_time IS NULL OR next_time >= $1
                        WHEN s.temporality = 1 THEN coalesce(value, count) > 0
                        ELSE changed OR next_changed END) AS p`,
    [new Date(window.fromMs), new Date(window.toMs), only.service ?? null, only.job ?? null, `${BASELINE_LOOKBACK_MS} milliseconds`],
  );
  const series = new Map<string, { head: PointRow; points: CumulativePoint[] }>();
  for (const row of rows) {
    const totals = row.is_runs ? [row.value ?? 0] : [row.count ?? 0, row.sum ?? NaN];
    const point = { timeMs: row.time_ms, startMs: row.start_ms, totals };
    const entry = series.get(row.series_id);
    if (entry) entry.points.push(point);
    else series.set(row.series_id, { head: row, points: [point] });
  }
  // sorted here rather than in SQL: a day of many jobs' points would spill the sort to disk
  for (const s of series.values()) s.points.sort((a, b) => a.timeMs - b.timeMs);
  const sinceMs = window.fromMs - BASELINE_LOOKBACK_MS;
  // OTLP aggregation temporality: 1 = delta, 2 = cumulative.
  const increases = (s: { head: PointRow; points: CumulativePoint[] }) => increasesOf(s.points, s.head.temporality !== 1, sinceMs);
  const durations = new Map([...series.values()].filter((s) => !s.head.is_runs).map((s) => [s.head.pair_key, s]));
  return [...series.values()]
    .filter((s) => s.head.is_runs)
    .flatMap((s) => {
      const duration = durations.get(s.head.pair_key);
      const runs = runsFromIncreases(increases(s), duration ? increases(duration) : [], outcomeOf(s.head.outcome ?? ""), duration ? millisPerUnit(duration.head.unit) : null);
      return runs.map((run): StoredJobRun => ({ service: s.head.service, job: s.head.job, ...run }));
    });
}
