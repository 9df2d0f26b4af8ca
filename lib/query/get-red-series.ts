import type pg from "pg";
import { ApiError } from "@/lib/http/api-error";
import type { RedResponse } from "@/lib/schemas/red";
import { buildRedPoints, type RedBucketRow } from "./build-red-points";
import { SqlParams } from "./sql-params";
import { alignDown, bucketCount, MAX_POINTS, resolveStepSeconds } from "./step-buckets";

// Rate, errors and duration over time for one service, read from span_rollups_1m: at most one
// row per minute, operation and kind, so a week of a busy service is tens of thousands of rows,
// not millions of spans. Histograms are summed per bucket in the database (only the merged
// ones travel), and percentiles are read from them here.

type Queryable = Pick<pg.Pool, "query">;

export interface RedSeriesInput {
  service: string;
  operation?: string | undefined;
  /** OTLP span kind number. */
  kind?: number | undefined;
  fromMs: number;
  toMs: number;
  /** Requested step; rounded up to whole minutes. Default: about 300 points. */
  stepSeconds?: number | undefined;
}

const ROLLUP_SECONDS = 60;

export async function getRedSeries(db: Queryable, input: RedSeriesInput): Promise<RedResponse> {
  const step = resolveStepSeconds(input.stepSeconds, input.toMs - input.fromMs, ROLLUP_SECONDS);
  const stepMs = step * 1_000;
  const points = bucketCount(input.fromMs, input.toMs, stepMs);
  if (points > MAX_POINTS) throw new ApiError("bad_request", `step: ${step}s gives ${points} points over this window; at most ${MAX_POINTS}`);

  const params = new SqlParams();
  const stepParam = params.add(step, "double precision");
  const conditions = [
    `service_name = ${params.add(input.service, "text")}`,
    `minute >= ${params.add(new Date(alignDown(input.fromMs, stepMs)).toISOString(), "timestamptz")}`,
    `minute < ${params.add(new Date(input.toMs).toISOString(), "timestamptz")}`,
  ];
  if (input.operation !== undefined) conditions.push(`operation = ${params.add(input.operation, "text")}`);
  if (input.kind !== undefined) conditions.push(`kind = ${params.add(input.kind, "smallint")}`);

  const { rows } = await db.query<{ time_ms: number; count: number; errors: number; timeouts: number; sum_ns: number; max_ns: number; histogram: number[] }>(
    `SELECT extract(epoch FROM date_bin(make_interval(secs => ${stepParam}), minute, 'epoch'::timestamptz))::float8 * 1000 AS time_ms,
            sum(count)::float8 AS count, sum(errors)::float8 AS errors, sum(timeouts)::float8 AS timeouts,
            sum(duration_sum_ns)::float8 AS sum_ns, max(duration_max_ns)::float8 AS max_ns,
            sightline_sum_histograms(histogram)::float8[] AS histogram
       FROM span_rollups_1m
      WHERE ${conditions.join(" AND ")}
      GROUP BY 1
      ORDER BY 1`,
    params.values,
  );
  const buckets: RedBucketRow[] = rows.map((row) => ({
    timeMs: row.time_ms,
    count: row.count,
    errors: row.errors,
    timeouts: row.timeouts,
    durationSumNs: row.sum_ns,
    durationMaxNs: row.max_ns,
    histogram: row.histogram,
  }));
  return { step, points: buildRedPoints(buckets, { fromMs: input.fromMs, toMs: input.toMs, stepMs }) };
}
