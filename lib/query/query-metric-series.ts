import type pg from "pg";
import { ApiError } from "@/lib/http/api-error";
import type { Attributes } from "@/lib/ingest/otlp/model";
import { SERVICE_LABEL, type MetricAgg, type MetricQueryResponse, type MetricType } from "@/lib/schemas/metrics";
import { aggregateMetricSeries, type StoredMetricPoint, type StoredMetricSeries } from "./aggregate-metric-points";
import type { ExponentialHistogramData } from "./merged-histogram";
import { defaultAgg, metricKind, supportsAgg, TEMPORALITY } from "./metric-kind";
import { SqlParams } from "./sql-params";
import { chooseStep } from "./step-buckets";

// One metric, filtered and grouped, as chart series. SQL picks the series (by name and label
// filters) and reads their points through the (series_id, time) index; everything that depends
// on the metric's type and temporality (increases, resets, bucket merging) is done by the pure
// aggregateMetricSeries, so it is tested without a database.

type Queryable = Pick<pg.Pool, "query">;

export interface MetricSeriesInput {
  name: string;
  filter?: { key: string; value: string }[] | undefined;
  agg?: MetricAgg | undefined;
  groupBy?: string[] | undefined;
  fromMs: number;
  toMs: number;
  stepSeconds?: number | undefined;
}

export const MAX_SERIES = 5_000;
export const MAX_RAW_POINTS = 1_000_000;
// Cumulative series need the point before the window as a baseline; exporters send every 10-60 s.
const MIN_LOOKBACK_MS = 5 * 60_000;

interface SeriesRow {
  id: string;
  type: MetricType;
  unit: string;
  temporality: number;
  is_monotonic: boolean;
  service_name: string;
  attributes: Attributes;
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
  exp_histogram: ExponentialHistogramData | null;
  quantiles: { quantile: number; value: number }[] | null;
}

export async function queryMetricSeries(db: Queryable, input: MetricSeriesInput): Promise<MetricQueryResponse> {
  const { stepSeconds: step, requestedSeconds: requestedStep } = chooseStep(input.stepSeconds, input.fromMs, input.toMs, 1);
  const stepMs = step * 1_000;

  const seriesRows = await findSeries(db, input);
  const first = seriesRows[0];
  if (!first) return { name: input.name, type: null, unit: "", agg: input.agg ?? "avg", step, requestedStep, series: [] };

  const kinds = new Set(seriesRows.map((row) => metricKind(row.type, row.temporality, row.is_monotonic)));
  const agg = input.agg ?? defaultAgg(metricKind(first.type, first.temporality, first.is_monotonic));
  for (const kind of kinds) {
    if (!supportsAgg(kind, agg)) throw new ApiError("bad_request", `agg: ${agg} does not apply to ${input.name}, a ${kind} metric`);
  }

  const fetchedFromMs = input.fromMs - Math.max(stepMs, MIN_LOOKBACK_MS);
  const pointsBySeries = await readPoints(db, seriesRows.map((row) => row.id), fetchedFromMs, input.toMs);
  const stored: StoredMetricSeries[] = seriesRows.map((row) => ({
    labels: seriesLabels(row),
    kind: metricKind(row.type, row.temporality, row.is_monotonic),
    cumulative: row.type === "summary" || row.temporality === TEMPORALITY.cumulative,
    points: pointsBySeries.get(row.id) ?? [],
  }));
  const series = aggregateMetricSeries(stored, { agg, groupBy: input.groupBy ?? [], fromMs: input.fromMs, toMs: input.toMs, stepMs, fetchedFromMs });
  return { name: input.name, type: first.type, unit: first.unit, agg, step, requestedStep, series };
}

async function findSeries(db: Queryable, input: MetricSeriesInput): Promise<SeriesRow[]> {
  const params = new SqlParams();
  const conditions = [`name = ${params.add(input.name, "text")}`];
  for (const { key, value } of input.filter ?? []) {
    conditions.push(
      key === SERVICE_LABEL ? `service_name = ${params.add(value, "text")}` : `attributes ->> ${params.add(key, "text")} = ${params.add(value, "text")}`,
    );
  }
  const { rows } = await db.query<SeriesRow>(
    `SELECT id, type, unit, temporality, is_monotonic, service_name, attributes
       FROM metric_series
      WHERE ${conditions.join(" AND ")}
      ORDER BY id
      LIMIT ${params.add(MAX_SERIES + 1, "int")}`,
    params.values,
  );
  if (rows.length > MAX_SERIES) throw new ApiError("bad_request", `filter: more than ${MAX_SERIES} series of ${input.name} match; add filters`);
  return rows;
}

async function readPoints(db: Queryable, seriesIds: string[], fromMs: number, toMs: number): Promise<Map<string, StoredMetricPoint[]>> {
  const { rows } = await db.query<PointRow>(
    `SELECT series_id::text AS series_id, (time_ns / 1000000)::float8 AS time_ms, start_time_ns::text AS start_time_ns, value,
            count::float8 AS count, sum, min, max, bucket_counts::float8[] AS bucket_counts, explicit_bounds, exp_histogram, quantiles
       FROM metric_points
      WHERE series_id = ANY($1::bigint[]) AND time >= $2::timestamptz AND time < $3::timestamptz
      ORDER BY series_id, time
      LIMIT $4`,
    [seriesIds, new Date(fromMs).toISOString(), new Date(toMs).toISOString(), MAX_RAW_POINTS + 1],
  );
  if (rows.length > MAX_RAW_POINTS) throw new ApiError("bad_request", `from: more than ${MAX_RAW_POINTS} stored points in this window; narrow it or add filters`);
  const bySeries = new Map<string, StoredMetricPoint[]>();
  for (const row of rows) {
    const point: StoredMetricPoint = {
      timeMs: row.time_ms,
      startTimeNs: row.start_time_ns,
      value: row.value,
      count: row.count,
      sum: row.sum,
      min: row.min,
      max: row.max,
      bucketCounts: row.bucket_counts,
      explicitBounds: row.explicit_bounds,
      exponential: row.exp_histogram,
      quantiles: row.quantiles,
    };
    const list = bySeries.get(row.series_id);
    if (list) list.push(point);
    else bySeries.set(row.series_id, [point]);
  }
  return bySeries;
}

/** Point attributes as text labels, plus the resource's service.name. */
function seriesLabels(row: SeriesRow): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(row.attributes)) labels[key] = typeof value === "string" ? value : JSON.stringify(value);
  labels[SERVICE_LABEL] = row.service_name;
  return labels;
}
