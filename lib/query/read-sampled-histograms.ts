import type pg from "pg";
import type { StoredMetricPoint } from "./aggregate-metric-points";
import { sampledPointsSql } from "./read-metric-points";
import { SqlParams } from "./sql-params";

// The sampled points of explicit-bucket histograms (as readSampledMetricPoints picks them) in one
// row per series: each column's values as an array in time order, the bucket counts as their
// array texts joined, and the bounds once. A day of 80 series at a 5-minute step is 23,000
// points; as rows, their per-row cost in PostgreSQL's output and in node-postgres was most of a
// percentile query's time (docs/benchmarks.md). Points come without value and sum, which no
// percentile reads. Only for series that keep one layout: a series
// whose bounds change, or with a point without buckets, makes the answer null and the caller
// reads points one a row.

type Queryable = Pick<pg.Pool, "query">;

const COLUMNS = "(time_ns / 1000000)::float8 AS time_ms, start_time_ns::text AS start_time_ns, count::float8 AS count, min, max, bucket_counts, explicit_bounds";

interface SeriesRow {
  series_id: string;
  times: number[];
  starts: (string | null)[];
  counts: (number | null)[];
  mins: (number | null)[];
  maxs: (number | null)[];
  /** `{1,2,3}{4,5,6}…`: each point's bucket_counts as text, in time order */
  buckets: string;
  bounds: number[];
  one_layout: boolean;
}

export async function readSampledHistograms(db: Queryable, seriesIds: string[], fromMs: number, toMs: number, stepMs: number): Promise<Map<string, StoredMetricPoint[]> | null> {
  const params = new SqlParams();
  const { rows } = await db.query<SeriesRow>(
    `SELECT series_id, array_agg(time_ms ORDER BY time_ms) AS times, array_agg(start_time_ns ORDER BY time_ms) AS starts,
            array_agg(count ORDER BY time_ms) AS counts, array_agg(min ORDER BY time_ms) AS mins, array_agg(max ORDER BY time_ms) AS maxs,
            string_agg(bucket_counts::text, '' ORDER BY time_ms) AS buckets, min(explicit_bounds) AS bounds,
            -- every point has buckets (so the texts line up with the points), all of one layout
            count(bucket_counts) = count(*) AND min(cardinality(bucket_counts)) = max(cardinality(bucket_counts)) AND min(cardinality(bucket_counts)) > 0
              AND count(explicit_bounds) = count(*) AND min(explicit_bounds) = max(explicit_bounds) AS one_layout
       FROM (${sampledPointsSql(params, seriesIds, fromMs, toMs, stepMs, COLUMNS)}) AS points
      GROUP BY series_id`,
    params.values,
  );
  if (!rows.every((row) => row.one_layout)) return null;
  return new Map(
    rows.map((row) => {
      const buckets = row.buckets.slice(1, -1).split("}{");
      const points = row.times.map(
        (timeMs, i): StoredMetricPoint => ({
          timeMs,
          startTimeNs: row.starts[i] ?? null,
          value: null,
          count: row.counts[i] ?? null,
          sum: null,
          min: row.mins[i] ?? null,
          max: row.maxs[i] ?? null,
          bucketCounts: buckets[i]!.split(",").map(Number),
          explicitBounds: row.bounds,
          exponential: null,
          quantiles: null,
        }),
      );
      return [row.series_id, points];
    }),
  );
}
