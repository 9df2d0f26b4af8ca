import type pg from "pg";
import { ApiError } from "@/lib/http/api-error";
import type { RedResponse } from "@/lib/schemas/red";
import { buildRedPoints, type RedBucketRow } from "./build-red-points";
import { HOUR_MS, rollupSource } from "@/lib/rollup/rollup-source";
import { SqlParams } from "./sql-params";
import { alignDown, bucketCount, MAX_POINTS, resolveStepSeconds } from "./step-buckets";

// Rate, errors and duration over time for one service, read from the rollups: at most one row
// per minute (or, for steps of whole hours, per hour: lib/rollup/rollup-source.ts), operation
// and kind, so a week of a busy service is ~50,000 minute rows or ~850 hour rows, not millions
// of spans. Two statements: per-bucket sums, and per-bucket histogram cells (bucket index and
// count). The cells are summed by unnesting the arrays: about 4x faster than folding them with
// sightline_sum_histograms, whose per-row SQL function call dominates at this size (measured in
// docs/benchmarks.md). Long windows split the cells into time slices queried side by side,
// because PostgreSQL runs this shape on one core; the buckets of the slices never overlap.

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
/** Windows longer than this read their histogram cells in SLICES parallel statements. */
const SLICE_ABOVE_MS = 6 * 3_600_000;
const SLICES = 2;

interface SumsRow {
  time_ms: number;
  count: number;
  errors: number;
  timeouts: number;
  sum_ns: number;
  max_ns: number;
}

export async function getRedSeries(db: Queryable, input: RedSeriesInput): Promise<RedResponse> {
  const step = resolveStepSeconds(input.stepSeconds, input.toMs - input.fromMs, ROLLUP_SECONDS);
  const stepMs = step * 1_000;
  const points = bucketCount(input.fromMs, input.toMs, stepMs);
  if (points > MAX_POINTS) throw new ApiError("bad_request", `step: ${step}s gives ${points} points over this window; at most ${MAX_POINTS}`);

  const firstMs = alignDown(input.fromMs, stepMs);
  const [sums, ...cellSlices] = await Promise.all([
    db.query<SumsRow>(rollupQuery(input, step, firstMs, input.toMs, "sums")),
    ...sliceBounds(firstMs, input.toMs, stepMs).map(([from, to]) => db.query<{ time_ms: number; i: number; c: number }>(rollupQuery(input, step, from, to, "cells"))),
  ]);

  const histograms = new Map<number, number[]>();
  for (const slice of cellSlices) {
    for (const { time_ms, i, c } of slice.rows) {
      let histogram = histograms.get(time_ms);
      if (!histogram) histograms.set(time_ms, (histogram = []));
      // WITH ORDINALITY counts from 1; bucket indexes from 0. Gaps read as zero below.
      histogram[i - 1] = c;
    }
  }
  const buckets: RedBucketRow[] = sums.rows.map((row) => ({
    timeMs: row.time_ms,
    count: row.count,
    errors: row.errors,
    timeouts: row.timeouts,
    durationSumNs: row.sum_ns,
    durationMaxNs: row.max_ns,
    histogram: Array.from(histograms.get(row.time_ms) ?? [], (c) => c ?? 0),
  }));
  return { step, points: buildRedPoints(buckets, { fromMs: input.fromMs, toMs: input.toMs, stepMs }) };
}

/** [from, to) ranges on step boundaries covering the window, one per slice. */
function sliceBounds(firstMs: number, toMs: number, stepMs: number): [number, number][] {
  if (toMs - firstMs <= SLICE_ABOVE_MS) return [[firstMs, toMs]];
  const steps = Math.ceil((toMs - firstMs) / stepMs);
  const bounds: [number, number][] = [];
  for (let slice = 0; slice < SLICES; slice++) {
    const from = firstMs + Math.floor((steps * slice) / SLICES) * stepMs;
    const to = slice === SLICES - 1 ? toMs : firstMs + Math.floor((steps * (slice + 1)) / SLICES) * stepMs;
    if (from < to) bounds.push([from, to]);
  }
  return bounds;
}

function rollupQuery(input: RedSeriesInput, step: number, fromMs: number, toMs: number, part: "sums" | "cells"): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const bucket = `extract(epoch FROM date_bin(make_interval(secs => ${params.add(step, "double precision")}), r.t, 'epoch'::timestamptz))::float8 * 1000`;
  const conditions = [`service_name = ${params.add(input.service, "text")}`];
  if (input.operation !== undefined) conditions.push(`operation = ${params.add(input.operation, "text")}`);
  if (input.kind !== undefined) conditions.push(`kind = ${params.add(input.kind, "smallint")}`);
  // Steps of whole hours (a week's default) read whole hours from span_rollups_1h.
  const source = rollupSource(params, { fromMs, toMs, conditions, hours: (step * 1_000) % HOUR_MS === 0 });
  const text =
    part === "sums"
      ? `SELECT ${bucket} AS time_ms, sum(r.count)::float8 AS count, sum(r.errors)::float8 AS errors, sum(r.timeouts)::float8 AS timeouts,
                sum(r.duration_sum_ns)::float8 AS sum_ns, max(r.duration_max_ns)::float8 AS max_ns
           FROM ${source} r GROUP BY 1`
      : `SELECT ${bucket} AS time_ms, u.i::int AS i, sum(u.c)::float8 AS c
           FROM ${source} r CROSS JOIN LATERAL unnest(r.histogram) WITH ORDINALITY AS u(c, i)
          WHERE u.c <> 0 GROUP BY 1, 2`;
  return { text, values: params.values };
}
