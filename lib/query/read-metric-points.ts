import type pg from "pg";
import { ApiError } from "@/lib/http/api-error";
import type { StoredMetricPoint } from "./aggregate-metric-points";
import { METRIC_SAMPLE_TABLES, SAMPLED_POINT_COLUMNS } from "./metric-sample-tables";
import { SqlParams } from "./sql-params";
import { alignDown } from "./step-buckets";

// Stored points of chosen series, by series, in time order: every point in a window, or for
// long windows one stored point per series and step instead of every point: the last one
// before each step boundary, from the last points per hour or 5 minutes kept at ingest
// (metric-sample-tables.ts) or, for other steps, one index probe on (series_id, time) each. A week of
// a series exported every 10 s is 60,480 points; at a 1-hour step this reads 169.
//
// Exact for cumulative series (counters, histograms, summaries): the increase over a step is
// the difference between the totals at its two ends, so differences of these samples are the
// same as those of all points. A gauge becomes its value at the end of each step, as Prometheus
// samples it; its min/max over a step are those of the samples. Delta series cannot be sampled
// (each point is a separate increase) and are always read whole.

type Queryable = Pick<pg.Pool, "query">;

/** Sample when a series has at least this many stored points per step (an export each 10 s at a 5-minute step has 30). */
export const SAMPLE_FROM_STEP_MS = 5 * 60_000;
/** …and when the probes stay few: series × steps. */
export const MAX_SAMPLE_PROBES = 200_000;

export function shouldSample(stepMs: number, seriesCount: number, fromMs: number, toMs: number): boolean {
  const steps = Math.ceil((toMs - alignDown(fromMs, stepMs)) / stepMs) + 1;
  return stepMs >= SAMPLE_FROM_STEP_MS && seriesCount * steps <= MAX_SAMPLE_PROBES;
}

export const MAX_RAW_POINTS = 1_000_000;

const POINT_COLUMNS = `(time_ns / 1000000)::float8 AS time_ms, start_time_ns::text AS start_time_ns, value, count::float8 AS count, sum, min, max,
       bucket_counts::float8[] AS bucket_counts, explicit_bounds, exp_histogram, quantiles`;

/**
 * The points of `inner` (which selects series_id and POINT_COLUMNS) in series and time order, a
 * histogram's bounds sent only where they differ from the series' previous point: a day of a
 * histogram at a 5-min step is tens of thousands of rows, and the same bounds repeated in each cost
 * about a third of the time the rows take to reach Node (docs/benchmarks.md).
 */
function boundsOnce(inner: string): string {
  return `SELECT series_id, time_ms, start_time_ns, value, count, sum, min, max, bucket_counts, exp_histogram, quantiles,
                 bounds_repeat, CASE WHEN bounds_repeat THEN NULL ELSE explicit_bounds END AS explicit_bounds
            FROM (SELECT p.*, explicit_bounds IS NOT DISTINCT FROM lag(explicit_bounds) OVER (PARTITION BY series_id ORDER BY time_ms) AS bounds_repeat
                    FROM (${inner}) AS p) AS q
           ORDER BY series_id, time_ms`;
}

interface PointRow {
  series_id: string;
  time_ms: number;
  start_time_ns: string | null;
  value: number | null;
  count: number | null;
  sum: number | null;
  min: number | null;
  max: number | null;
  bucket_counts: number[] | null;
  explicit_bounds: number[] | null;
  exp_histogram: StoredMetricPoint["exponential"];
  quantiles: StoredMetricPoint["quantiles"];
  /** the same bounds as the series' previous row (sent as null) */
  bounds_repeat: boolean;
}

/** Every point of the series in [fromMs, toMs); refused past MAX_RAW_POINTS. */
export async function readMetricPoints(db: Queryable, seriesIds: string[], fromMs: number, toMs: number): Promise<Map<string, StoredMetricPoint[]>> {
  const { rows } = await db.query<PointRow>(
    boundsOnce(`SELECT series_id::text AS series_id, ${POINT_COLUMNS}
       FROM metric_points
      WHERE series_id = ANY($1::bigint[]) AND time >= $2::timestamptz AND time < $3::timestamptz
      ORDER BY series_id, time
      LIMIT $4`),
    [seriesIds, new Date(fromMs).toISOString(), new Date(toMs).toISOString(), MAX_RAW_POINTS + 1],
  );
  if (rows.length > MAX_RAW_POINTS) throw new ApiError("bad_request", `from: more than ${MAX_RAW_POINTS} stored points in this window; narrow it or add filters`);
  return bySeries(rows);
}

/**
 * For each series and each step boundary b from the one at or before `fromMs` to the first after
 * `toMs`: the last point in [b − step, b) and before `toMs` (a window that ends in the past must
 * not sample what came after it). Each sample therefore lies in the step that ends at b.
 * Steps of whole buckets of a sample table (lib/query/metric-sample-tables.ts) read the
 * buckets' last points with range scans: whole buckets of the coarsest table that divides the
 * step, the rest of the step `toMs` cuts from the finer one, and the last points before `toMs`
 * by one probe a series. Other steps probe metric_points once per series and boundary.
 */
