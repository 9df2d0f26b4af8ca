import type pg from "pg";
import { ApiError } from "@/lib/http/api-error";
import type { Attributes } from "@/lib/ingest/otlp/model";
import { SERVICE_LABEL, type MetricAgg, type MetricQueryResponse, type MetricType } from "@/lib/schemas/metrics";
import { aggregateMetricSeries, type StoredMetricSeries } from "./aggregate-metric-points";
import { mergeUniformHistograms } from "./merge-uniform-histograms";
import { aggQuantile, defaultAgg, metricKind, supportsAgg, TEMPORALITY } from "./metric-kind";
import { readMetricPoints, readSampledMetricPoints, shouldSample } from "./read-metric-points";
import { readSampledHistograms } from "./read-sampled-histograms";
import { SqlParams } from "./sql-params";
import { chooseStep } from "./step-buckets";

// One metric, filtered and grouped, as chart series. SQL picks the series (by name and label
// filters) and reads their points through the (series_id, time) index; everything that depends
// on the metric's type and temporality (increases, resets, bucket merging) is done by the pure
// aggregateMetricSeries, so it is tested without a database. (Percentiles of histograms over long
// windows read one row a series, readSampledHistograms, and those sharing one layout are merged
// by mergeUniformHistograms, the same arithmetic on arrays instead of maps.)

export type Queryable = Pick<pg.Pool, "query">;

export interface MetricSeriesInput {
  name: string;
  filter?: { key: string; value: string }[] | undefined;
  agg?: MetricAgg | undefined;
  groupBy?: string[] | undefined;
  fromMs: number;
  toMs: number;
  stepSeconds?: number | undefined;
  /**
   * auto (default): long windows read one point per series and step (exact for counters and
   * histograms, a gauge's value at each step's end); off: read every point.
   */
  sampling?: "auto" | "off" | undefined;
}

export const MAX_SERIES = 5_000;
// Cumulative series need the point before the window as a baseline; exporters send every 10-60 s.
export const MIN_LOOKBACK_MS = 5 * 60_000;

export interface SeriesRow {
  id: string;
  type: MetricType;
  unit: string;
  temporality: number;
  is_monotonic: boolean;
  service_name: string;
  attributes: Attributes;
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
  const q = aggQuantile(agg);
  // A percentile of histograms reads only buckets, counts, min and max: one row a series where it can.
  const histogramSamples =
    q !== null && seriesRows.every((row) => row.type === "histogram") && readsSamples(seriesRows, fetchedFromMs, input.toMs, stepMs, input.sampling)
      ? await readSampledHistograms(db, seriesRows.map((row) => row.id), fetchedFromMs, input.toMs, stepMs)
      : null;
  const pointsBySeries = histogramSamples ?? (await readSeriesPoints(db, seriesRows, fetchedFromMs, input.toMs, stepMs, input.sampling));
  const stored: StoredMetricSeries[] = seriesRows.map((row) => ({
    labels: seriesLabels(row),
    kind: metricKind(row.type, row.temporality, row.is_monotonic),
    cumulative: row.type === "summary" || row.temporality === TEMPORALITY.cumulative,
    points: pointsBySeries.get(row.id) ?? [],
  }));
  const options = { groupBy: input.groupBy ?? [], fromMs: input.fromMs, toMs: input.toMs, stepMs, fetchedFromMs };
  const series = (q === null ? null : mergeUniformHistograms(stored, options, q)) ?? aggregateMetricSeries(stored, { ...options, agg });
  return { name: input.name, type: first.type, unit: first.unit, agg, step, requestedStep, series };
}

export async function findSeries(db: Queryable, input: Pick<MetricSeriesInput, "name" | "filter">): Promise<SeriesRow[]> {
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

/**
 * The stored points of the chosen series: one per series and step for long windows (see
 * read-metric-points.ts), every point otherwise. Delta series are always read whole: each of
 * their points is an increase of its own.
 */
export async function readSeriesPoints(db: Queryable, rows: SeriesRow[], fromMs: number, toMs: number, stepMs: number, sampling: "auto" | "off" = "auto") {
  const ids = rows.map((row) => row.id);
  return readsSamples(rows, fromMs, toMs, stepMs, sampling) ? readSampledMetricPoints(db, ids, fromMs, toMs, stepMs) : readMetricPoints(db, ids, fromMs, toMs);
}

function readsSamples(rows: SeriesRow[], fromMs: number, toMs: number, stepMs: number, sampling: "auto" | "off" = "auto"): boolean {
  return sampling !== "off" && rows.every((row) => row.temporality !== TEMPORALITY.delta) && shouldSample(stepMs, rows.length, fromMs, toMs);
}

/** Point attributes as text labels, plus the resource's service.name. */
export function seriesLabels(row: SeriesRow): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(row.attributes)) labels[key] = typeof value === "string" ? value : JSON.stringify(value);
  labels[SERVICE_LABEL] = row.service_name;
  return labels;
}