export async function readSampledMetricPoints(db: Queryable, seriesIds: string[], fromMs: number, toMs: number, stepMs: number): Promise<Map<string, StoredMetricPoint[]>> {
  const params = new SqlParams();
  const { rows } = await db.query<PointRow>(boundsOnce(sampledPointsSql(params, seriesIds, fromMs, toMs, stepMs)), params.values);
  return bySeries(rows);
}

/**
 * The query of readSampledMetricPoints' points (series_id as text and `columns` of metric_points,
 * POINT_COLUMNS by default, in no order), its values added to `params`.
 */
export function sampledPointsSql(params: SqlParams, seriesIds: string[], fromMs: number, toMs: number, stepMs: number, columns = POINT_COLUMNS): string {
  const ids = params.add(seriesIds, "bigint[]");
  const toParam = params.add(new Date(toMs).toISOString(), "timestamptz");
  const stepParam = params.add(`${stepMs} milliseconds`, "interval");
  const firstBoundary = params.add(new Date(alignDown(fromMs, stepMs)).toISOString(), "timestamptz");
  const levels = METRIC_SAMPLE_TABLES.filter((level) => stepMs % level.bucketMs === 0);
  if (levels.length > 0) {
    // Each level from where the coarser one stopped to the last whole bucket of its own before `to`.
    let start = `${firstBoundary} - ${stepParam}`;
    const parts = levels.map((level) => {
      const cut = params.add(new Date(alignDown(toMs, level.bucketMs)).toISOString(), "timestamptz");
      const part = `SELECT bucket AS t, series_id, ${SAMPLED_POINT_COLUMNS} FROM ${level.table}
                     WHERE series_id = ANY(${ids}) AND bucket >= ${start} AND bucket < ${cut}`;
      start = `greatest(${start}, ${cut})`;
      return part;
    });
    parts.push(`SELECT p.time, s.id, ${SAMPLED_POINT_COLUMNS.split(", ").map((c) => `p.${c}`).join(", ")}
                  FROM unnest(${ids}) AS s(id)
                 CROSS JOIN LATERAL (SELECT * FROM metric_points WHERE series_id = s.id AND time >= ${start} AND time < ${toParam}
                                      ORDER BY time DESC LIMIT 1) AS p`);
    // A step of one bucket holds one sample already (the last points before `to` lie past the last
    // bucket): no sort of every sample, with its arrays, to pick it.
    if (levels.length === 1 && levels[0]!.bucketMs === stepMs) return `SELECT series_id::text AS series_id, ${columns} FROM (${parts.join(" UNION ALL ")}) AS samples`;
    // The last sample of each step: the step of a sample at t is date_bin(step, t).
    return `SELECT DISTINCT ON (series_id, date_bin(${stepParam}, t, 'epoch'::timestamptz)) series_id::text AS series_id, ${columns}
         FROM (${parts.join(" UNION ALL ")}) AS samples
        ORDER BY series_id, date_bin(${stepParam}, t, 'epoch'::timestamptz), t DESC`;
  }
  const lastBoundary = params.add(new Date(alignDown(toMs, stepMs) + stepMs).toISOString(), "timestamptz");
  return `SELECT s.id::text AS series_id, p.*
       FROM unnest(${ids}) AS s(id)
      CROSS JOIN generate_series(${firstBoundary}, ${lastBoundary}, ${stepParam}) AS b(t)
      CROSS JOIN LATERAL (
            SELECT ${columns}
              FROM metric_points
             WHERE series_id = s.id AND time < b.t AND time >= b.t - ${stepParam} AND time < ${toParam}
             ORDER BY time DESC
             LIMIT 1) AS p`;
}

function bySeries(rows: PointRow[]): Map<string, StoredMetricPoint[]> {
  const grouped = new Map<string, StoredMetricPoint[]>();
  let bounds: number[] | null = null;
  let series: string | null = null;
  for (const row of rows) {
    // a series' first row has no previous one: it repeats only "no bounds"
    bounds = row.bounds_repeat && row.series_id === series ? bounds : row.explicit_bounds;
    series = row.series_id;
    const point: StoredMetricPoint = {
      timeMs: row.time_ms,
      startTimeNs: row.start_time_ns,
      value: row.value,
      count: row.count,
      sum: row.sum,
      min: row.min,
      max: row.max,
      bucketCounts: row.bucket_counts,
      explicitBounds: bounds,
      exponential: row.exp_histogram,
      quantiles: row.quantiles,
    };
    const list = grouped.get(row.series_id);
    if (list) list.push(point);
    else grouped.set(row.series_id, [point]);
  }
  return grouped;
}
